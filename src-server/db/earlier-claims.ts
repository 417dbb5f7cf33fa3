// Claims a node left behind when it died (kill -9, power loss) hold their mail and automation jobs until the claim
// lease runs out (minutes). A node that starts again under the same identity knows those claims are dead — no
// process of that identity was running — and hands them back at once, so nothing waits for the lease.
import type { Db } from './schema';

/** Releases the unfinished claims `nodeId` took before `startedAt`; returns how many of each were released. */
export async function releaseEarlierClaims(db: Db, nodeId: string, startedAt: number): Promise<{ mails: number; jobs: number }> {
  const mails = await db
    .updateTable('mail_outbox')
    .set({ claimed_by: null, claimed_at: null })
    .where('claimed_by', '=', nodeId)
    .where('claimed_at', '<', startedAt)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  const jobs = await db
    .updateTable('automation_jobs')
    .set({ claimed_by: null, claimed_at: null })
    .where('claimed_by', '=', nodeId)
    .where('claimed_at', '<', startedAt)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return { mails: Number(mails.numUpdatedRows), jobs: Number(jobs.numUpdatedRows) };
}
