// Turns a stored inbound mail into what it means — a new email ticket, a customer comment, or an ignored/failed
// record — in one transaction with its outcome, so a crash leaves the mail 'received' (processed again at start)
// and never half-applied.
import { unfoldedHeaders } from './mail-headers';
import { join } from 'node:path';
import { MAX_MESSAGE_CHARS } from '../../src-shared/limits';
import { emailSchema } from '../../src-shared/ids';
import type { InboundMailStatus, InboundMailSummary } from '../../src-shared/inbound-mail';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import type { LoggedEvent } from '../db/events';
import { getInboundMail, messageIdProcessed, recordInboundOutcome, takeInboundMail, unprocessedInboundMail, type InboundMailOutcome } from '../db/inbound-mail';
import { insertAttachment } from '../db/attachments';
import { getDepartment, listDepartments } from '../db/departments';
import { getTicket } from '../db/tickets';
import { writeCustomerReply, writeNewCustomerTicket } from '../tickets/ticket-writes';
import { queueEmailAcknowledgement } from '../email/customer-mail';
import { expectedReply } from '../email/expected-reply';
import { messageIdDomain } from '../email/mail-delivery';
import { sentMessageIds } from '../email/ticket-mail-headers';
import { parseInbound, type ParsedInbound } from './inbound-parse';
import { decideInbound, type InboundDecision } from './inbound-decision';
import { attachmentRows, refusedNote, storeInboundAttachments, type ScreenedAttachments } from './inbound-attachments';
import { baseAddress } from './reply-address';

/** What a mail did inside the transaction; `usedFiles`: its stored attachments are linked (else unlinked); `acknowledge`: a new ticket to acknowledge. */
type Applied = { outcome: Omit<InboundMailOutcome, 'processedAt' | 'messageId' | 'fromAddress' | 'subject'>; events: LoggedEvent[]; usedFiles: boolean; acknowledge: boolean };

/** An outcome that writes nothing but itself (a fresh object per run: a group-commit batch may run a job twice). */
const only = (status: 'ignored' | 'failed', reason: string) => (): Promise<Applied> =>
  Promise.resolve({ outcome: { status, reason, ticketId: null }, events: [], usedFiles: false, acknowledge: false });

/** What a comment holds: the words, a note about dropped files, cut to what a comment may hold (the mail itself stays readable in full). */
export function commentBody(text: string, refused: string): string {
  const full = [text, refused].filter((s) => s !== '').join('\n\n');
  if (full.length <= MAX_MESSAGE_CHARS) return full;
  const note = '\n\n[Cut here: the whole mail is kept with the ticket.]';
  return full.slice(0, MAX_MESSAGE_CHARS - note.length) + note;
}

/** To and Cc addresses that become the ticket's CCs: valid, not the sender, and not one of our own department addresses. */
export function ccsOf(mail: Pick<ParsedInbound, 'recipients' | 'from'>, ourAddresses: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const r of mail.recipients) {
    const parsed = emailSchema.safeParse(r);
    if (!parsed.success || parsed.data === mail.from || ourAddresses.has(baseAddress(parsed.data))) continue;
    out.add(parsed.data);
  }
  return [...out];
}

export class InboundProcessor {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly ctx: ServerContext) {}

  /** Where UploadService keeps files (uploads/upload-service.ts): the download routes serve both alike. */
  private get filesDir(): string {
    return join(this.ctx.config.dataDir, 'files');
  }

  /** The listener's hand-off after the 250: runs in the background, tracked so stop() can wait for it. */
  processInBackground(id: number): void {
    const run = this.process(id, ['received']).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** At start: every mail a previous run accepted but did not finish, oldest first. */
  async processWaiting(): Promise<void> {
    for (const id of await unprocessedInboundMail(this.ctx.db)) await this.process(id, ['received']);
  }

  processWaitingInBackground(): void {
    const run = this.processWaiting()
      .catch((e: unknown) => this.ctx.log.error({ err: e, component: 'inbound' }, 'processing the waiting inbound mail failed'))
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Waits for background processing in progress (shutdown: the write queue must still be open for it). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Processes the mail when its status is one of `from`; resolves with its summary afterwards (null: no such mail).
   * Never throws: an exception is recorded on the row as 'failed' with its message, and the raw mail stays.
   */
  async process(id: number, from: readonly InboundMailStatus[]): Promise<InboundMailSummary | null> {
    const log = this.ctx.log.child({ component: 'inbound', inboundId: id });
    try {
      await this.apply(id, from);
    } catch (e) {
      log.error({ err: e }, 'inbound mail processing failed');
      const reason = `Processing failed: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500);
      await this.ctx.writes
        .run(async (trx) => {
          if (await takeInboundMail(trx, id, from, this.ctx.clock.now())) {
            await recordInboundOutcome(trx, id, { status: 'failed', reason, messageId: null, fromAddress: null, subject: null, ticketId: null, processedAt: this.ctx.clock.now() });
          }
        })
        .catch((e2: unknown) => log.error({ err: e2 }, 'could not record the failure; the mail stays as it was'));
    }
    const mail = await getInboundMail(this.ctx.db, id);
    if (!mail) return null;
    const { raw: _raw, ...summary } = mail;
    return summary;
  }

  private async apply(id: number, from: readonly InboundMailStatus[]): Promise<void> {
    const row = await getInboundMail(this.ctx.db, id);
    if (!row || !from.includes(row.status)) return;
    const parsed = await parseInbound(row.raw);
    if (!parsed.ok) {
      // The admin's list still names the mail by its Subject line, read raw (undecoded) from the header block.
      // NUL dropped as in inbound-parse.ts: PostgreSQL's text columns refuse it.
      const subject = unfoldedHeaders(row.raw).find((h) => h.name.toLowerCase() === 'subject')?.value.replaceAll('\u0000', '').slice(0, 200) ?? null;
      await this.record(id, from, null, only('failed', parsed.error.message), subject);
      return;
    }
    const mail = parsed.value;
    // Only a "[#123]" subject tag needs our sent ids (matchReply); they are read before the transaction, and only grow.
    const tag = /\[#(\d{1,12})\]/.exec(mail.subject);
    const tagged = tag ? Number(tag[1]) : null;
    const sentIds = tagged === null ? [] : (await sentMessageIds(this.ctx, this.ctx.db, tagged)).map((s) => s.messageId);
    const decision = decideInbound(mail, {
      secret: this.ctx.secret,
      ownMessageIdDomain: messageIdDomain(this.ctx.config.mailFrom),
      departmentId: row.departmentId,
      envelopeTo: row.envelopeTo.split(',').map((s) => s.trim()),
      sentIdsForTicket: (ticketId) => (ticketId === tagged ? sentIds : []),
    });
    if (decision.action === 'ignore') {
      await this.record(id, from, mail, only('ignored', decision.reason));
      return;
    }
    if (decision.text === '' && mail.attachments.length === 0) {
      await this.record(id, from, mail, only('failed', 'no text and no attachment'));
      return;
    }
    const files = await storeInboundAttachments(mail.attachments, { filesDir: this.filesDir, maxBytes: this.ctx.config.maxUploadBytes, now: this.ctx.clock.now() });
    try {
      const applied = await this.record(id, from, mail, (trx) => this.write(trx, id, mail, decision, files));
      if (!applied?.usedFiles) await files.unlink();
    } catch (e) {
      await files.unlink();
      throw e;
    }
  }

  /**
   * One transaction: take the mail (still in `from`), apply `effect`, record the outcome. Publishes the events and
   * wakes the outbox after the commit. Resolves null when the mail was no longer in `from` (another pass took it).
   */
  private async record(id: number, from: readonly InboundMailStatus[], mail: ParsedInbound | null, effect: (trx: Db) => Promise<Applied>, rawSubject: string | null = null): Promise<Applied | null> {
    const out = await this.ctx.writes.run(async (trx) => {
      const now = this.ctx.clock.now();
      if (!(await takeInboundMail(trx, id, from, now))) return null;
      const a = await effect(trx);
      await recordInboundOutcome(trx, id, { ...a.outcome, messageId: mail?.messageId ?? null, fromAddress: mail?.from ?? null, subject: mail ? mail.subject : rawSubject, processedAt: now });
      // After the outcome: the acknowledgement threads under the mail it answers (ticket-mail-headers.ts reads it).
      if (a.outcome.status === 'processed' && a.acknowledge && a.outcome.ticketId !== null) a.events.push(...(await this.queueAcknowledgement(trx, a.outcome.ticketId)));
      return a;
    });
    if (out) {
      this.ctx.broadcaster.publish(out.events);
      if (out.acknowledge) this.ctx.mailOutbox.wake();
      this.ctx.log.info({ inboundId: id, status: out.outcome.status, ticketId: out.outcome.ticketId }, 'inbound mail processed');
    }
    return out;
  }

  private async write(trx: Db, id: number, mail: ParsedInbound, decision: Exclude<InboundDecision, { action: 'ignore' }>, files: ScreenedAttachments): Promise<Applied> {
    // A mail system that delivers one message twice (a retry after a lost 250) must not make two tickets.
    if (mail.messageId && (await messageIdProcessed(trx, mail.messageId, id))) {
      return only('ignored', `duplicate: ${mail.messageId} was already processed`)();
    }
    const body = commentBody(decision.text, refusedNote(files.refused));
    const attachments = files.stored.map((s) => s.attachment);
    const original = decision.action === 'comment' ? await getTicket(trx, decision.ticketId) : null;
    if (original) {
      const w = await writeCustomerReply(this.ctx, trx, original, { authorName: mail.from, body, ccs: [], attachments, channel: 'email' });
      for (const r of attachmentRows(files, w.target.id)) await insertAttachment(trx, r);
      const reason = w.followUp ? `follow-up #${w.target.id} of closed ticket #${original.id}` : `comment on ticket #${original.id}`;
      return { outcome: { status: 'processed', reason, ticketId: w.target.id }, events: w.events, usedFiles: true, acknowledge: false };
    }
    const departmentId = decision.action === 'ticket' ? decision.departmentId : (await getInboundMail(trx, id))?.departmentId;
    const dept = departmentId ? await getDepartment(trx, departmentId) : null;
    if (!dept) return only('failed', `department ${departmentId ?? '?'} no longer exists`)();
    const ours = new Set((await listDepartments(trx)).flatMap((d) => (d.email ? [d.email.toLowerCase()] : [])));
    const made = await writeNewCustomerTicket(this.ctx, trx, {
      clientId: null,
      channel: 'email',
      department: dept,
      email: mail.from,
      subject: (decision.action === 'ticket' ? decision.subject : mail.subject.trim() || '(no subject)').slice(0, 200),
      body,
      ccs: ccsOf(mail, ours),
      attachments,
      context: {},
    });
    for (const r of attachmentRows(files, made.ticket.id)) await insertAttachment(trx, r);
    return { outcome: { status: 'processed', reason: `new ticket #${made.ticket.id}`, ticketId: made.ticket.id }, events: made.events, usedFiles: true, acknowledge: true };
  }

  /** The From address is forgeable, so the acknowledgement counts against the unverified hourly cap (customer-mail.ts). */
  private async queueAcknowledgement(trx: Db, ticketId: number): Promise<LoggedEvent[]> {
    const ticket = await getTicket(trx, ticketId);
    const dept = ticket ? await getDepartment(trx, ticket.departmentId) : null;
    if (!ticket || !dept) return [];
    return queueEmailAcknowledgement(this.ctx, trx, { ticket, expectedReplyText: expectedReply(dept, this.ctx.clock.now()).text, departmentName: dept.name });
  }
}
