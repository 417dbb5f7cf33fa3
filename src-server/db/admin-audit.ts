// The admin audit trail: one row per administrative change, newest first when read.
import type { AdminAction, AdminAuditEntry } from '../../src-shared/admin';
import type { AdminAuditTable, Db } from './schema';
import { fromJson, toJson } from './json';

export type NewAuditEntry = Omit<AdminAuditEntry, 'id'>;

const toEntry = (r: Omit<AdminAuditTable, 'id'> & { id: number }): AdminAuditEntry => ({
  id: Number(r.id),
  at: Number(r.at),
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action as AdminAction,
  target: r.target,
  changes: fromJson(r.changes_json),
});

/** Appends one entry; returns its id. */
export async function insertAuditEntry(db: Db, e: NewAuditEntry): Promise<number> {
  const r = await db
    .insertInto('admin_audit')
    .values({ at: e.at, actor_id: e.actorId, actor_name: e.actorName, action: e.action, target: e.target, changes_json: toJson(e.changes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The newest `limit` entries, newest first. */
export async function listAuditEntries(db: Db, limit: number): Promise<AdminAuditEntry[]> {
  const rows = await db.selectFrom('admin_audit').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toEntry);
}

/** Whether any entry of these actions exists (the canned defaults are seeded only into a list nobody has edited yet). */
export async function hasAuditOf(db: Db, actions: readonly AdminAction[]): Promise<boolean> {
  const r = await db.selectFrom('admin_audit').select('id').where('action', 'in', actions).limit(1).executeTakeFirst();
  return r !== undefined;
}
