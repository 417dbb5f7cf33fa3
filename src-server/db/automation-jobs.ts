// Automation jobs (planned reminders, auto-solves, auto-closes) and their claims; the SQL behind AutomationPort.
import type { AutomationJob, JobKind } from '../automation/ticket-jobs';
import type { JobOutcome } from '../automation/automation-port';
import type { TicketStatus } from '../../src-shared/ticket-lifecycle';
import type { Db } from './schema';

/** Stores planned jobs; ids already present are left alone, so planning twice is harmless. */
export async function insertJobs(db: Db, jobs: readonly AutomationJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('automation_jobs')
    .values(jobs.map((j) => ({ id: j.id, ticket_id: j.ticketId, kind: j.kind, ordinal: j.ordinal, status: j.status, status_since: j.statusSince, due_at: j.dueAt })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function listDueJobs(db: Db, now: number, limit: number): Promise<AutomationJob[]> {
  const rows = await db
    .selectFrom('automation_jobs')
    .selectAll()
    .where('done_at', 'is', null)
    .where('claimed_by', 'is', null)
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ticketId: Number(r.ticket_id),
    kind: r.kind as JobKind,
    ordinal: Number(r.ordinal),
    status: r.status as TicketStatus,
    statusSince: Number(r.status_since),
    dueAt: Number(r.due_at),
  }));
}

export async function claimJob(db: Db, jobId: string, nodeId: string, now: number): Promise<boolean> {
  const res = await db.updateTable('automation_jobs').set({ claimed_by: nodeId, claimed_at: now }).where('id', '=', jobId).where('claimed_by', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function completeJob(db: Db, jobId: string, nodeId: string, outcome: JobOutcome, now: number): Promise<void> {
  await db.updateTable('automation_jobs').set({ done_at: now, outcome }).where('id', '=', jobId).where('claimed_by', '=', nodeId).execute();
}

export async function releaseJob(db: Db, jobId: string, nodeId: string): Promise<void> {
  await db
    .updateTable('automation_jobs')
    .set({ claimed_by: null, claimed_at: null })
    .where('id', '=', jobId)
    .where('claimed_by', '=', nodeId)
    .where('done_at', 'is', null)
    .execute();
}

export async function releaseExpiredClaims(db: Db, claimedBefore: number): Promise<number> {
  const res = await db
    .updateTable('automation_jobs')
    .set({ claimed_by: null, claimed_at: null })
    .where('done_at', 'is', null)
    .where('claimed_by', 'is not', null)
    .where('claimed_at', '<', claimedBefore)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
