// Test-only, in-memory AutomationPort for unit-testing the runner's orchestration; the real one is SQL in src-server/db.
// Every method yields to the event loop first, so two runners sharing one instance really interleave.
import type { Schedule } from '../../../../src-shared/business-hours';
import type { Ticket, TicketAuditEntry } from '../../../../src-shared/ticket';
import type { TicketStatus } from '../../../../src-shared/ticket-lifecycle';
import type { AutomationPort, JobOutcome } from '../../../../src-server/automation/automation-port';
import { defaultAutomationRules, type AutomationRules } from '../../../../src-server/automation/automation-rules';
import { decideCustomerReply, type CustomerReplyDecision } from '../../../../src-server/automation/customer-reply';
import { planTicketJobs, type AutomationJob, type TicketAutomationState } from '../../../../src-server/automation/ticket-jobs';
import type { TicketChange } from '../../../../src-server/automation/ticket-change';
import type { AutomationOutgoingMail } from '../../../../src-server/automation/automation-mail';
import { makeTicket } from '../../../support/entity-factories';

export type JobRow = AutomationJob & { claimedBy: string | null; claimedAt: number | null; doneAt: number | null; outcome: JobOutcome | null };

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class MemoryAutomationPort implements AutomationPort {
  readonly tickets = new Map<number, { ticket: Ticket; statusSince: number }>();
  readonly jobs = new Map<string, JobRow>();
  readonly audit: TicketAuditEntry[] = [];
  /** Test hook: mails applyTicketChange queued with a change it applied (the auto-solved notice). */
  onQueued: ((mail: AutomationOutgoingMail) => void) | null = null;
  /** Test hook: runs inside applyTicketChange before the compare, to stage a racing write. */
  beforeApply: ((change: TicketChange) => void) | null = null;
  private nextId = 1;

  constructor(
    private readonly schedules: ReadonlyMap<string, Schedule>,
    private readonly rules: AutomationRules = defaultAutomationRules,
  ) {}

  async insertJobs(jobs: readonly AutomationJob[]): Promise<void> {
    await turn();
    this.insertNow(jobs);
  }

  async listDueJobs(now: number, limit: number): Promise<AutomationJob[]> {
    await turn();
    return [...this.jobs.values()]
      .filter((j) => j.doneAt === null && j.claimedBy === null && j.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map(({ claimedBy: _c, claimedAt: _a, doneAt: _d, outcome: _o, ...job }) => job);
  }

  async claimJob(jobId: string, nodeId: string, now: number): Promise<boolean> {
    await turn();
    const row = this.jobs.get(jobId);
    if (!row || row.claimedBy !== null) return false;
    row.claimedBy = nodeId;
    row.claimedAt = now;
    return true;
  }

  async completeJob(jobId: string, nodeId: string, outcome: JobOutcome, now: number): Promise<void> {
    await turn();
    const row = this.jobs.get(jobId);
    if (!row || row.claimedBy !== nodeId) return;
    row.doneAt = now;
    row.outcome = outcome;
  }

  async releaseJob(jobId: string, nodeId: string): Promise<void> {
    await turn();
    const row = this.jobs.get(jobId);
    if (!row || row.claimedBy !== nodeId || row.doneAt !== null) return;
    row.claimedBy = null;
    row.claimedAt = null;
  }

  async releaseExpiredClaims(claimedBefore: number): Promise<number> {
    await turn();
    let n = 0;
    for (const row of this.jobs.values()) {
      if (row.doneAt === null && row.claimedBy !== null && row.claimedAt !== null && row.claimedAt < claimedBefore) {
        row.claimedBy = null;
        row.claimedAt = null;
        n++;
      }
    }
    return n;
  }

  async loadTicket(ticketId: number): Promise<TicketAutomationState | null> {
    await turn();
    const stored = this.tickets.get(ticketId);
    const schedule = stored && this.schedules.get(stored.ticket.departmentId);
    return stored && schedule ? { ticket: structuredClone(stored.ticket), statusSince: stored.statusSince, schedule } : null;
  }

  async applyTicketChange(change: TicketChange, jobs: readonly AutomationJob[], mails: readonly AutomationOutgoingMail[] = []): Promise<boolean> {
    await turn();
    this.beforeApply?.(change);
    const applied = this.applyNow(change, jobs);
    // Queued only with the change, as the SQL port does in its transaction.
    if (applied) for (const m of mails) this.onQueued?.(m);
    return applied;
  }

  // ---- stand-ins for the tickets service, synchronous like one db transaction ----

  addTicket(fields: Partial<Ticket> & Pick<Ticket, 'departmentId'>, at: number): Ticket {
    const ticket = makeTicket({
      id: this.nextId++,
      subject: 'Cannot export the media plan',
      channel: 'email',
      requesterEmail: 'buyer@example.com',
      createdAt: at,
      updatedAt: at,
      ...fields,
    });
    this.tickets.set(ticket.id, { ticket, statusSince: at });
    this.insertNow(this.plan(ticket.id));
    return ticket;
  }

  /** A specialist's status change: new stamp, and the jobs of the new period planned in the same step. */
  specialistSets(ticketId: number, status: TicketStatus, at: number): void {
    const stored = this.mustGet(ticketId);
    stored.ticket = { ...stored.ticket, status, updatedAt: at, solvedAt: status === 'solved' ? at : stored.ticket.solvedAt };
    stored.statusSince = at;
    this.insertNow(this.plan(ticketId));
  }

  /** A customer's reply as the tickets service handles it: reopen, nothing, or a follow-up ticket. */
  customerReplies(ticketId: number, at: number): CustomerReplyDecision & { followUp?: Ticket } {
    const stored = this.mustGet(ticketId);
    const decision = decideCustomerReply(stored.ticket, { status: stored.ticket.status, statusSince: stored.statusSince }, at, 'web');
    if (decision.kind === 'reopen') {
      if (!this.applyNow(decision.change, [])) throw new Error('reply lost a race in a synchronous test');
    }
    if (decision.kind === 'follow_up') {
      const followUp: Ticket = { ...decision.draft, id: this.nextId++ };
      this.tickets.set(followUp.id, { ticket: followUp, statusSince: at });
      return { ...decision, followUp };
    }
    return decision;
  }

  ticket(ticketId: number): Ticket {
    return this.mustGet(ticketId).ticket;
  }

  jobsOf(ticketId: number): JobRow[] {
    return [...this.jobs.values()].filter((j) => j.ticketId === ticketId);
  }

  private plan(ticketId: number): AutomationJob[] {
    const { ticket, statusSince } = this.mustGet(ticketId);
    const schedule = this.schedules.get(ticket.departmentId);
    if (!schedule) throw new Error(`no schedule for ${ticket.departmentId}`);
    return planTicketJobs({ id: ticket.id, status: ticket.status, statusSince }, schedule, this.rules);
  }

  private insertNow(jobs: readonly AutomationJob[]): void {
    for (const job of jobs) {
      if (!this.jobs.has(job.id)) this.jobs.set(job.id, { ...job, claimedBy: null, claimedAt: null, doneAt: null, outcome: null });
    }
  }

  private applyNow(change: TicketChange, jobs: readonly AutomationJob[]): boolean {
    const stored = this.tickets.get(change.ticketId);
    if (!stored || stored.ticket.status !== change.expected.status || stored.statusSince !== change.expected.statusSince) return false;
    stored.ticket = structuredClone(change.ticket);
    stored.statusSince = change.stamp.statusSince;
    this.audit.push(...change.audit);
    this.insertNow(jobs);
    return true;
  }

  private mustGet(ticketId: number): { ticket: Ticket; statusSince: number } {
    const stored = this.tickets.get(ticketId);
    if (!stored) throw new Error(`no ticket ${ticketId}`);
    return stored;
  }
}
