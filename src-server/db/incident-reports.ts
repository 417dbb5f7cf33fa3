// Incident detection's shared memory: the reports of each key (category + event id) and each key's state, so a
// burst spread over several nodes is counted as one. The rule itself is src-server/automation/incident-detector.ts.
import type { SeenReport } from '../automation/incident-detector';
import type { Db } from './schema';

export interface IncidentKeyState {
  open: boolean;
  /** The newest instant a report of the key was judged at. */
  latestAt: number;
  version: number;
}

/**
 * Records that `ticketId` reported `key` at `at`; false when it already counts (a retry, or a ticket re-categorised
 * back and forth). A ticket's earlier report that is at or before `staleUpTo` has left every window, so it is
 * refreshed and counts again as a new report, whether or not pruning has removed it yet.
 */
export async function recordReport(db: Db, report: { ticketId: number; key: string; at: number }, staleUpTo: number): Promise<boolean> {
  const res = await db
    .insertInto('incident_reports')
    .values({ ticket_id: report.ticketId, key: report.key, at: report.at })
    .onConflict((oc) =>
      oc
        .columns(['ticket_id', 'key'])
        .doUpdateSet({ at: report.at })
        .where('incident_reports.at', '<=', staleUpTo),
    )
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function getKeyState(db: Db, key: string): Promise<IncidentKeyState | null> {
  const row = await db.selectFrom('incident_keys').select(['open', 'latest_at', 'version']).where('key', '=', key).executeTakeFirst();
  return row ? { open: Number(row.open) === 1, latestAt: Number(row.latest_at), version: Number(row.version) } : null;
}

/** The key's newest `limit` reports after `after` (exclusive), other than `exceptTicketId`'s, oldest first. */
export async function newestReports(db: Db, key: string, q: { after: number; exceptTicketId: number; limit: number }): Promise<SeenReport[]> {
  const rows = await db
    .selectFrom('incident_reports')
    .select(['ticket_id', 'at'])
    .where('key', '=', key)
    .where('at', '>', q.after)
    .where('ticket_id', '!=', q.exceptTicketId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.reverse().map((r) => ({ ticketId: Number(r.ticket_id), at: Number(r.at) }));
}

/**
 * Saves a judgement of `key` only if the state is still the one it was made from (`readVersion`, null when the key
 * had no row): false means another transaction judged the key in between, and the judgement must be made again.
 * Whoever saves the flip of `open` to true is the one transaction, on any node, that raises the alert.
 */
export async function saveKeyState(db: Db, key: string, readVersion: number | null, next: { open: boolean; latestAt: number }): Promise<boolean> {
  const open = next.open ? 1 : 0;
  if (readVersion === null) {
    const res = await db
      .insertInto('incident_keys')
      .values({ key, open, latest_at: next.latestAt, version: 1 })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const res = await db
    .updateTable('incident_keys')
    .set({ open, latest_at: next.latestAt, version: readVersion + 1 })
    .where('key', '=', key)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Forgets reports at or before `upTo`, and keys with no report since (their incidents have closed by then). */
export async function pruneReports(db: Db, upTo: number): Promise<void> {
  await db.deleteFrom('incident_reports').where('at', '<=', upTo).execute();
  await db.deleteFrom('incident_keys').where('latest_at', '<=', upTo).execute();
}
