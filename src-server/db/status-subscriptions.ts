// Status page subscriptions (migration 13): one row per address, found by its unsubscribe token's hash; and the
// incidents the public status page shows.
import type { Incident, IncidentState } from '../../src-shared/incident';
import type { Db } from './schema';

export interface StatusSubscriptionRow {
  email: string;
  createdAt: number;
}

export async function findSubscription(db: Db, email: string): Promise<StatusSubscriptionRow | null> {
  const r = await db.selectFrom('status_subscriptions').select(['email', 'created_at']).where('email', '=', email).executeTakeFirst();
  return r ? { email: r.email, createdAt: Number(r.created_at) } : null;
}

/** Subscribing twice keeps the first row (and so the links already mailed keep working). */
export async function insertSubscription(db: Db, s: { email: string; now: number; tokenHash: string }): Promise<void> {
  await db
    .insertInto('status_subscriptions')
    .values({ email: s.email, created_at: s.now, unsubscribe_token_hash: s.tokenHash })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
}

export async function deleteSubscription(db: Db, email: string): Promise<void> {
  await db.deleteFrom('status_subscriptions').where('email', '=', email).execute();
}

/** True when a row had this token hash (and is gone now). */
export async function deleteByTokenHash(db: Db, tokenHash: string): Promise<boolean> {
  const res = await db.deleteFrom('status_subscriptions').where('unsubscribe_token_hash', '=', tokenHash).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** One page of subscribers in address order, after `afterEmail` (keyset paging: no OFFSET rescans). */
export async function subscribersPage(db: Db, afterEmail: string | null, limit: number): Promise<StatusSubscriptionRow[]> {
  let q = db.selectFrom('status_subscriptions').select(['email', 'created_at']);
  if (afterEmail !== null) q = q.where('email', '>', afterEmail);
  const rows = await q.orderBy('email').limit(limit).execute();
  return rows.map((r) => ({ email: r.email, createdAt: Number(r.created_at) }));
}

/** Every open incident and those resolved since `since`, newest first, capped (a stranger's read stays bounded). */
export async function incidentsForStatus(db: Db, since: number, cap: number): Promise<Incident[]> {
  const rows = await db
    .selectFrom('incidents')
    .selectAll()
    .where((eb) => eb.or([eb('state', '=', 'open'), eb('resolved_at', '>=', since)]))
    .orderBy('created_at', 'desc')
    .limit(cap)
    .execute();
  // The public page never shows which tickets are linked, so they are not read.
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    category: r.category as Incident['category'],
    eid: r.eid,
    state: r.state as IncidentState,
    ticketIds: [],
    noticeId: r.notice_id,
    createdBy: r.created_by,
    createdAt: Number(r.created_at),
    resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
    resolutionNote: r.resolution_note,
  }));
}
