// Tickets: agent list/read/update/comment/escalate with audit, EMAIL US requests, and customer comments via signed links.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { err, ok, type Result } from '../../src-shared/result';
import type { Ticket, TicketAuditEntry, TicketComment, TicketFilter } from '../../src-shared/ticket';
import { canTransition, ticketStatusLabels } from '../../src-shared/ticket-lifecycle';
import { findResolutionType, validateResolution } from '../../src-shared/resolution-catalog';
import type { agentInbound, IncidentAlert, TicketDetail } from '../../src-shared/protocol/agent';
import type { CommentPage, CustomerCommentReceipt, EmailRequest, EmailRequestReceipt } from '../../src-shared/protocol/http';
import type { AgentActor, ServerContext } from '../context';
import type { Db } from '../db/schema';
import { appendEvent, type LoggedEvent } from '../db/events';
import * as tickets from '../db/tickets';
import { listMessages } from '../db/messages';
import { getAttachments } from '../db/attachments';
import { getDepartment } from '../db/departments';
import { getSpecialist } from '../db/specialists';
import { checkPendingRcaPatch } from '../automation/pending-rca';
import { IncidentMonitor } from './incident-monitor';
import { saveWithAudit, ticketScope, writeCustomerReply, writeNewCustomerTicket } from './ticket-writes';
import { once, type Outcome } from '../outcome';
import { verifyCommentLink } from '../auth/tokens';
import { queueEmailAcknowledgement } from '../email/customer-mail';
import { expectedReply } from '../email/expected-reply';
import { enqueueMails } from '../db/mail-outbox';
import { accountManagementHandoff } from '../email/templates';
import { queueTicketReplyMails } from '../email/ticket-reply-mail';
import { incidentIdsForTicket } from '../db/incidents';

type AgentIn<E extends keyof typeof agentInbound> = z.output<(typeof agentInbound)[E]>;

export const canSeeTicket = (actor: AgentActor, t: Ticket): boolean =>
  actor.role !== 'agent' || actor.departmentIds.includes(t.departmentId) || t.assigneeId === actor.specialistId;

export class TicketService {
  private readonly incidents: IncidentMonitor;

  constructor(private readonly ctx: ServerContext) {
    this.incidents = new IncidentMonitor(ctx);
  }

  /**
   * `commit` for changes that may categorise a ticket: the job counts the report in its transaction
   * (`this.incidents.observe`) and leaves any alert in `raised`, announced only once the change has committed.
   * `raised` is reset on every run: a group-commit batch that failed runs its jobs again, one per transaction.
   */
  private async commitObserved<T>(job: (trx: Db, raised: { alert: IncidentAlert | null }) => Promise<Outcome<T>>): Promise<Result<T>> {
    const raised: { alert: IncidentAlert | null } = { alert: null };
    const res = await this.commit<T>((trx) => {
      raised.alert = null;
      return job(trx, raised);
    });
    if (res.ok && raised.alert) this.incidents.announce(raised.alert);
    return res;
  }

  private async commit<T>(job: (trx: Db) => Promise<Outcome<T>>): Promise<Result<T>> {
    const out = await this.ctx.writes.run(job);
    this.ctx.broadcaster.publish(out.events);
    return out.result;
  }

  private saveWithAudit(trx: Db, before: Ticket, after: Ticket, actor: { kind: TicketAuditEntry['actorKind']; id: string | null }): Promise<LoggedEvent[]> {
    return saveWithAudit(this.ctx, trx, before, after, actor);
  }

  async list(actor: AgentActor, filter: TicketFilter): Promise<Result<Ticket[]>> {
    const scope = actor.role === 'agent' ? actor.departmentIds : null;
    return ok(await tickets.listTickets(this.ctx.db, filter, scope));
  }

  async get(actor: AgentActor, ticketId: number): Promise<Result<TicketDetail>> {
    const ticket = await tickets.getTicket(this.ctx.db, ticketId);
    if (!ticket || !canSeeTicket(actor, ticket)) return err('not_found', 'Ticket not found.');
    const [comments, transcript, audit, incidentIds] = await Promise.all([
      tickets.listComments(this.ctx.db, ticketId, { includeInternal: true }),
      ticket.conversationId ? listMessages(this.ctx.db, ticket.conversationId, { includeInternal: true }) : Promise.resolve([]),
      tickets.listAudit(this.ctx.db, ticketId),
      incidentIdsForTicket(this.ctx.db, ticketId),
    ]);
    return ok({ ticket, comments, transcript, audit, incidentIds });
  }

  async update(actor: AgentActor, input: AgentIn<'ticket:update'>): Promise<Result<Ticket>> {
    const solved: { handoff: boolean } = { handoff: false };
    const res = await this.updateTicket(actor, input, solved);
    if (res.ok && solved.handoff) this.ctx.mailOutbox.wake();
    return res;
  }

  /** The resolution type hands the ticket to Account Management (DESIGN.md §3 Redirect types). */
  private handsOff(t: Ticket): boolean {
    return t.resolution !== null && findResolutionType(t.resolution.typeId)?.notifiesAccountManagement === true;
  }

  /** Queued in the transaction that solves the ticket, keyed by the solving command: each solve hands off once. */
  private async queueAccountManagementMail(trx: Db, t: Ticket, now: number, commandKey: string): Promise<boolean> {
    const to = this.ctx.config.accountManagementEmail;
    if (!to || !t.resolution) return false;
    const { subject, text } = accountManagementHandoff({ ticket: t, resolutionLabel: findResolutionType(t.resolution.typeId)?.label ?? t.resolution.typeId });
    await enqueueMails(trx, [{ key: `account_management:${t.id}:${commandKey}`, kind: 'account_management', to, subject, text, ticketId: t.id }], now);
    return true;
  }

  /** `solved.handoff` is set when this call (not a retry) solved the ticket with an Account Management type and a mail is due. */
  private async updateTicket(actor: AgentActor, input: AgentIn<'ticket:update'>, solved: { handoff: boolean }): Promise<Result<Ticket>> {
    const now = this.ctx.clock.now();
    return this.commitObserved<Ticket>((trx, raised) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, now, async () => {
        const before = await tickets.getTicket(trx, input.ticketId);
        if (!before || !canSeeTicket(actor, before)) return { result: err('not_found', 'Ticket not found.'), events: [] };
        const p = input.patch;
        const status = p.status ?? before.status;
        if (status !== before.status && !canTransition(before.status, status, 'specialist')) {
          return { result: err('invalid_transition', `A ticket cannot move from ${ticketStatusLabels[before.status]} to ${ticketStatusLabels[status]}.`), events: [] };
        }
        if (before.status === 'closed') return { result: err('invalid_transition', 'A closed ticket cannot change; reply to create a follow-up.'), events: [] };
        const rca = checkPendingRcaPatch(before, p);
        if (!rca.ok) return { result: rca, events: [] };
        if (p.assigneeId && !(await getSpecialist(trx, p.assigneeId))) return { result: err('not_found', 'Unknown assignee.'), events: [] };
        const resolution = p.resolution !== undefined ? p.resolution : before.resolution;
        if (status === 'solved') {
          if (!resolution) return { result: err('invalid_resolution', 'Solving a ticket needs a resolution.'), events: [] };
          const linked = resolution.linkedTicketId;
          const linkedExists = linked === undefined ? true : await tickets.ticketExists(trx, linked);
          const check = validateResolution(resolution, { actor: 'specialist', product: before.product, ticketId: before.id, ticketExists: () => linkedExists });
          if (!check.ok) return { result: err('invalid_resolution', check.error.message), events: [] };
        }
        const after: Ticket = {
          ...before,
          status,
          resolution: status === 'solved' ? resolution : p.resolution !== undefined ? p.resolution : before.resolution,
          ccs: p.ccs ?? before.ccs,
          subject: p.subject ?? before.subject,
          category: p.category !== undefined ? p.category : before.category,
          assigneeId: p.assigneeId !== undefined ? p.assigneeId : before.assigneeId,
          workaround: p.workaround !== undefined ? p.workaround : before.workaround,
          rcaNote: p.rcaNote !== undefined ? p.rcaNote : before.rcaNote,
          updatedAt: now,
          solvedAt: status === 'solved' ? (before.status === 'solved' ? before.solvedAt : now) : null,
        };
        const events = await this.saveWithAudit(trx, before, after, { kind: 'specialist', id: actor.specialistId });
        if (events.length > 0) raised.alert = await this.incidents.observe(trx, before, after, now);
        if (events.length > 0 && before.status !== 'solved' && after.status === 'solved' && this.handsOff(after)) {
          if (this.ctx.config.accountManagementEmail) solved.handoff = await this.queueAccountManagementMail(trx, after, now, `${actor.specialistId}:${input.clientId}`);
          else {
            // Nobody to tell: the ticket records that the hand-off could not happen, so a lead can follow up.
            const entry: TicketAuditEntry = { ticketId: after.id, at: now, actorKind: 'system', actorId: null, field: 'accountManagement', from: null, to: 'account management not configured' };
            await tickets.insertAudit(trx, [entry]);
            events.push(await appendEvent(trx, 'ticket.audit', entry, now, ticketScope(after)));
          }
        }
        return { result: ok(events.length > 0 ? after : before), events };
      }),
    );
  }

  async comment(actor: AgentActor, input: AgentIn<'ticket:comment'>): Promise<Result<TicketComment>> {
    const now = this.ctx.clock.now();
    const res = await this.commit<TicketComment>((trx) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, now, async () => {
        const t = await tickets.getTicket(trx, input.ticketId);
        if (!t || !canSeeTicket(actor, t)) return { result: err('not_found', 'Ticket not found.'), events: [] };
        const comment: TicketComment = {
          id: randomUUID(),
          ticketId: t.id,
          authorKind: 'specialist',
          authorId: actor.specialistId,
          authorName: actor.displayName,
          body: input.body,
          attachments: [],
          internal: input.internal,
          createdAt: now,
        };
        await tickets.insertComment(trx, comment, null);
        // A public comment is the specialist's reply: mailed to the requester and CCs in this transaction.
        await queueTicketReplyMails(this.ctx, trx, t, comment);
        return { result: ok(comment), events: [await appendEvent(trx, 'ticket.comment', comment, now, ticketScope(t))] };
      }),
    );
    if (res.ok && !res.value.internal) this.ctx.mailOutbox.wake();
    return res;
  }

  async escalate(actor: AgentActor, input: AgentIn<'ticket:escalate'>): Promise<Result<Ticket>> {
    return this.escalateTicket(actor, input);
  }

  private async escalateTicket(actor: AgentActor, input: AgentIn<'ticket:escalate'>): Promise<Result<Ticket>> {
    const now = this.ctx.clock.now();
    return this.commitObserved<Ticket>((trx, raised) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, now, async () => {
        const before = await tickets.getTicket(trx, input.ticketId);
        if (!before || !canSeeTicket(actor, before)) return { result: err('not_found', 'Ticket not found.'), events: [] };
        if (before.status === 'closed') return { result: err('invalid_transition', 'A closed ticket cannot be escalated.'), events: [] };
        const after: Ticket = { ...before, category: input.category, escalation: { category: input.category, note: input.note, by: actor.specialistId, at: now }, updatedAt: now };
        const events = await this.saveWithAudit(trx, before, after, { kind: 'specialist', id: actor.specialistId });
        if (events.length > 0) raised.alert = await this.incidents.observe(trx, before, after, now);
        return { result: ok(after), events };
      }),
    );
  }

  /** EMAIL US: a ticket (idempotent by client id) plus an acknowledgement email telling when to expect a reply. */
  async emailRequest(input: EmailRequest): Promise<Result<EmailRequestReceipt>> {
    const now = this.ctx.clock.now();
    const dept = await getDepartment(this.ctx.db, input.departmentId);
    if (!dept) return err('not_found', 'Unknown department.');
    const { by: expectedReplyBy, text: expectedReplyText } = expectedReply(dept, now);
    const res = await this.commit<{ ticket: Ticket; created: boolean }>(async (trx) => {
      const made = await writeNewCustomerTicket(this.ctx, trx, {
        clientId: input.clientId,
        channel: 'email',
        department: dept,
        email: input.email,
        subject: null,
        body: input.question,
        ccs: [],
        attachments: [],
        context: input.context,
      });
      if (!made.created) return { result: ok({ ticket: made.ticket, created: false }), events: [] };
      // In this transaction: the ticket is never created without its acknowledgement in the mail outbox.
      const withheld = await queueEmailAcknowledgement(this.ctx, trx, { ticket: made.ticket, expectedReplyText, departmentName: dept.name });
      return { result: ok({ ticket: made.ticket, created: true }), events: [...made.events, ...withheld] };
    });
    if (!res.ok) return res;
    if (res.value.created) {
      this.ctx.log.info({ ticketId: res.value.ticket.id }, 'email request received');
      this.ctx.mailOutbox.wake();
    }
    return ok({ ticketId: res.value.ticket.id, expectedReplyBy, expectedReplyText });
  }

  async commentPage(ticketId: number, sig: string): Promise<Result<CommentPage>> {
    const check = verifyCommentLink(this.ctx.secret, ticketId, sig, this.ctx.clock.now());
    if (!check.ok) return check;
    const t = await tickets.getTicket(this.ctx.db, ticketId);
    if (!t) return err('not_found', 'Ticket not found.');
    const [transcript, comments] = await Promise.all([
      t.conversationId ? listMessages(this.ctx.db, t.conversationId, { includeInternal: false }) : Promise.resolve([]),
      tickets.listComments(this.ctx.db, ticketId, { includeInternal: false }),
    ]);
    return ok({ ticketId: t.id, subject: t.subject, status: t.status, statusLabel: ticketStatusLabels[t.status], departmentId: t.departmentId, createdAt: t.createdAt, transcript, comments });
  }

  /** Whether an attachment is shown on the ticket's comment page (public transcript or public comments). */
  async isPublicAttachment(ticketId: number, sig: string, attachmentId: string): Promise<Result<null>> {
    const page = await this.commentPage(ticketId, sig);
    if (!page.ok) return page;
    const shown = [...page.value.transcript, ...page.value.comments].some((x) => x.attachments.some((a) => a.id === attachmentId));
    return shown ? ok(null) : err('not_found', 'Attachment not found.');
  }

  /** A customer's comment: reopens Awaiting-reply/Solved tickets, and on a Closed ticket starts a linked follow-up. */
  async customerComment(ticketId: number, sig: string, input: { body: string; ccs: string[]; attachmentIds?: string[] }): Promise<Result<CustomerCommentReceipt>> {
    const now = this.ctx.clock.now();
    const check = verifyCommentLink(this.ctx.secret, ticketId, sig, now);
    if (!check.ok) return check;
    // Only files uploaded through this ticket's own link; anything else (another ticket's, a chat file) is refused.
    const ids = [...new Set(input.attachmentIds ?? [])];
    const stored = await getAttachments(this.ctx.db, ids);
    const usable = stored.filter((a) => a.ticketId === ticketId && a.conversationId === null && a.attachment.uploadedBy === 'customer');
    if (usable.length !== ids.length) return err('forbidden', 'Only files uploaded through this link can be attached.');
    const files = ids.flatMap((id) => usable.filter((a) => a.attachment.id === id).map((a) => a.attachment));
    return this.commit<CustomerCommentReceipt>(async (trx) => {
      const original = await tickets.getTicket(trx, ticketId);
      if (!original) return { result: err('not_found', 'Ticket not found.'), events: [] };
      const w = await writeCustomerReply(this.ctx, trx, original, { authorName: original.requesterEmail, body: input.body, ccs: input.ccs, attachments: files, channel: 'web' });
      if (!w.comment) return { result: err('bad_request', 'Write a comment.'), events: [] };
      return { result: ok({ ticketId: w.target.id, followUp: w.followUp, status: w.target.status, comment: w.comment }), events: w.events };
    });
  }
}
