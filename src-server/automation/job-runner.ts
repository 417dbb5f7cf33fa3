// Runs due automation jobs on this node: claim through the port, decide purely, execute, mark done. Safe on every node at once.
import type { Logger } from 'pino';
import type { Result } from '../../src-shared/result';
import type { Ticket } from '../../src-shared/ticket';
import { defaultAutomationRules, type AutomationRules } from './automation-rules';
import type { AutomationOutgoingMail } from './automation-mail';
import type { AutomationPort, JobOutcome } from './automation-port';
import { decideJob, planTicketJobs, type AutomationJob, type StaleReason } from './ticket-jobs';

/** `jobId` keys the queued mail, so a job re-run after a crash queues no second reminder. */
export type ReminderMail = { ticket: Ticket; ordinal: number; of: number; autoSolveAt: number; zone: string; jobId?: string };

/** The emails automation sends; the email module implements it (templates, recipients, CCs, signed links). */
export interface AutomationMailer {
  /** "We are waiting for your reply" n of `of`; `autoSolveAt` lets the email say when the ticket will be solved. */
  sendReminder(input: ReminderMail): Promise<Result<void>>;
  /** The "solved: no response" notice, queued in the transaction that solves the ticket (so it exists iff the solve does). */
  autoSolvedNotice(input: { ticket: Ticket }): AutomationOutgoingMail;
}

export type RunDeps = {
  port: AutomationPort;
  clock: { now(): number };
  mailer: AutomationMailer;
  log: Logger;
  /** Unique per server process (e.g. hostname:pid:random); stored as claimed_by. */
  nodeId: string;
  rules?: AutomationRules;
  /** Jobs per run; the rest wait for the next run, so one run never holds a node for long. */
  batchSize?: number;
  /** A claim older than this is presumed dead (its node crashed mid-job) and is freed for retry. */
  claimLeaseMs?: number;
};

export type RunReport = {
  due: number;
  claimed: number;
  /** Another node claimed it first. */
  lostClaims: number;
  remindersSent: number;
  autoSolved: number;
  autoClosed: number;
  stale: number;
  /** Released for a later retry (mail failure or an error). */
  failed: number;
  expiredClaimsReleased: number;
};

export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_CLAIM_LEASE_MS = 10 * 60_000;

const outcomeOf: Record<StaleReason, JobOutcome> = {
  ticket_missing: 'stale',
  status_changed: 'stale',
  superseded: 'superseded',
  not_allowed: 'not_allowed',
};

type Executed = 'reminder' | 'auto_solved' | 'auto_closed' | 'stale' | 'deferred' | 'failed';

/**
 * One pass over the due jobs. Each job runs at most once per claim: the claim is a conditional UPDATE only one
 * node wins, the decision re-reads the ticket, and ticket writes are compare-and-set. A reminder is queued in the
 * mail outbox under the job's id, so a job re-run after its node died queues nothing new; a solve or close cannot
 * repeat, because the ticket's status stamp has moved on and the retry decides "stale".
 */
export async function runDueJobs(deps: RunDeps): Promise<RunReport> {
  const { port, clock, nodeId } = deps;
  const report: RunReport = {
    due: 0,
    claimed: 0,
    lostClaims: 0,
    remindersSent: 0,
    autoSolved: 0,
    autoClosed: 0,
    stale: 0,
    failed: 0,
    expiredClaimsReleased: 0,
  };
  const start = clock.now();
  report.expiredClaimsReleased = await port.releaseExpiredClaims(start - (deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS));
  const jobs = await port.listDueJobs(start, deps.batchSize ?? DEFAULT_BATCH_SIZE);
  report.due = jobs.length;

  for (const job of jobs) {
    if (!(await port.claimJob(job.id, nodeId, clock.now()))) {
      report.lostClaims++;
      continue;
    }
    report.claimed++;
    const log = deps.log.child({ jobId: job.id, ticketId: job.ticketId, kind: job.kind });
    let result: Executed;
    try {
      result = await executeJob(deps, job, log);
    } catch (error) {
      // A db or mailer bug must not stop the other jobs; the claim goes back so the job is retried.
      log.error({ err: error }, 'automation job failed');
      await port.releaseJob(job.id, nodeId);
      result = 'failed';
    }
    if (result === 'reminder') report.remindersSent++;
    else if (result === 'auto_solved') report.autoSolved++;
    else if (result === 'auto_closed') report.autoClosed++;
    else if (result === 'stale') report.stale++;
    else if (result === 'failed') report.failed++;
  }
  if (report.claimed > 0 || report.expiredClaimsReleased > 0) deps.log.info({ ...report, nodeId }, 'automation run');
  return report;
}

async function executeJob(deps: RunDeps, job: AutomationJob, log: Logger): Promise<Executed> {
  const { port, nodeId, clock } = deps;
  const rules = deps.rules ?? defaultAutomationRules;
  const state = await port.loadTicket(job.ticketId);
  const now = clock.now();
  const decision = decideJob(job, state, now, rules);
  switch (decision.kind) {
    case 'wait':
      // Listed as due but not due by this clock (nodes' clocks differ slightly): leave it for a later run.
      await port.releaseJob(job.id, nodeId);
      return 'deferred';
    case 'stale':
      if (decision.reason === 'not_allowed') log.warn('automation step refused by the lifecycle rules');
      await port.completeJob(job.id, nodeId, outcomeOf[decision.reason], now);
      return 'stale';
    case 'send_reminder': {
      const { kind: _kind, ...mail } = decision;
      const sent = await deps.mailer.sendReminder({ ...mail, jobId: job.id });
      if (!sent.ok) {
        log.warn({ code: sent.error.code }, 'reminder email failed; will retry');
        await port.releaseJob(job.id, nodeId);
        return 'failed';
      }
      await port.completeJob(job.id, nodeId, 'done', now);
      return 'reminder';
    }
    case 'auto_solve':
    case 'auto_close': {
      const { change } = decision;
      if (state === null) throw new Error('decideJob returned a ticket change without a ticket'); // a bug, not a state
      const next = planTicketJobs({ id: change.ticketId, ...change.stamp }, state.schedule, rules);
      const notice = decision.kind === 'auto_solve' ? [deps.mailer.autoSolvedNotice({ ticket: change.ticket })] : [];
      if (!(await port.applyTicketChange(change, next, notice))) {
        await port.completeJob(job.id, nodeId, 'stale', now);
        return 'stale';
      }
      await port.completeJob(job.id, nodeId, 'done', now);
      return decision.kind === 'auto_close' ? 'auto_closed' : 'auto_solved';
    }
  }
}
