// Incidents and their linked tickets.
import type { Incident, IncidentState } from '../../src-shared/incident';
import type { Db, IncidentsTable } from './schema';

const toIncident = (r: IncidentsTable, ticketIds: number[]): Incident => ({
  id: r.id,
  title: r.title,
  category: r.category as Incident['category'],
  eid: r.eid,
  state: r.state as IncidentState,
  ticketIds,
  noticeId: r.notice_id,
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
  resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
  resolutionNote: r.resolution_note,
});

async function ticketIdsOf(db: Db, incidentIds: readonly string[]): Promise<Map<string, number[]>> {
  const map = new Map<string, number[]>();
  if (incidentIds.length === 0) return map;
  const rows = await db
    .selectFrom('incident_tickets')
    .select(['incident_id', 'ticket_id'])
    .where('incident_id', 'in', incidentIds)
    .orderBy('linked_at')
    .orderBy('ticket_id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.incident_id) ?? [];
    list.push(Number(r.ticket_id));
    map.set(r.incident_id, list);
  }
  return map;
}

export async function insertIncident(db: Db, i: Incident): Promise<void> {
  await db
    .insertInto('incidents')
    .values({
      id: i.id,
      title: i.title,
      category: i.category,
      eid: i.eid,
      state: i.state,
      notice_id: i.noticeId,
      created_by: i.createdBy,
      created_at: i.createdAt,
      resolved_at: i.resolvedAt,
      resolution_note: i.resolutionNote,
    })
    .execute();
}

/** Links tickets not yet linked; returns the ids newly linked. */
export async function linkTickets(db: Db, incidentId: string, ticketIds: readonly number[], at: number): Promise<number[]> {
  const existing = new Set((await ticketIdsOf(db, [incidentId])).get(incidentId) ?? []);
  const fresh = [...new Set(ticketIds)].filter((t) => !existing.has(t));
  if (fresh.length > 0) await db.insertInto('incident_tickets').values(fresh.map((t) => ({ incident_id: incidentId, ticket_id: t, linked_at: at }))).execute();
  return fresh;
}

export async function resolveIncident(db: Db, id: string, at: number, note: string): Promise<void> {
  await db.updateTable('incidents').set({ state: 'resolved', resolved_at: at, resolution_note: note }).where('id', '=', id).execute();
}

export async function getIncident(db: Db, id: string): Promise<Incident | null> {
  const r = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return toIncident(r, (await ticketIdsOf(db, [id])).get(id) ?? []);
}

/** Newest first. */
export async function listIncidents(db: Db, state?: IncidentState): Promise<Incident[]> {
  let q = db.selectFrom('incidents').selectAll();
  if (state) q = q.where('state', '=', state);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
  const ids = await ticketIdsOf(db, rows.map((r) => r.id));
  return rows.map((r) => toIncident(r, ids.get(r.id) ?? []));
}

export async function incidentIdsForTicket(db: Db, ticketId: number): Promise<string[]> {
  const rows = await db.selectFrom('incident_tickets').select('incident_id').where('ticket_id', '=', ticketId).orderBy('linked_at').execute();
  return rows.map((r) => r.incident_id);
}

/** Which of these ticket ids exist. */
export async function existingTicketIds(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('tickets').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => Number(r.id)));
}
