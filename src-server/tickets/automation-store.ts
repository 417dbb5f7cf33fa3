// The server's implementation of AutomationPort: job claims and compare-and-set ticket changes through the write queue, with events.
import type { AutomationPort, JobOutcome } from '../automation/automation-port';
import type { AutomationJob, TicketAutomationState } from '../automation/ticket-jobs';
import type { TicketChange } from '../automation/ticket-change';
import type { ServerContext } from '../context';
import * as jobs from '../db/automation-jobs';
import { getTicketWithStamp, insertAudit, saveTicketIf } from '../db/tickets';
import { getDepartment } from '../db/departments';
import { appendEvent, type LoggedEvent } from '../db/events';
import { enqueueTicketMails } from '../email/ticket-mail-headers';
import type { AutomationOutgoingMail } from '../automation/automation-mail';

export function automationStore(ctx: ServerContext): AutomationPort {
  const write = <T>(fn: Parameters<typeof ctx.writes.run<T>>[0]) => ctx.writes.run(fn);
  return {
    insertJobs: (list: readonly AutomationJob[]) => write((trx) => jobs.insertJobs(trx, list)),
    listDueJobs: (now: number, limit: number) => jobs.listDueJobs(ctx.db, now, limit),
    claimJob: (jobId: string, nodeId: string, now: number) => write((trx) => jobs.claimJob(trx, jobId, nodeId, now)),
    completeJob: (jobId: string, nodeId: string, outcome: JobOutcome, now: number) => write((trx) => jobs.completeJob(trx, jobId, nodeId, outcome, now)),
    releaseJob: (jobId: string, nodeId: string) => write((trx) => jobs.releaseJob(trx, jobId, nodeId)),
    releaseExpiredClaims: (claimedBefore: number) => write((trx) => jobs.releaseExpiredClaims(trx, claimedBefore)),

    async loadTicket(ticketId: number): Promise<TicketAutomationState | null> {
      const found = await getTicketWithStamp(ctx.db, ticketId);
      if (!found) return null;
      const dept = await getDepartment(ctx.db, found.ticket.departmentId);
      return dept ? { ticket: found.ticket, statusSince: found.statusSince, schedule: dept.schedule } : null;
    },

    async applyTicketChange(change: TicketChange, next: readonly AutomationJob[], mails: readonly AutomationOutgoingMail[] = []): Promise<boolean> {
      const out = await write(async (trx) => {
        const written = await saveTicketIf(trx, change.ticket, change.expected, change.stamp.statusSince);
        if (!written) return { written, events: [] as LoggedEvent[] };
        await insertAudit(trx, change.audit);
        await jobs.insertJobs(trx, next);
        await enqueueTicketMails(ctx, trx, mails, ctx.clock.now());
        const scope = { conversationId: null, departmentId: change.ticket.departmentId, specialistId: change.ticket.assigneeId, visitorVisible: false };
        const at = ctx.clock.now();
        const events = [await appendEvent(trx, 'ticket.updated', change.ticket, at, scope)];
        for (const a of change.audit) events.push(await appendEvent(trx, 'ticket.audit', a, at, scope));
        return { written, events };
      });
      ctx.broadcaster.publish(out.events);
      if (out.written && mails.length > 0) ctx.mailOutbox.wake();
      return out.written;
    },
  };
}
