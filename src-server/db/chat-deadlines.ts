// The database side of chat deadlines: which chats have gone idle, which specialists have been away past the
// grace period, and when the next of either falls due. Deadlines are derived from columns every node already
// keeps current (a conversation's last_activity_at, a specialist's presence lease online_until), so there is
// nothing extra to write on the message path.
import type { Db } from './schema';

const LIVE_STATES = ['assigned', 'active'] as const;

/** Chats in progress whose last message is at or before `cutoff`. */
export async function idleConversationIds(db: Db, cutoff: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('state', 'in', LIVE_STATES)
    .where('last_activity_at', '<=', cutoff)
    .orderBy('last_activity_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Re-checked inside the transaction that would end the chat: still in progress and still quiet since `cutoff`. */
export async function isStillIdle(db: Db, conversationId: string, cutoff: number): Promise<boolean> {
  const row = await db
    .selectFrom('conversations')
    .select('id')
    .where('id', '=', conversationId)
    .where('state', 'in', LIVE_STATES)
    .where('last_activity_at', '<=', cutoff)
    .executeTakeFirst();
  return row !== undefined;
}

/** The oldest last activity among chats in progress (their idle deadlines start from it), or null. */
export async function earliestActivity(db: Db): Promise<number | null> {
  const row = await db.selectFrom('conversations').select((eb) => eb.fn.min('last_activity_at').as('at')).where('state', 'in', LIVE_STATES).executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

/**
 * Specialists shown as present (online or away) whose lease nobody has renewed since `cutoff`: no node holds a
 * socket of theirs. A lease that was never taken counts as long expired.
 */
export async function lapsedSpecialistIds(db: Db, cutoff: number): Promise<string[]> {
  const rows = await db
    .selectFrom('specialists')
    .select('id')
    .where('status', '!=', 'offline')
    .where((eb) => eb.or([eb('online_until', 'is', null), eb('online_until', '<=', cutoff)]))
    .execute();
  return rows.map((r) => r.id);
}

/** Re-checked inside the requeue transaction: still shown as present, and still no lease renewed since `cutoff`. */
export async function isStillLapsed(db: Db, specialistId: string, cutoff: number): Promise<boolean> {
  const row = await db
    .selectFrom('specialists')
    .select('id')
    .where('id', '=', specialistId)
    .where('status', '!=', 'offline')
    .where((eb) => eb.or([eb('online_until', 'is', null), eb('online_until', '<=', cutoff)]))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The earliest lease among specialists shown as present (their grace deadlines start from it), or null. `except`:
 * the ones this node holds and renews itself, whose leases cannot lapse while it runs.
 */
export async function earliestLease(db: Db, except: readonly string[] = []): Promise<number | null> {
  let q = db.selectFrom('specialists').select((eb) => eb.fn.min('online_until').as('at')).where('status', '!=', 'offline');
  if (except.length > 0) q = q.where('id', 'not in', except);
  const row = await q.executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

/** The specialist's last socket on this node closed at `at`: the lease ends then, and the grace period runs from it. */
export async function endLease(db: Db, specialistId: string, at: number): Promise<void> {
  await db.updateTable('specialists').set({ online_until: at }).where('id', '=', specialistId).where('online_until', '>', at).execute();
}
