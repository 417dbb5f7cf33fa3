// Specialists, their departments, password hashes and whether the account is active; activeChats is derived from open conversations.
import { sql } from 'kysely';
import type { Specialist } from '../../src-shared/specialist';
import type { Db } from './schema';

export interface SpecialistRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  status: string;
  max_concurrent_chats: number;
  idle_since: number;
  active: number;
  active_chats: number;
}

function selectSpecialists(db: Db) {
  return db
    .selectFrom('specialists as s')
    .select([
      's.id',
      's.email',
      's.display_name',
      's.role',
      's.status',
      's.max_concurrent_chats',
      's.idle_since',
      's.active',
      sql<number>`(select count(*) from conversations c where c.specialist_id = s.id and c.state in ('assigned', 'active'))`.as('active_chats'),
    ]);
}

async function withDepartments(db: Db, rows: SpecialistRow[]): Promise<Specialist[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('specialist_departments')
    .select(['specialist_id', 'department_id'])
    .where(
      'specialist_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('department_id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as Specialist['role'],
    status: r.status as Specialist['status'],
    maxConcurrentChats: r.max_concurrent_chats,
    departmentIds: links.filter((l) => l.specialist_id === r.id).map((l) => l.department_id),
    activeChats: Number(r.active_chats),
    active: Number(r.active) === 1,
  }));
}

/** Every account, deactivated ones included (`active: false`): routing and availability check the flag. */
export async function listSpecialists(db: Db): Promise<Specialist[]> {
  return withDepartments(db, await selectSpecialists(db).orderBy('s.display_name').execute());
}

export async function getSpecialist(db: Db, id: string): Promise<Specialist | null> {
  const rows = await selectSpecialists(db).where('s.id', '=', id).execute();
  return (await withDepartments(db, rows))[0] ?? null;
}

/** Idle-since per specialist, for routing ties. */
export async function idleSinceById(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('specialists').select(['id', 'idle_since']).execute();
  return new Map(rows.map((r) => [r.id, Number(r.idle_since)]));
}

/** Specialists whose presence lease runs past `now`: connected to some server node. */
export async function leasedIds(db: Db, now: number): Promise<Set<string>> {
  const rows = await db.selectFrom('specialists').select('id').where('online_until', '>', now).execute();
  return new Set(rows.map((r) => r.id));
}

export async function renewLeases(db: Db, ids: readonly string[], until: number): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('specialists').set({ online_until: until }).where('id', 'in', ids).execute();
}

export async function findCredentials(db: Db, email: string): Promise<{ id: string; passwordHash: string; active: boolean } | null> {
  const r = await db.selectFrom('specialists').select(['id', 'password_hash', 'active']).where('email', '=', email).executeTakeFirst();
  return r ? { id: r.id, passwordHash: r.password_hash, active: Number(r.active) === 1 } : null;
}

export async function findSpecialistByEmail(db: Db, email: string): Promise<Specialist | null> {
  const rows = await selectSpecialists(db).where('s.email', '=', email).execute();
  return (await withDepartments(db, rows))[0] ?? null;
}

export interface NewSpecialist {
  id: string;
  email: string;
  displayName: string;
  role: Specialist['role'];
  maxConcurrentChats: number;
  departmentIds: string[];
  passwordHash: string;
  now: number;
}

export async function insertSpecialist(db: Db, s: NewSpecialist): Promise<void> {
  await db
    .insertInto('specialists')
    .values({
      id: s.id,
      email: s.email,
      display_name: s.displayName,
      role: s.role,
      status: 'offline',
      max_concurrent_chats: s.maxConcurrentChats,
      password_hash: s.passwordHash,
      created_at: s.now,
      idle_since: s.now,
      online_until: null,
    })
    .execute();
  if (s.departmentIds.length > 0) {
    await db
      .insertInto('specialist_departments')
      .values([...new Set(s.departmentIds)].map((d) => ({ specialist_id: s.id, department_id: d })))
      .execute();
  }
}

export async function setSpecialistStatus(db: Db, id: string, status: Specialist['status']): Promise<void> {
  await db.updateTable('specialists').set({ status }).where('id', '=', id).execute();
}

export async function setIdleSince(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('specialists').set({ idle_since: at }).where('id', '=', id).execute();
}

/** The account fields an admin changes; only those present are written. */
export interface SpecialistFields {
  displayName?: string;
  role?: Specialist['role'];
  maxConcurrentChats?: number;
  active?: boolean;
}

export async function updateSpecialistFields(db: Db, id: string, f: SpecialistFields): Promise<void> {
  const set: { display_name?: string; role?: string; max_concurrent_chats?: number; active?: number } = {};
  if (f.displayName !== undefined) set.display_name = f.displayName;
  if (f.role !== undefined) set.role = f.role;
  if (f.maxConcurrentChats !== undefined) set.max_concurrent_chats = f.maxConcurrentChats;
  if (f.active !== undefined) set.active = f.active ? 1 : 0;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('specialists').set(set).where('id', '=', id).execute();
}

/** Replaces the specialist's department links with exactly these (the caller's transaction holds both statements). */
export async function replaceSpecialistDepartments(db: Db, id: string, departmentIds: readonly string[]): Promise<void> {
  await db.deleteFrom('specialist_departments').where('specialist_id', '=', id).execute();
  if (departmentIds.length === 0) return;
  await db
    .insertInto('specialist_departments')
    .values([...new Set(departmentIds)].map((d) => ({ specialist_id: id, department_id: d })))
    .execute();
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('specialists').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

/** Active admins other than `except`: the last one may never be demoted or deactivated. */
export async function countActiveAdmins(db: Db, except?: string): Promise<number> {
  let q = db.selectFrom('specialists').select(sql<number>`count(*)`.as('n')).where('role', '=', 'admin').where('active', '=', 1);
  if (except !== undefined) q = q.where('id', '!=', except);
  const r = await q.executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Deactivation: offline, and no presence lease, so no node counts the account as available any more. */
export async function signOffSpecialist(db: Db, id: string): Promise<void> {
  await db.updateTable('specialists').set({ status: 'offline', online_until: null }).where('id', '=', id).execute();
}

export async function countSpecialists(db: Db): Promise<number> {
  const r = await db.selectFrom('specialists').select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}
