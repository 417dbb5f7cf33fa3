// The ticket writes every channel shares, run inside the caller's transaction: saving a change with its audit
// lines, a customer's reply (comment link, portal, inbound mail) and a customer's new ticket (EMAIL US, Submit a
// request, a new mail). One rule each, whichever door the customer came through.
import { randomUUID } from 'node:crypto';
import type { Attachment } from '../../src-shared/attachment';
import type { Department } from '../../src-shared/department';
import type { SupportContext } from '../../src-shared/visitor';
import type { Ticket, TicketAuditEntry, TicketComment } from '../../src-shared/ticket';
import { nextStatusOnCustomerReply } from '../../src-shared/ticket-lifecycle';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import { appendEvent, type LoggedEvent } from '../db/events';
import * as tickets from '../db/tickets';
import { getDepartment } from '../db/departments';
import { insertJobs } from '../db/automation-jobs';
import { planTicketJobs } from '../automation/ticket-jobs';
import { followUpDraft } from '../automation/customer-reply';
import { openTicketDraft, subjectOfQuestion } from '../automation/new-ticket';

export const ticketScope = (t: Pick<Ticket, 'departmentId' | 'assigneeId'>) => ({ conversationId: null, departmentId: t.departmentId, specialistId: t.assigneeId, visitorVisible: false });

const AUDITED_FIELDS = ['status', 'resolution', 'ccs', 'subject', 'category', 'assigneeId', 'workaround', 'rcaNote', 'escalation', 'departmentId'] as const;

/** The ticket's new state plus its audit entries and events; nothing is written when no audited field changed. */
export async function saveWithAudit(
  ctx: Pick<ServerContext, 'clock'>,
  trx: Db,
  before: Ticket,
  after: Ticket,
  actor: { kind: TicketAuditEntry['actorKind']; id: string | null },
): Promise<LoggedEvent[]> {
  const now = ctx.clock.now();
  const audit: TicketAuditEntry[] = AUDITED_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => ({
    ticketId: before.id,
    at: now,
    actorKind: actor.kind,
    actorId: actor.id,
    field: f,
    from: before[f],
    to: after[f],
  }));
  if (audit.length === 0) return [];
  await tickets.saveTicket(trx, after);
  if (before.status !== after.status) {
    // A new status period: stamp it and plan its automation (reminders, auto-solve, auto-close); jobs of the
    // old period go stale by themselves (src-server/automation/ticket-jobs.ts).
    await tickets.markStatusChange(trx, after.id, now);
    const dept = await getDepartment(trx, after.departmentId);
    if (dept) await insertJobs(trx, planTicketJobs({ id: after.id, status: after.status, statusSince: now }, dept.schedule));
  }
  await tickets.insertAudit(trx, audit);
  const events = [await appendEvent(trx, 'ticket.updated', after, now, ticketScope(after))];
  for (const a of audit) events.push(await appendEvent(trx, 'ticket.audit', a, now, ticketScope(after)));
  return events;
}

export interface CustomerReply {
  /** Who wrote it, as shown on the comment (the requester's or a CC's address). */
  authorName: string;
  /** Empty: no comment is written (the reply only adds CCs). */
  body: string;
  ccs: readonly string[];
  attachments: readonly Attachment[];
  /** The channel a follow-up ticket gets when the original was Closed. */
  channel: Ticket['channel'];
}

export interface CustomerReplyWrite {
  /** The ticket the reply landed on: the original, or the follow-up it started. */
  target: Ticket;
  followUp: boolean;
  comment: TicketComment | null;
  events: LoggedEvent[];
}

/**
 * A customer's reply: reopens an Awaiting-reply or Solved ticket, and on a Closed one starts a linked follow-up
 * (DESIGN.md §3); new CCs are merged; the comment (when there are words or files) is public.
 */
export async function writeCustomerReply(ctx: Pick<ServerContext, 'clock'>, trx: Db, original: Ticket, reply: CustomerReply): Promise<CustomerReplyWrite> {
  const now = ctx.clock.now();
  const events: LoggedEvent[] = [];
  const hasComment = reply.body !== '' || reply.attachments.length > 0;
  // CCs alone are not a reply: they never reopen a ticket or start a follow-up.
  const effect = hasComment ? nextStatusOnCustomerReply(original.status) : { kind: 'status' as const, status: original.status };
  let target: Ticket;
  if (effect.kind === 'follow_up') {
    // A Closed ticket is terminal: the reply starts a linked follow-up that keeps who asked and about what,
    // but none of the old outcome (resolution, workaround, RCA note, escalation).
    const draft = followUpDraft(original, now, reply.channel);
    target = await tickets.insertTicket(trx, { ...draft, clientId: null, ccs: [...new Set([...draft.ccs, ...reply.ccs])] });
    events.push(await appendEvent(trx, 'ticket.updated', target, now, ticketScope(target)));
  } else {
    if (original.status === 'closed' && reply.ccs.some((c) => !original.ccs.includes(c))) {
      // A Closed ticket never changes; CCs for it go on a follow-up, which needs words.
      return { target: original, followUp: false, comment: null, events: [] };
    }
    const after: Ticket = {
      ...original,
      status: effect.status,
      ccs: [...new Set([...original.ccs, ...reply.ccs])],
      solvedAt: effect.status === 'solved' ? original.solvedAt : null,
      resolution: effect.status === original.status ? original.resolution : null,
      updatedAt: hasComment || reply.ccs.some((c) => !original.ccs.includes(c)) ? now : original.updatedAt,
    };
    events.push(...(await saveWithAudit(ctx, trx, original, after, { kind: 'customer', id: null })));
    target = after;
  }
  if (!hasComment) return { target, followUp: false, comment: null, events };
  const comment: TicketComment = {
    id: randomUUID(),
    ticketId: target.id,
    authorKind: 'customer',
    authorId: null,
    authorName: reply.authorName,
    body: reply.body,
    attachments: [...reply.attachments],
    internal: false,
    createdAt: now,
  };
  await tickets.insertComment(trx, comment, null);
  events.push(await appendEvent(trx, 'ticket.comment', comment, now, ticketScope(target)));
  return { target, followUp: effect.kind === 'follow_up', comment, events };
}

export interface NewCustomerTicket {
  /** The caller's idempotency key (EMAIL US and portal client ids); null when the caller dedupes otherwise (inbound mail). */
  clientId: string | null;
  channel: Ticket['channel'];
  department: Pick<Department, 'id' | 'product'>;
  email: string;
  /** Null: made from the first words of the body (EMAIL US has no subject field). */
  subject: string | null;
  body: string;
  ccs: readonly string[];
  attachments: readonly Attachment[];
  context: SupportContext;
}

/** An Open ticket with the customer's words as its first public comment. `created` is false when the client id was seen before. */
export async function writeNewCustomerTicket(
  ctx: Pick<ServerContext, 'clock'>,
  trx: Db,
  input: NewCustomerTicket,
): Promise<{ ticket: Ticket; created: boolean; comment: TicketComment | null; events: LoggedEvent[] }> {
  const now = ctx.clock.now();
  if (input.clientId !== null) {
    const prior = await tickets.findTicketByClientId(trx, input.clientId);
    if (prior) return { ticket: prior, created: false, comment: null, events: [] };
  }
  const ticket = await tickets.insertTicket(trx, {
    clientId: input.clientId,
    ...openTicketDraft(
      {
        subject: input.subject ?? subjectOfQuestion(input.body),
        channel: input.channel,
        departmentId: input.department.id,
        requesterEmail: input.email,
        ccs: [...new Set(input.ccs.filter((c) => c !== input.email))],
        context: input.context,
        category: null,
        product: input.department.product,
        assigneeId: null,
        conversationId: null,
        followUpOf: null,
      },
      now,
    ),
  });
  const comment: TicketComment = {
    id: randomUUID(),
    ticketId: ticket.id,
    authorKind: 'customer',
    authorId: null,
    authorName: input.email,
    body: input.body,
    attachments: [...input.attachments],
    internal: false,
    createdAt: now,
  };
  await tickets.insertComment(trx, comment, null);
  const events = [await appendEvent(trx, 'ticket.updated', ticket, now, ticketScope(ticket)), await appendEvent(trx, 'ticket.comment', comment, now, ticketScope(ticket))];
  return { ticket, created: true, comment, events };
}
