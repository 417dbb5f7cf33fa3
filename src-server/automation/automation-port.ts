// The persistence the automation runner needs, as an interface the server's db layer implements (SQL documented per method).
import type { AutomationJob, TicketAutomationState } from './ticket-jobs';
import type { TicketChange } from './ticket-change';
import type { AutomationOutgoingMail } from './automation-mail';

/**
 * Table the db layer adds in a migration (portable SQLite/PostgreSQL; `bigint` instants are epoch ms):
 *
 *   CREATE TABLE automation_jobs (
 *     id           text PRIMARY KEY,          -- jobId(): "t42:awaiting_reply@1761847200000:reminder#1"
 *     ticket_id    integer NOT NULL REFERENCES tickets(id),
 *     kind         text    NOT NULL,          -- reminder | auto_solve | auto_close
 *     ordinal      integer NOT NULL,
 *     status       text    NOT NULL,          -- the status period the job belongs to ...
 *     status_since bigint  NOT NULL,          -- ... and when it began
 *     due_at       bigint  NOT NULL,
 *     claimed_by   text,                      -- node id; NULL = pending
 *     claimed_at   bigint,
 *     done_at      bigint,
 *     outcome      text                       -- JobOutcome
 *   );
 *   CREATE INDEX automation_jobs_due ON automation_jobs (due_at) WHERE done_at IS NULL AND claimed_by IS NULL;
 *
 * Tickets also need the instant they entered their status: a `status_changed_at bigint` column written with every
 * status change (statusEnteredAt() derives it from the audit trail for rows written before the column existed).
 *
 * Every method is one statement (or one transaction), so the runner is safe on any number of nodes at once: the
 * only coordination is the conditional UPDATE in claimJob and the compare-and-set in applyTicketChange.
 */
export interface AutomationPort {
  /**
   * Stores planned jobs; ids already present are left alone, so planning twice (two nodes, a retry) is harmless.
   *   INSERT INTO automation_jobs (id, ticket_id, kind, ordinal, status, status_since, due_at)
   *   VALUES (?, ?, ?, ?, ?, ?, ?), ... ON CONFLICT (id) DO NOTHING
   */
  insertJobs(jobs: readonly AutomationJob[]): Promise<void>;

  /**
   * Pending jobs due at `now`, oldest first.
   *   SELECT ... FROM automation_jobs WHERE done_at IS NULL AND claimed_by IS NULL AND due_at <= ?
   *   ORDER BY due_at, id LIMIT ?
   */
  listDueJobs(now: number, limit: number): Promise<AutomationJob[]>;

  /**
   * True only for the one caller whose UPDATE flipped the job from pending to claimed (rows affected = 1):
   *   UPDATE automation_jobs SET claimed_by = ?, claimed_at = ? WHERE id = ? AND claimed_by IS NULL
   */
  claimJob(jobId: string, nodeId: string, now: number): Promise<boolean>;

  /**
   * Marks a claimed job finished; a no-op unless this node holds the claim.
   *   UPDATE automation_jobs SET done_at = ?, outcome = ? WHERE id = ? AND claimed_by = ?
   */
  completeJob(jobId: string, nodeId: string, outcome: JobOutcome, now: number): Promise<void>;

  /**
   * Gives a claim back after a failure so a later run retries it.
   *   UPDATE automation_jobs SET claimed_by = NULL, claimed_at = NULL WHERE id = ? AND claimed_by = ? AND done_at IS NULL
   */
  releaseJob(jobId: string, nodeId: string): Promise<void>;

  /**
   * Frees claims of nodes that died between claiming and completing (the lease ran out); returns how many.
   *   UPDATE automation_jobs SET claimed_by = NULL, claimed_at = NULL
   *   WHERE done_at IS NULL AND claimed_by IS NOT NULL AND claimed_at < ?
   */
  releaseExpiredClaims(claimedBefore: number): Promise<number>;

  /** The ticket, its status stamp (status_changed_at) and its department's schedule; null when the ticket is gone. */
  loadTicket(ticketId: number): Promise<TicketAutomationState | null>;

  /**
   * Compare-and-set, in one transaction: write `change.ticket` and `change.stamp`, append `change.audit`, publish
   * the `ticket.updated` / `ticket.audit` events, and return true; or return false and write nothing when the
   * stored ticket no longer matches `change.expected`:
   *   UPDATE tickets SET status = ?, status_changed_at = ?, resolution_json = ?, solved_at = ?, closed_at = ?,
   *     updated_at = ? WHERE id = ? AND status = ? AND status_changed_at = ?      -- expected.status, expected.statusSince
   * `jobs` (planned for the new stamp, e.g. the auto-close after an auto-solve) are inserted in the same
   * transaction as in insertJobs, so a crash can never leave a changed ticket without its next jobs; `mails` (the
   * auto-solved notice) are queued in the mail outbox in that transaction too, so the notice exists iff the change does.
   * The tickets service uses the same call for customer replies, so a reply and an auto-solve never both win.
   */
  applyTicketChange(change: TicketChange, jobs: readonly AutomationJob[], mails?: readonly AutomationOutgoingMail[]): Promise<boolean>;
}

/** How a job ended: executed, found not to apply anymore, or abandoned for good. */
export type JobOutcome = 'done' | 'stale' | 'superseded' | 'not_allowed';
