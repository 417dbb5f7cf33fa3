// Updates the team posts on an open incident (migration 14's incident_updates): written by `incident:update`, read by
// the public status page.
import type { Db } from './schema';

export interface IncidentUpdate {
  incidentId: string;
  note: string;
  at: number;
}

/** Returns the new row's id (it names the update's status mails). */
export async function insertIncidentUpdate(db: Db, u: { incidentId: string; note: string; createdBy: string; now: number }): Promise<number> {
  const r = await db.insertInto('incident_updates').values({ incident_id: u.incidentId, note: u.note, created_by: u.createdBy, created_at: u.now }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/**
 * The updates of these incidents, newest first (ties: the later posted first), at most `perIncidentCap` each — the
 * status page is read by strangers, so what one read costs stays bounded however chatty an incident was.
 */
export async function updatesOf(db: Db, incidentIds: readonly string[], perIncidentCap: number): Promise<Map<string, IncidentUpdate[]>> {
  const map = new Map<string, IncidentUpdate[]>();
  if (incidentIds.length === 0) return map;
  const ranked = db
    .selectFrom('incident_updates')
    .select((eb) => ['id', 'incident_id', 'note', 'created_at', eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('incident_id').orderBy('created_at', 'desc').orderBy('id', 'desc')).as('rank')])
    .where('incident_id', 'in', incidentIds)
    .as('u');
  const rows = await db.selectFrom(ranked).select(['incident_id', 'note', 'created_at']).where('rank', '<=', perIncidentCap).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  for (const r of rows) map.set(r.incident_id, [...(map.get(r.incident_id) ?? []), { incidentId: r.incident_id, note: r.note, at: Number(r.created_at) }]);
  return map;
}
