// Canned responses shared by the team: per department, or for everyone (department_id null).
import type { CannedResponse } from '../../src-shared/canned-response';
import type { CannedResponsesTable, Db } from './schema';

const toCanned = (r: CannedResponsesTable): CannedResponse => ({
  id: r.id,
  departmentId: r.department_id,
  shortcut: r.shortcut,
  title: r.title,
  body: r.body,
  updatedAt: Number(r.updated_at),
});

/** `departmentIds` null: every one; otherwise the shared ones and those of these departments. Shared first, then by shortcut. */
export async function listCanned(db: Db, departmentIds: readonly string[] | null): Promise<CannedResponse[]> {
  let q = db.selectFrom('canned_responses').selectAll();
  if (departmentIds !== null) {
    q = q.where((eb) => eb.or([eb('department_id', 'is', null), ...(departmentIds.length > 0 ? [eb('department_id', 'in', departmentIds)] : [])]));
  }
  const rows = await q.orderBy('shortcut').orderBy('department_id').execute();
  return rows.map(toCanned).sort((a, b) => Number(a.departmentId !== null) - Number(b.departmentId !== null));
}

export async function getCanned(db: Db, id: string): Promise<CannedResponse | null> {
  const r = await db.selectFrom('canned_responses').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCanned(r) : null;
}

/** The one with this shortcut in this scope (a department, or null: the shared ones). */
export async function findCannedByShortcut(db: Db, departmentId: string | null, shortcut: string): Promise<CannedResponse | null> {
  const r = await db
    .selectFrom('canned_responses')
    .selectAll()
    .where('shortcut', '=', shortcut)
    .where((eb) => (departmentId === null ? eb('department_id', 'is', null) : eb('department_id', '=', departmentId)))
    .executeTakeFirst();
  return r ? toCanned(r) : null;
}

export async function countCanned(db: Db): Promise<number> {
  const r = await db.selectFrom('canned_responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

const toRow = (c: CannedResponse): CannedResponsesTable => ({
  id: c.id,
  department_id: c.departmentId,
  shortcut: c.shortcut,
  title: c.title,
  body: c.body,
  updated_at: c.updatedAt,
});

export async function insertCanned(db: Db, c: CannedResponse): Promise<void> {
  await db.insertInto('canned_responses').values(toRow(c)).execute();
}

export async function insertCannedMany(db: Db, list: readonly CannedResponse[]): Promise<void> {
  if (list.length > 0) await db.insertInto('canned_responses').values(list.map(toRow)).execute();
}

export async function replaceCanned(db: Db, c: CannedResponse): Promise<void> {
  const { id: _id, ...rest } = toRow(c);
  await db.updateTable('canned_responses').set(rest).where('id', '=', c.id).execute();
}

export async function deleteCanned(db: Db, id: string): Promise<void> {
  await db.deleteFrom('canned_responses').where('id', '=', id).execute();
}
