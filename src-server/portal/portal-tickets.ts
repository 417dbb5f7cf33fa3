// My activities: the tickets a signed-in customer asked about or is copied on, each ticket's public view, and their
// comments (with CCs and files) through the same reply rules as every other channel (tickets/ticket-writes.ts).
import { err, ok, type Result } from '../../src-shared/result';
import type { Attachment } from '../../src-shared/attachment';
import type { PortalComment, PortalCommentReceipt, PortalTicketDetail, PortalTicketList, PortalTicketQuery } from '../../src-shared/protocol/portal';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import * as tickets from '../db/tickets';
import * as portal from '../db/portal';
import { listMessages } from '../db/messages';
import { getAttachments } from '../db/attachments';
import { getDepartment, listDepartments } from '../db/departments';
import { writeCustomerReply } from '../tickets/ticket-writes';
import { once } from '../outcome';
import { roleOn, showsAttachment, ticketDetail, ticketSummary } from './portal-view';

export const PORTAL_PAGE_SIZE = 50;

const NOT_FOUND = 'Ticket not found.';

export class PortalTickets {
  constructor(private readonly ctx: ServerContext) {}

  async list(email: string, query: PortalTicketQuery): Promise<Result<PortalTicketList>> {
    const [page, departments] = await Promise.all([
      portal.listTicketsOf(this.ctx.db, email, { statuses: query.status ?? [], beforeId: query.beforeId ?? null, limit: PORTAL_PAGE_SIZE }),
      listDepartments(this.ctx.db),
    ]);
    const names = new Map(departments.map((d) => [d.id, d.name]));
    // The SQL narrows by a LIKE; the exact role decides.
    const rows = page.rows.flatMap((t) => {
      const role = roleOn(t, email);
      return role ? [ticketSummary(t, names.get(t.departmentId) ?? t.departmentId, role)] : [];
    });
    const last = page.rows[page.rows.length - 1];
    return ok({ tickets: rows, nextBeforeId: page.more && last ? last.id : null });
  }

  /** The public view, read with `db` (the caller's transaction when it just wrote); not_found for anyone not on the ticket. */
  private async detailWith(db: Db, email: string, ticketId: number): Promise<Result<PortalTicketDetail>> {
    const t = await tickets.getTicket(db, ticketId);
    const role = t ? roleOn(t, email) : null;
    // Someone else's ticket answers exactly like a missing one: ids are sequential and must not confirm anything.
    if (!t || !role) return err('not_found', NOT_FOUND);
    const [transcript, comments, dept] = await Promise.all([
      t.conversationId ? listMessages(db, t.conversationId, { includeInternal: false }) : Promise.resolve([]),
      tickets.listComments(db, t.id, { includeInternal: false }),
      getDepartment(db, t.departmentId),
    ]);
    return ok(ticketDetail(t, dept?.name ?? t.departmentId, role, { transcript, comments }));
  }

  detail(email: string, ticketId: number): Promise<Result<PortalTicketDetail>> {
    return this.detailWith(this.ctx.db, email, ticketId);
  }

  /** The stored file behind a download: only one the ticket's public view shows. */
  async shownAttachment(email: string, ticketId: number, attachmentId: string): Promise<Result<null>> {
    const detail = await this.detail(email, ticketId);
    if (!detail.ok) return detail;
    return showsAttachment(detail.value, attachmentId) ? ok(null) : err('not_found', 'Attachment not found.');
  }

  /** Whether the caller may upload to this ticket (the route checks before it reads any bytes). */
  async mayUpload(email: string, ticketId: number): Promise<Result<null>> {
    const t = await tickets.getTicket(this.ctx.db, ticketId);
    return t && roleOn(t, email) ? ok(null) : err('not_found', NOT_FOUND);
  }

  /**
   * Reopens an Awaiting-reply or Solved ticket, starts a follow-up on a Closed one, merges CCs. Idempotent by client
   * id: a retry answers the first receipt. Files: only this caller's uploads to this ticket that no comment carries.
   */
  async comment(email: string, ticketId: number, input: PortalComment): Promise<Result<PortalCommentReceipt>> {
    const now = this.ctx.clock.now();
    const out = await this.ctx.writes.run((trx) =>
      once(trx, `portal:${email}:${input.clientId}`, now, async () => {
        const original = await tickets.getTicket(trx, ticketId);
        if (!original || !roleOn(original, email)) return { result: err('not_found', NOT_FOUND), events: [] };
        const files = await this.unsentUploads(trx, email, ticketId, input.attachmentIds);
        if (!files.ok) return { result: files, events: [] };
        const ccs = input.ccs.filter((c) => c !== original.requesterEmail.toLowerCase());
        const hasComment = input.body !== '' || files.value.length > 0;
        if (original.status === 'closed' && !hasComment && ccs.some((c) => !original.ccs.includes(c))) {
          // A Closed ticket never changes; new CCs need a comment, which starts the follow-up they go on.
          return { result: err('conflict', 'This ticket is closed: write a comment to start a follow-up with these CCs.'), events: [] };
        }
        const w = await writeCustomerReply(this.ctx, trx, original, { authorName: email, body: input.body, ccs, attachments: files.value, channel: 'web' });
        const ticket = await this.detailWith(trx, email, w.target.id);
        // A follow-up keeps the requester and the CCs: the caller always sees where their reply landed. Throwing
        // (a bug) rolls the reply back rather than commit it behind an error answer.
        if (!ticket.ok) throw new Error(`portal reply landed on ticket ${w.target.id}, which its author cannot see`);
        return { result: ok({ ticketId: w.target.id, followUp: w.followUp, comment: w.comment, ticket: ticket.value }), events: w.events };
      }),
    );
    this.ctx.broadcaster.publish(out.events);
    return out.result;
  }

  /** Read in the comment's transaction, so two comments racing for one file cannot both carry it. */
  private async unsentUploads(trx: Db, email: string, ticketId: number, ids: readonly string[]): Promise<Result<Attachment[]>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return ok([]);
    const stored = await getAttachments(trx, wanted);
    const mine = stored.filter((a) => a.ticketId === ticketId && a.conversationId === null && a.attachment.uploadedBy === 'customer' && a.portalOwner === email);
    // A file lands on this ticket's comments, or on a follow-up's when the ticket was Closed.
    const used = mine.length === wanted.length ? await portal.attachmentsInComments(trx, [ticketId, ...(await portal.followUpIds(trx, ticketId))], wanted) : new Set<string>();
    if (mine.length !== wanted.length || used.size > 0) return err('forbidden', 'Only files you uploaded to this ticket and have not sent yet can be attached.');
    return ok(wanted.flatMap((id) => mine.filter((a) => a.attachment.id === id).map((a) => a.attachment)));
  }
}
