// Departments: names, schedules and routing mode.
import type { Department } from '../../src-shared/department';
import type { Db, DepartmentsTable } from './schema';
import { fromJson, toJson } from './json';

const toDepartment = (r: DepartmentsTable): Department => ({
  id: r.id,
  name: r.name,
  description: r.description,
  schedule: fromJson(r.schedule_json),
  routing: r.routing as Department['routing'],
  product: r.product,
  position: r.position,
});

export async function listDepartments(db: Db): Promise<Department[]> {
  const rows = await db.selectFrom('departments').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toDepartment);
}

export async function getDepartment(db: Db, id: string): Promise<Department | null> {
  const r = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toDepartment(r) : null;
}

export async function upsertDepartment(db: Db, d: Department): Promise<void> {
  const row = {
    id: d.id,
    name: d.name,
    description: d.description,
    schedule_json: toJson(d.schedule),
    routing: d.routing,
    product: d.product,
    position: d.position,
  };
  await db
    .insertInto('departments')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, id: undefined }))
    .execute();
}
