// Admins create accounts, change some of their fields (deactivating one signs it out everywhere and requeues its
// chats), and reset passwords. A generated password is answered once and never stored: a retry answers null.
import { randomUUID } from 'node:crypto';
import { ok, err, type Result } from '../../src-shared/result';
import type { Specialist } from '../../src-shared/specialist';
import type { z } from 'zod';
import type { PasswordReset, SpecialistCreated, SpecialistPatch, specialistCreateSchema } from '../../src-shared/admin';
import type { Db } from '../db/schema';
import * as specialists from '../db/specialists';
import { listDepartments } from '../db/departments';
import { revokeRefreshTokens } from '../db/refresh-tokens';
import { appendEvent, type EventScope, type LoggedEvent } from '../db/events';
import { generatePassword, hashPassword } from '../auth/passwords';
import { REQUEUE_NOTES, requeueChatsOf } from '../chat/requeue';
import type { AdminActor, AdminDeps } from './admin-deps';
import { adminsOnly, recordAudit, refused, runAdminCommand, type AdminChange } from './admin-command';
import { changedFields } from './audit-diff';
import { accountChangeProblem } from './account-rules';

type SpecialistCreate = z.output<typeof specialistCreateSchema>;

/** Every specialist sees every account's presence and load (as status:set publishes it). */
const allSpecialists: EventScope = { conversationId: null, departmentId: null, specialistId: null, visitorVisible: false };

/** What the audit compares: never the password or its hash, which are not even read here. */
const AUDITED: readonly (keyof Specialist & string)[] = ['email', 'displayName', 'role', 'departmentIds', 'maxConcurrentChats', 'active'];

async function unknownDepartments(trx: Db, ids: readonly string[]): Promise<string[]> {
  const known = new Set((await listDepartments(trx)).map((d) => d.id));
  return [...new Set(ids)].filter((d) => !known.has(d));
}

async function specialistEvent(trx: Db, id: string, now: number): Promise<{ specialist: Specialist; event: LoggedEvent }> {
  const specialist = await specialists.getSpecialist(trx, id);
  if (!specialist) throw new Error(`specialist ${id} vanished`);
  return { specialist, event: await appendEvent(trx, 'specialist.updated', specialist, now, allSpecialists) };
}

const withoutPassword = <T extends { password: string | null }>(v: T): T => ({ ...v, password: null });

/** `password`: the command line may set one; otherwise one is generated and answered once. */
export async function createSpecialistAccount(
  deps: AdminDeps,
  actor: AdminActor,
  input: { clientId: string; specialist: SpecialistCreate; password?: string },
): Promise<Result<SpecialistCreated>> {
  const denied = adminsOnly(actor, 'create accounts');
  if (denied) return denied;
  // Hashed before the transaction: scrypt takes tens of milliseconds, which no other write should wait for.
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return runAdminCommand(
    deps,
    actor,
    input.clientId,
    async (trx, now): Promise<AdminChange<SpecialistCreated>> => {
      const s = input.specialist;
      const unknown = await unknownDepartments(trx, s.departmentIds);
      if (unknown.length > 0) return refused(err('bad_request', `Unknown departments: ${unknown.join(', ')}`));
      if (await specialists.findCredentials(trx, s.email)) return refused(err('conflict', `A specialist with email ${s.email} exists.`));
      const id = randomUUID();
      await specialists.insertSpecialist(trx, { id, ...s, passwordHash, now });
      const { specialist, event } = await specialistEvent(trx, id, now);
      const audit = await recordAudit(trx, actor, 'specialist.create', specialist.email, changedFields(null, specialist, AUDITED), now);
      return { result: ok({ specialist, password }), events: [event, audit] };
    },
    withoutPassword,
  );
}

/**
 * Changes only the fields of the patch. Deactivating signs the account out everywhere (refresh tokens revoked,
 * sockets closed) and requeues its chats in the same transaction; a change of name, role or departments closes its
 * sockets so the console reconnects with the new scope (an access token is re-read at connect).
 */
export function updateSpecialist(deps: AdminDeps, actor: AdminActor, input: { clientId: string; specialistId: string; patch: SpecialistPatch }): Promise<Result<Specialist>> {
  const denied = adminsOnly(actor, 'change accounts');
  if (denied) return Promise.resolve(denied);
  return runAdminCommand(deps, actor, input.clientId, async (trx, now): Promise<AdminChange<Specialist>> => {
    const { patch } = input;
    const before = await specialists.getSpecialist(trx, input.specialistId);
    if (!before) return refused(err('not_found', 'Specialist not found.'));
    if (patch.departmentIds) {
      const unknown = await unknownDepartments(trx, patch.departmentIds);
      if (unknown.length > 0) return refused(err('bad_request', `Unknown departments: ${unknown.join(', ')}`));
    }
    const problem = accountChangeProblem({ actorId: actor.specialistId, target: before, patch, otherActiveAdmins: await specialists.countActiveAdmins(trx, before.id) });
    if (problem) return refused(err('conflict', problem));

    const after: Specialist = {
      ...before,
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.departmentIds !== undefined ? { departmentIds: [...new Set(patch.departmentIds)].sort() } : {}),
      ...(patch.maxConcurrentChats !== undefined ? { maxConcurrentChats: patch.maxConcurrentChats } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    };
    const changes = changedFields(before, after, AUDITED);
    if (changes.length === 0) return { result: ok(before), events: [] };
    const changed = new Set(changes.map((c) => c.field));

    await specialists.updateSpecialistFields(trx, before.id, { displayName: after.displayName, role: after.role, maxConcurrentChats: after.maxConcurrentChats, active: after.active });
    if (changed.has('departmentIds')) await specialists.replaceSpecialistDepartments(trx, before.id, after.departmentIds);
    const events: LoggedEvent[] = [];
    const deactivated = before.active && !after.active;
    if (deactivated) {
      await specialists.signOffSpecialist(trx, before.id);
      await revokeRefreshTokens(trx, before.id, now);
      events.push(...(await requeueChatsOf(trx, before.id, now, REQUEUE_NOTES.deactivated)));
    }
    const { specialist, event } = await specialistEvent(trx, before.id, now);
    events.push(event);
    const action = changed.has('active') ? (after.active ? 'specialist.reactivate' : 'specialist.deactivate') : 'specialist.update';
    events.push(await recordAudit(trx, actor, action, specialist.email, changes, now));
    const signOut = deactivated || changed.has('role') || changed.has('departmentIds') || changed.has('displayName');
    return { result: ok(specialist), events, after: { availability: true, signOut: signOut ? [before.id] : [] } };
  });
}

/** A new generated password, answered once; every session of the account ends. */
export async function resetPassword(deps: AdminDeps, actor: AdminActor, input: { clientId: string; specialistId: string }): Promise<Result<PasswordReset>> {
  const denied = adminsOnly(actor, 'reset passwords');
  if (denied) return denied;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return runAdminCommand(
    deps,
    actor,
    input.clientId,
    async (trx, now): Promise<AdminChange<PasswordReset>> => {
      const specialist = await specialists.getSpecialist(trx, input.specialistId);
      if (!specialist) return refused(err('not_found', 'Specialist not found.'));
      await specialists.setPasswordHash(trx, specialist.id, passwordHash);
      await revokeRefreshTokens(trx, specialist.id, now);
      // The entry says that it was reset, never to what.
      const audit = await recordAudit(trx, actor, 'specialist.reset-password', specialist.email, [], now);
      return { result: ok({ specialist, password }), events: [audit], after: { signOut: [specialist.id] } };
    },
    withoutPassword,
  );
}
