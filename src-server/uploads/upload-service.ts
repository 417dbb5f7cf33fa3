// Stores validated uploads under generated names in DATA_DIR/files and links them to drop boxes or conversations.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../src-shared/result';
import type { Attachment } from '../../src-shared/attachment';
import type { DropBox } from '../../src-shared/drop-box';
import type { Message } from '../../src-shared/message';
import type { AgentActor, ServerContext } from '../context';
import * as attachments from '../db/attachments';
import * as conversations from '../db/conversations';
import * as dropBoxes from '../db/drop-boxes';
import { getTicket, ticketExists } from '../db/tickets';
import { canSeeTicket } from '../tickets/ticket-service';
import * as messages from '../db/messages';
import { appendEvent, type LoggedEvent } from '../db/events';
import { canSeeConversation } from '../chat/conversation-scope';
import { cleanFileName, sniffContentType } from './content-type';

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export class UploadService {
  constructor(private readonly ctx: ServerContext) {}

  get filesDir(): string {
    return join(this.ctx.config.dataDir, 'files');
  }

  /** Checks name, size and content; nothing touches the disk before all checks pass. */
  private async validate(file: UploadedFile): Promise<Result<{ fileName: string; contentType: string }>> {
    const fileName = cleanFileName(file.fileName);
    if (!fileName) return err('bad_request', 'The file name is not allowed.');
    if (file.bytes.length > this.ctx.config.maxUploadBytes) return err('too_large', `Files are limited to ${this.ctx.config.maxUploadBytes} bytes.`);
    const contentType = await sniffContentType(file.bytes, fileName);
    if (!contentType) return err('unsupported_type', 'This kind of file is not accepted.');
    return ok({ fileName, contentType });
  }

  private async store(file: UploadedFile, meta: { fileName: string; contentType: string }, uploadedBy: Attachment['uploadedBy']) {
    const storageName = randomUUID();
    await mkdir(this.filesDir, { recursive: true });
    await writeFile(join(this.filesDir, storageName), file.bytes, { flag: 'wx' });
    const attachment: Attachment = {
      id: randomUUID(),
      fileName: meta.fileName,
      size: file.bytes.length,
      contentType: meta.contentType,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      uploadedBy,
      createdAt: this.ctx.clock.now(),
    };
    return { attachment, storageName };
  }

  /** Runs the write; if it fails the stored bytes are removed again so no orphan stays behind. */
  private async commitOrUnlink<T>(storageName: string, job: Parameters<ServerContext['writes']['run']>[0]): Promise<T> {
    try {
      return (await this.ctx.writes.run(job)) as T;
    } catch (e) {
      await rm(join(this.filesDir, storageName), { force: true });
      throw e;
    }
  }

  /** A visitor fills a drop box of their own conversation: the box is fulfilled and a message shows the file to both sides. */
  async uploadToDropBox(conversationId: string, dropBoxId: string, file: UploadedFile): Promise<Result<DropBox>> {
    const box = await dropBoxes.getDropBox(this.ctx.db, dropBoxId);
    if (!box || box.conversationId !== conversationId) return err('not_found', 'Drop box not found.');
    if (box.state !== 'open') return err('conflict', 'This drop box is no longer open.');
    const meta = await this.validate(file);
    if (!meta.ok) return meta;
    const { attachment, storageName } = await this.store(file, meta.value, 'visitor');
    const out = await this.commitOrUnlink<{ result: Result<DropBox>; events: LoggedEvent[] }>(storageName, async (trx) => {
      const current = await dropBoxes.getDropBox(trx, dropBoxId);
      const c = await conversations.getConversation(trx, conversationId);
      if (!current || current.state !== 'open' || !c) return { result: err('conflict', 'This drop box is no longer open.'), events: [] };
      await attachments.insertAttachment(trx, { attachment, conversationId, ticketId: c.ticketId, storageName });
      const now = this.ctx.clock.now();
      const filled: DropBox = { ...current, state: 'fulfilled', attachments: [...current.attachments, attachment] };
      await dropBoxes.fulfilDropBox(trx, dropBoxId, filled.attachments);
      const scope = { conversationId, departmentId: c.departmentId, specialistId: c.specialist?.id ?? null, visitorVisible: true };
      const seq = await conversations.nextMessageSeq(trx, conversationId, now);
      const message: Message = {
        id: randomUUID(),
        clientId: randomUUID(),
        conversationId,
        seq,
        authorKind: 'visitor',
        authorId: null,
        authorName: c.visitorEmail,
        body: `Uploaded ${attachment.fileName}`,
        attachments: [attachment],
        internal: false,
        createdAt: now,
      };
      await messages.insertMessage(trx, message);
      const events = [await appendEvent(trx, 'dropbox.updated', filled, now, scope), await appendEvent(trx, 'message.created', message, now, scope)];
      return { result: ok(filled), events };
    });
    if (!out.result.ok) await rm(join(this.filesDir, storageName), { force: true });
    this.ctx.broadcaster.publish(out.events);
    return out.result;
  }

  /** A specialist attaches a file to a conversation; it shows once they send a message with its id. */
  async uploadToConversation(actor: AgentActor, conversationId: string, file: UploadedFile): Promise<Result<Attachment>> {
    const c = await conversations.getConversation(this.ctx.db, conversationId);
    if (!c || !canSeeConversation(actor, c)) return err('not_found', 'Conversation not found.');
    const meta = await this.validate(file);
    if (!meta.ok) return meta;
    const { attachment, storageName } = await this.store(file, meta.value, 'specialist');
    await this.commitOrUnlink(storageName, (trx) => attachments.insertAttachment(trx, { attachment, conversationId, ticketId: c.ticketId, storageName }));
    return ok(attachment);
  }

  /**
   * A customer attaches a file through a ticket's signed comment link (the caller verified it); it shows once a
   * comment references its id. Conversation-less and tagged `customer`, so a comment can tell such files apart.
   * `portalOwner`: the signed-in portal customer who uploads it (only they may attach it), else null.
   */
  async uploadToTicket(ticketId: number, file: UploadedFile, portalOwner: string | null = null): Promise<Result<Attachment>> {
    if (!(await ticketExists(this.ctx.db, ticketId))) return err('not_found', 'Ticket not found.');
    const meta = await this.validate(file);
    if (!meta.ok) return meta;
    const { attachment, storageName } = await this.store(file, meta.value, 'customer');
    await this.commitOrUnlink(storageName, (trx) => attachments.insertAttachment(trx, { attachment, conversationId: null, ticketId, storageName, portalOwner }));
    return ok(attachment);
  }

  /**
   * A signed-in portal customer's file for a request not yet submitted: no ticket until the request takes it, held
   * by `owner` meanwhile. The unsent-upload sweeper deletes it when no request does (it carries no comment).
   */
  async uploadForRequest(owner: string, file: UploadedFile): Promise<Result<Attachment>> {
    const meta = await this.validate(file);
    if (!meta.ok) return meta;
    const { attachment, storageName } = await this.store(file, meta.value, 'customer');
    await this.commitOrUnlink(storageName, (trx) => attachments.insertAttachment(trx, { attachment, conversationId: null, ticketId: null, storageName, portalOwner: owner }));
    return ok(attachment);
  }

  /** The stored bytes of an attachment the caller already found public on a ticket's comment page. */
  async storedFile(id: string): Promise<Result<{ attachment: Attachment; path: string }>> {
    const stored = await attachments.getAttachment(this.ctx.db, id);
    if (!stored) return err('not_found', 'Attachment not found.');
    return ok({ attachment: stored.attachment, path: join(this.filesDir, stored.storageName) });
  }

  /**
   * Who may download: a specialist who may see the conversation (or the ticket); the visitor of that conversation
   * only once a message they see carries the file (a specialist's upload stays unseen until it is sent, and a file
   * sent only in an internal note stays so).
   */
  async authorizeDownload(id: string, who: { conversationId: string } | { actor: AgentActor }): Promise<Result<{ attachment: Attachment; path: string }>> {
    const stored = await attachments.getAttachment(this.ctx.db, id);
    if (!stored) return err('not_found', 'Attachment not found.');
    if (!stored.conversationId) {
      // A customer's comment-link file: specialists who may see its ticket download it; visitors never.
      if ('conversationId' in who || stored.ticketId === null) return err('not_found', 'Attachment not found.');
      const t = await getTicket(this.ctx.db, stored.ticketId);
      if (!t || !canSeeTicket(who.actor, t)) return err('not_found', 'Attachment not found.');
      return ok({ attachment: stored.attachment, path: join(this.filesDir, stored.storageName) });
    }
    if ('conversationId' in who) {
      if (who.conversationId !== stored.conversationId) return err('not_found', 'Attachment not found.');
      if (!(await messages.isAttachmentSentToVisitor(this.ctx.db, stored.conversationId, id))) return err('not_found', 'Attachment not found.');
    } else {
      const c = await conversations.getConversation(this.ctx.db, stored.conversationId);
      if (!c || !canSeeConversation(who.actor, c)) return err('not_found', 'Attachment not found.');
    }
    return ok({ attachment: stored.attachment, path: join(this.filesDir, stored.storageName) });
  }
}
