// Admins create departments (insert only), change some of their fields, and reorder them. Every change is a
// visitor-visible `department.updated` (the customer page lists departments and their hours) and re-publishes
// availability at once, re-armed for the next opening or closing.
import { ok, err, type Err, type Result } from '../../src-shared/result';
import type { Department, DepartmentCreate, DepartmentPatch } from '../../src-shared/department';
import * as departments from '../db/departments';
import type { Db } from '../db/schema';
import { appendEvent, type EventScope, type LoggedEvent } from '../db/events';
import type { AdminActor, AdminDeps } from './admin-deps';
import { adminsOnly, recordAudit, refused, runAdminCommand, templateProblem, type AdminChange } from './admin-command';
import { changedFields } from './audit-diff';

/** Every visitor and every specialist: department names, hours and order are public. */
const everyone: EventScope = { conversationId: null, departmentId: null, specialistId: null, visitorVisible: true };

const AUDITED: readonly (keyof Department & string)[] = ['name', 'description', 'schedule', 'routing', 'product', 'greeting', 'email'];

/**
 * A direct address another department already has: refused with a message naming it (inside the transaction, before
 * anything is written — the unique index would only say "constraint failed"). `path` points the console's form at
 * the field.
 */
async function addressTaken(trx: Db, email: string | null | undefined, departmentId: string, path: string): Promise<Err | null> {
  if (!email) return null;
  const holder = await departments.departmentByEmail(trx, email);
  if (!holder || holder.id === departmentId) return null;
  const message = `${email} is already the direct email of ${holder.name}; each department needs its own address.`;
  return err('conflict', message, [{ path, message }]);
}

export function createDepartment(deps: AdminDeps, actor: AdminActor, input: { clientId: string; department: DepartmentCreate }): Promise<Result<Department>> {
  const denied = adminsOnly(actor, 'create departments') ?? templateProblem('greeting', input.department.greeting);
  if (denied) return Promise.resolve(denied);
  return runAdminCommand(deps, actor, input.clientId, async (trx, now) => {
    const id = input.department.id;
    if (await departments.getDepartment(trx, id)) {
      return refused(err('conflict', `A department with id "${id}" exists; change it with department:update (npm run admin -- update-department).`));
    }
    const taken = await addressTaken(trx, input.department.email, id, 'department.email');
    if (taken) return refused(taken);
    const created: Department = { ...input.department, position: await departments.nextDepartmentPosition(trx) };
    await departments.insertDepartment(trx, created);
    const event = await appendEvent(trx, 'department.updated', created, now, everyone);
    const audit = await recordAudit(trx, actor, 'department.create', id, changedFields(null, created, ['id', ...AUDITED, 'position']), now);
    return { result: ok(created), events: [event, audit], after: { availability: true } };
  });
}

/**
 * Changes only the fields of the patch. `edit` computes the patch from the department as it is inside the
 * transaction, so a change built on the current value (the command line's set-hours keeps the holidays) never
 * overwrites a change made meanwhile.
 */
export function changeDepartment(
  deps: AdminDeps,
  actor: AdminActor,
  input: { clientId: string; departmentId: string; edit: (current: Department) => Result<DepartmentPatch> },
): Promise<Result<Department>> {
  const denied = adminsOnly(actor, 'change departments');
  if (denied) return Promise.resolve(denied);
  return runAdminCommand(deps, actor, input.clientId, async (trx, now): Promise<AdminChange<Department>> => {
    const before = await departments.getDepartment(trx, input.departmentId);
    if (!before) return refused(err('not_found', `No department "${input.departmentId}".`));
    const patch = input.edit(before);
    if (!patch.ok) return refused(patch);
    const bad = patch.value.greeting === undefined ? null : templateProblem('greeting', patch.value.greeting);
    if (bad) return refused(bad);
    const taken = await addressTaken(trx, patch.value.email, before.id, 'patch.email');
    if (taken) return refused(taken);
    const after: Department = { ...before, ...definedFields(patch.value) };
    const changes = changedFields(before, after, AUDITED);
    // Nothing differs: answered as it is, with nothing logged.
    if (changes.length === 0) return { result: ok(before), events: [] };
    await departments.updateDepartment(trx, before.id, patch.value);
    const saved = await departments.getDepartment(trx, before.id);
    if (!saved) throw new Error(`department ${before.id} vanished`);
    const event = await appendEvent(trx, 'department.updated', saved, now, everyone);
    const audit = await recordAudit(trx, actor, 'department.update', saved.id, changes, now);
    return { result: ok(saved), events: [event, audit], after: { availability: true } };
  });
}

/** `department:update`: the patch as given. */
export function updateDepartment(deps: AdminDeps, actor: AdminActor, input: { clientId: string; departmentId: string; patch: DepartmentPatch }): Promise<Result<Department>> {
  return changeDepartment(deps, actor, { clientId: input.clientId, departmentId: input.departmentId, edit: () => ok(input.patch) });
}

/** The new order must name every department exactly once: a partial list would leave positions ambiguous. */
export function reorderDepartments(deps: AdminDeps, actor: AdminActor, input: { clientId: string; order: readonly string[] }): Promise<Result<Department[]>> {
  const denied = adminsOnly(actor, 'reorder departments');
  if (denied) return Promise.resolve(denied);
  return runAdminCommand(deps, actor, input.clientId, async (trx, now): Promise<AdminChange<Department[]>> => {
    const before = await departments.listDepartments(trx);
    const problem = orderProblem(before.map((d) => d.id), input.order);
    if (problem) return refused(err('bad_request', problem, [{ path: 'order', message: problem }]));
    const beforeOrder = before.map((d) => d.id);
    if (beforeOrder.every((id, i) => id === input.order[i]) && before.every((d, i) => d.position === i + 1)) return { result: ok(before), events: [] };
    await departments.setDepartmentOrder(trx, input.order);
    const after = await departments.listDepartments(trx);
    const moved = after.filter((d) => before.find((b) => b.id === d.id)?.position !== d.position);
    const events: LoggedEvent[] = [];
    for (const d of moved) events.push(await appendEvent(trx, 'department.updated', d, now, everyone));
    events.push(await recordAudit(trx, actor, 'department.reorder', 'departments', changedFields({ order: beforeOrder }, { order: after.map((d) => d.id) }, ['order']), now));
    return { result: ok(after), events, after: { availability: true } };
  });
}

/** Why `order` is not every id of `existing` exactly once, or null when it is. Pure. */
export function orderProblem(existing: readonly string[], order: readonly string[]): string | null {
  const seen = new Set<string>();
  const repeated = order.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (repeated.length > 0) return `Departments named more than once: ${[...new Set(repeated)].join(', ')}.`;
  const known = new Set(existing);
  const unknown = order.filter((id) => !known.has(id));
  if (unknown.length > 0) return `Unknown departments: ${unknown.join(', ')}.`;
  const missing = existing.filter((id) => !seen.has(id));
  if (missing.length > 0) return `The order must name every department; missing: ${missing.join(', ')}.`;
  return null;
}

function definedFields(patch: DepartmentPatch): Partial<Department> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Department>;
}
