// One administrative command, the same for every one of them: checked, then in one write transaction (idempotent by
// client id) the change, its log events and its audit entry; after the commit the events are published and the live
// effects run. A command that answers an error has written nothing (each checks before it writes).
import { err, type Err, type Result } from '../../src-shared/result';
import type { AdminAction } from '../../src-shared/admin';
import { unknownVariables } from '../../src-shared/canned-response';
import type { Db } from '../db/schema';
import { appendEvent, type EventScope, type LoggedEvent } from '../db/events';
import { insertAuditEntry } from '../db/admin-audit';
import { once } from '../outcome';
import { LEADS_ONLY_DEPARTMENT } from '../incidents/incident-service';
import { commandKey, type AdminActor, type AdminDeps } from './admin-deps';
import type { FieldChange } from './audit-diff';

export interface AdminChange<T> {
  result: Result<T>;
  events: LoggedEvent[];
  /** What a live server does once it is committed. */
  after?: { availability?: boolean; signOut?: readonly string[] };
}

export async function runAdminCommand<T>(
  deps: AdminDeps,
  actor: AdminActor,
  clientId: string,
  job: (trx: Db, now: number) => Promise<AdminChange<T>>,
  remember?: (value: T) => T,
): Promise<Result<T>> {
  const now = deps.clock.now();
  // Set by the run that committed; a retry answered from the stored result ran nothing, so it does nothing after.
  const ran: { after?: AdminChange<T>['after'] } = {};
  const out = await deps.writes.run((trx) =>
    once(
      trx,
      commandKey(actor, clientId),
      now,
      async () => {
        const change = await job(trx, now);
        ran.after = change.result.ok ? change.after : undefined;
        return change;
      },
      remember,
    ),
  );
  deps.effects.publish(out.events);
  if (ran.after?.availability) await deps.effects.availabilityChanged();
  // Last, with nothing awaited after it: the sign-out waits a turn, and the answer must be on its way by then.
  for (const id of ran.after?.signOut ?? []) deps.effects.signOut(id);
  return out.result;
}

/** Leads and admins read it live (the admin screens); agents never see an audit event. */
const leadsOnly: EventScope = { conversationId: null, departmentId: LEADS_ONLY_DEPARTMENT, specialistId: null, visitorVisible: false };

/** Writes the audit entry of a change and its `admin.audit` event. */
export async function recordAudit(trx: Db, actor: AdminActor, action: AdminAction, target: string, changes: FieldChange[], now: number): Promise<LoggedEvent> {
  const entryId = await insertAuditEntry(trx, { at: now, actorId: actor.specialistId, actorName: actor.displayName, action, target, changes });
  return appendEvent(trx, 'admin.audit', { entryId }, now, leadsOnly);
}

export const adminsOnly = (actor: AdminActor, what: string): Err | null => (actor.role === 'admin' ? null : err('forbidden', `Only admins ${what}.`));

/** A `{variable}` the template language does not know: a typo the visitor would read as typed. */
export function templateProblem(field: string, text: string): Err | null {
  const unknown = unknownVariables(text);
  if (unknown.length === 0) return null;
  const message = `Unknown variable${unknown.length > 1 ? 's' : ''} in ${field}: ${unknown.map((n) => `{${n}}`).join(', ')}`;
  return err('bad_request', message, [{ path: field, message }]);
}

/** An error answer that wrote nothing. */
export const refused = <T>(e: Err): AdminChange<T> => ({ result: e, events: [] });
