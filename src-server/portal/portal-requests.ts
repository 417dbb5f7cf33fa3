// Submit a request: a signed-in customer's new web ticket, at any hour, with the files they uploaded first and the
// same acknowledgement as EMAIL US (never capped: the address proved itself by signing in).
import { err, ok, type Result } from '../../src-shared/result';
import type { PortalRequest, PortalRequestReceipt } from '../../src-shared/protocol/portal';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import { getDepartment } from '../db/departments';
import { getAttachments } from '../db/attachments';
import * as portal from '../db/portal';
import { writeNewCustomerTicket } from '../tickets/ticket-writes';
import { queueEmailAcknowledgement } from '../email/customer-mail';
import { expectedReply } from '../email/expected-reply';
import { once } from '../outcome';
import type { Attachment } from '../../src-shared/attachment';

const FILES_REFUSED = 'Only files you uploaded for a new request and have not sent yet can be attached.';

export class PortalRequests {
  constructor(private readonly ctx: ServerContext) {}

  async submit(email: string, input: PortalRequest): Promise<Result<PortalRequestReceipt>> {
    const now = this.ctx.clock.now();
    const dept = await getDepartment(this.ctx.db, input.departmentId);
    if (!dept) return err('not_found', 'Unknown department.');
    const created = { mail: false };
    const out = await this.ctx.writes.run((trx) =>
      once(trx, `portal:${email}:${input.clientId}`, now, async () => {
        created.mail = false;
        const files = await this.heldUploads(trx, email, input.attachmentIds);
        if (!files.ok) return { result: files, events: [] };
        const made = await writeNewCustomerTicket(this.ctx, trx, {
          clientId: input.clientId,
          channel: 'web',
          department: dept,
          email,
          subject: input.subject,
          body: input.description,
          ccs: input.ccs,
          attachments: files.value,
          context: input.context,
        });
        // The ticket's client id was someone else's (EMAIL US, another address): never answer with their ticket.
        if (!made.created) return { result: err('conflict', 'This client id was used for another request.'), events: [] };
        if ((await portal.claimRequestUploads(trx, email, files.value.map((f) => f.id), made.ticket.id)) !== files.value.length) {
          throw new Error('portal uploads changed inside the transaction that read them');
        }
        const { by, text } = expectedReply(dept, now);
        // In this transaction: the ticket is never created without its acknowledgement queued.
        await queueEmailAcknowledgement(this.ctx, trx, { ticket: made.ticket, expectedReplyText: text, departmentName: dept.name, verified: true });
        created.mail = true;
        return { result: ok({ ticketId: made.ticket.id, expectedReplyBy: by, expectedReplyText: text }), events: made.events };
      }),
    );
    this.ctx.broadcaster.publish(out.events);
    if (created.mail) {
      this.ctx.log.info({ ticketId: out.result.ok ? out.result.value.ticketId : null }, 'portal request received');
      this.ctx.mailOutbox.wake();
    }
    return out.result;
  }

  /** The caller's own uploads for a request (POST /api/portal/uploads) that no request has taken yet. */
  private async heldUploads(trx: Db, email: string, ids: readonly string[]): Promise<Result<Attachment[]>> {
    const wanted = [...new Set(ids)];
    const stored = await getAttachments(trx, wanted);
    const mine = stored.filter((a) => a.ticketId === null && a.conversationId === null && a.attachment.uploadedBy === 'customer' && a.portalOwner === email);
    if (mine.length !== wanted.length) return err('forbidden', FILES_REFUSED);
    return ok(wanted.flatMap((id) => mine.filter((a) => a.attachment.id === id).map((a) => a.attachment)));
  }
}
