// Departments: names, schedules, routing mode, greeting and their order in drop-downs.
import { sql } from 'kysely';
import type { Department, DepartmentPatch } from '../../src-shared/department';
import type { Db, DepartmentsTable } from './schema';
import { fromJson, toJson } from './json';

type Row = Omit<DepartmentsTable, 'greeting' | 'email'> & { greeting: string; email: string | null };

const toDepartment = (r: Row): Department => ({
  id: r.id,
  name: r.name,
  description: r.description,
  schedule: fromJson(r.schedule_json),
  routing: r.routing as Department['routing'],
  product: r.product,
  position: r.position,
  greeting: r.greeting,
  email: r.email,
});

/** A department as callers write it; `greeting` may be left out (empty: the default greeting), `email` too (none). */
export type DepartmentInput = Omit<Department, 'greeting' | 'email'> & { greeting?: string; email?: string | null };

const toRow = (d: DepartmentInput) => ({
  id: d.id,
  name: d.name,
  description: d.description,
  schedule_json: toJson(d.schedule),
  routing: d.routing,
  product: d.product,
  position: d.position,
  greeting: d.greeting ?? '',
  email: d.email ?? null,
});

export async function listDepartments(db: Db): Promise<Department[]> {
  const rows = await db.selectFrom('departments').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toDepartment);
}

/** The department whose direct address this is (lower-cased), for the inbound listener and the uniqueness check. */
export async function departmentByEmail(db: Db, email: string): Promise<Department | null> {
  const r = await db.selectFrom('departments').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return r ? toDepartment(r) : null;
}

export async function getDepartment(db: Db, id: string): Promise<Department | null> {
  const r = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDepartment(r) : null;
}

/** Seeds and tests: insert, or replace every field of an existing one. Administration never replaces (insertDepartment). */
export async function upsertDepartment(db: Db, d: DepartmentInput): Promise<void> {
  const row = toRow(d);
  await db
    .insertInto('departments')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, id: undefined }))
    .execute();
}

/** A new department; throws on an existing id (callers check first, inside the same transaction). */
export async function insertDepartment(db: Db, d: DepartmentInput): Promise<void> {
  await db.insertInto('departments').values(toRow(d)).execute();
}

/** The position after the last department: where a new one goes. */
export async function nextDepartmentPosition(db: Db): Promise<number> {
  const r = await db.selectFrom('departments').select(sql<number | null>`max(position)`.as('p')).executeTakeFirst();
  return r?.p === null || r?.p === undefined ? 1 : Number(r.p) + 1;
}

/** Writes only the fields present in the patch. */
export async function updateDepartment(db: Db, id: string, patch: DepartmentPatch): Promise<void> {
  const set: Partial<Omit<Row, 'id' | 'position'>> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.schedule !== undefined) set.schedule_json = toJson(patch.schedule);
  if (patch.routing !== undefined) set.routing = patch.routing;
  if (patch.product !== undefined) set.product = patch.product;
  if (patch.greeting !== undefined) set.greeting = patch.greeting;
  if (patch.email !== undefined) set.email = patch.email;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('departments').set(set).where('id', '=', id).execute();
}

/** Positions 1…n in the order given (the caller's transaction holds them together). */
export async function setDepartmentOrder(db: Db, order: readonly string[]): Promise<void> {
  if (order.length === 0) return;
  // One statement: a CASE over the ids, rather than an update per department.
  const position = sql<number>`case ${sql.join(
    order.map((id, i) => sql`when ${sql.ref('id')} = ${id} then ${sql.lit(i + 1)}`),
    sql` `,
  )} end`;
  await db.updateTable('departments').set({ position }).where('id', 'in', order).execute();
}
