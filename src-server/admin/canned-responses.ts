// The team's canned responses: specialists read the shared ones and their departments' (leads and admins: all);
// leads and admins save and delete them. Each change is a `canned.updated` for the specialists who may use it.
import { randomUUID } from 'node:crypto';
import { ok, err, type Err, type Result } from '../../src-shared/result';
import type { CannedDraft, CannedResponse } from '../../src-shared/canned-response';
import type { Db } from '../db/schema';
import * as canned from '../db/canned-responses';
import { getDepartment } from '../db/departments';
import { appendEvent, type LoggedEvent } from '../db/events';
import type { AdminActor, AdminDeps } from './admin-deps';
import { recordAudit, refused, runAdminCommand, templateProblem, type AdminChange } from './admin-command';
import { changedFields } from './audit-diff';

const AUDITED: readonly (keyof CannedResponse & string)[] = ['departmentId', 'shortcut', 'title', 'body'];

const leadsAndAdmins = (actor: AdminActor): Err | null => (actor.role === 'agent' ? err('forbidden', 'Only leads and admins change canned responses.') : null);

/** Scoped like its department: its specialists (and leads and admins) see it; a shared one, everybody. */
function cannedEvent(trx: Db, c: CannedResponse, deleted: boolean, now: number): Promise<LoggedEvent> {
  return appendEvent(trx, 'canned.updated', { canned: c, deleted }, now, { conversationId: null, departmentId: c.departmentId, specialistId: null, visitorVisible: false });
}

export function listCannedFor(db: Db, actor: AdminActor): Promise<CannedResponse[]> {
  return canned.listCanned(db, actor.role === 'agent' ? actor.departmentIds : null);
}

/** Creates (no id) or replaces (an existing id) a canned response; shortcuts are unique per department and among the shared ones. */
export function saveCanned(deps: AdminDeps, actor: AdminActor, input: { clientId: string; canned: CannedDraft }): Promise<Result<CannedResponse>> {
  const draft = input.canned;
  const denied = leadsAndAdmins(actor) ?? templateProblem('title', draft.title) ?? templateProblem('body', draft.body);
  if (denied) return Promise.resolve(denied);
  return runAdminCommand(deps, actor, input.clientId, async (trx, now): Promise<AdminChange<CannedResponse>> => {
    const before = draft.id === undefined ? null : await canned.getCanned(trx, draft.id);
    if (draft.id !== undefined && !before) return refused(err('not_found', 'Canned response not found.'));
    if (draft.departmentId !== null && !(await getDepartment(trx, draft.departmentId))) {
      return refused(err('bad_request', `Unknown department: ${draft.departmentId}`, [{ path: 'canned.departmentId', message: 'unknown department' }]));
    }
    const clash = await canned.findCannedByShortcut(trx, draft.departmentId, draft.shortcut);
    if (clash && clash.id !== draft.id) {
      return refused(err('conflict', `/${draft.shortcut} is taken ${draft.departmentId === null ? 'among the shared responses' : `in ${draft.departmentId}`}.`));
    }
    const saved: CannedResponse = { id: before?.id ?? randomUUID(), departmentId: draft.departmentId, shortcut: draft.shortcut, title: draft.title, body: draft.body, updatedAt: now };
    const changes = changedFields(before, saved, AUDITED);
    if (before && changes.length === 0) return { result: ok(before), events: [] };
    if (before) await canned.replaceCanned(trx, saved);
    else await canned.insertCanned(trx, saved);
    const events: LoggedEvent[] = [];
    // Moved to another department (or shared): those who could use it learn it is gone for them.
    if (before && before.departmentId !== saved.departmentId) events.push(await cannedEvent(trx, before, true, now));
    events.push(await cannedEvent(trx, saved, false, now));
    events.push(await recordAudit(trx, actor, 'canned.save', `/${saved.shortcut}`, changes, now));
    return { result: ok(saved), events };
  });
}

export function deleteCanned(deps: AdminDeps, actor: AdminActor, input: { clientId: string; cannedId: string }): Promise<Result<null>> {
  const denied = leadsAndAdmins(actor);
  if (denied) return Promise.resolve(denied);
  return runAdminCommand(deps, actor, input.clientId, async (trx, now): Promise<AdminChange<null>> => {
    const before = await canned.getCanned(trx, input.cannedId);
    if (!before) return refused(err('not_found', 'Canned response not found.'));
    await canned.deleteCanned(trx, before.id);
    const event = await cannedEvent(trx, before, true, now);
    const audit = await recordAudit(trx, actor, 'canned.delete', `/${before.shortcut}`, changedFields(before, null, AUDITED), now);
    return { result: ok(null), events: [event, audit] };
  });
}
