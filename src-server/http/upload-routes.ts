// Multipart uploads (drop box by a visitor, conversation attachment by a specialist) and authorised downloads.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { attachmentIdSchema, conversationIdSchema, dropBoxIdSchema } from '../../src-shared/ids';
import { commentLinkParamsSchema } from '../../src-shared/protocol/http';
import type { Attachment } from '../../src-shared/attachment';
import type { TicketService } from '../tickets/ticket-service';
import { verifyCommentLink } from '../auth/tokens';
import { err, parseWith, type Result } from '../../src-shared/result';
import type { ServerContext } from '../context';
import { whenStalled } from './multipart-stall';
import type { ChatService } from '../chat/chat-service';
import type { UploadService, UploadedFile } from '../uploads/upload-service';
import { actorFromToken } from '../auth/account-service';
import { bearer, sendResult } from './reply';
import type {} from '@fastify/multipart';

const STALLED: unique symbol = Symbol('stalled');

/** The one file of a multipart body (portal-routes.ts reads its uploads with it too). */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Result<UploadedFile>> {
  if (!req.isMultipart()) return err('bad_request', 'Send the file as multipart/form-data.');
  let part: MultipartFile | undefined;
  const watch = whenStalled(req.raw);
  try {
    // preservePath: see the name as sent, so a path in it is refused rather than silently cut to its last segment.
    const first = req.file({ limits: { fileSize: maxBytes, files: 1 }, preservePath: true });
    const got = await Promise.race([first, watch.stalled.then((): typeof STALLED => STALLED)]);
    if (got === STALLED) {
      first.catch(() => undefined);
      return err('bad_request', 'Malformed multipart body.');
    }
    part = got;
  } catch {
    return err('bad_request', 'Malformed multipart body.');
  } finally {
    watch.cancel();
  }
  if (!part) return err('bad_request', 'No file in the request.');
  try {
    const bytes = await part.toBuffer();
    return { ok: true, value: { fileName: part.filename, bytes } };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return err('too_large', `Files are limited to ${maxBytes} bytes.`);
    return err('bad_request', 'The upload could not be read.');
  }
}

/** The API's CSP plus `sandbox`: a file opened as a page anyway (a browser ignoring the disposition) gets no origin, runs nothing. */
const FILE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/**
 * Streams a stored file as a download that browsers never render inline as a page. The sniffed Content-Type with
 * nosniff is what lets the support pages show an image attachment in an <img> (thumbnails): a navigation still
 * downloads it, and only the allow-listed raster types are ever treated as images.
 */
export function sendDownload(reply: FastifyReply, attachment: Attachment, path: string): FastifyReply {
  return reply
    .header('Content-Type', attachment.contentType)
    .header('Content-Length', attachment.size)
    .header('Content-Disposition', `attachment; filename="${attachment.fileName.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', FILE_CSP)
    .header('Cache-Control', 'private, no-store')
    .send(createReadStream(path));
}

export function registerUploadRoutes(app: FastifyInstance, ctx: ServerContext, chat: ChatService, uploads: UploadService, tickets: TicketService): void {
  const commentParams = (req: FastifyRequest) =>
    parseWith(commentLinkParamsSchema, { ...(req.params as object), sig: (req.query as { sig?: unknown } | undefined)?.sig }, 'comment link');

  // Customer comment page: files go up first (same checks as drop boxes) and are referenced by the comment.
  app.post('/api/comment/:ticketId/attachments', async (req, reply) => {
    const p = commentParams(req);
    if (!p.ok) return sendResult(reply, p);
    const link = verifyCommentLink(ctx.secret, p.value.ticketId, p.value.sig, ctx.clock.now());
    if (!link.ok) return sendResult(reply, link);
    // Before the body is read: a refused upload costs no bytes.
    const budget = await ctx.budgets.strangers.take('upload', { address: req.ip });
    if (!budget.ok) return sendResult(reply, budget);
    const file = await readUpload(req, ctx.config.maxUploadBytes);
    if (!file.ok) return sendResult(reply, file);
    return sendResult(reply, await uploads.uploadToTicket(p.value.ticketId, file.value), 201);
  });

  app.get('/api/comment/:ticketId/attachments/:attachmentId', async (req, reply) => {
    const p = commentParams(req);
    if (!p.ok) return sendResult(reply, p);
    const id = parseWith(attachmentIdSchema, (req.params as { attachmentId?: string }).attachmentId, 'attachment id');
    if (!id.ok) return sendResult(reply, id);
    const shown = await tickets.isPublicAttachment(p.value.ticketId, p.value.sig, id.value);
    if (!shown.ok) return sendResult(reply, shown);
    const found = await uploads.storedFile(id.value);
    if (!found.ok) return sendResult(reply, found);
    await stat(found.value.path);
    return sendDownload(reply, found.value.attachment, found.value.path);
  });

  app.post('/api/uploads/dropbox/:dropBoxId', async (req, reply) => {
    const id = parseWith(dropBoxIdSchema, (req.params as { dropBoxId?: string }).dropBoxId, 'dropBoxId');
    if (!id.ok) return sendResult(reply, id);
    const token = bearer(req.headers.authorization);
    const conversation = token ? await chat.conversationForToken(token) : null;
    if (!conversation) return sendResult(reply, err('unauthorized', 'A visitor token is required.'));
    const budget = await ctx.budgets.strangers.take('upload', { address: req.ip });
    if (!budget.ok) return sendResult(reply, budget);
    const file = await readUpload(req, ctx.config.maxUploadBytes);
    if (!file.ok) return sendResult(reply, file);
    return sendResult(reply, await uploads.uploadToDropBox(conversation.id, id.value, file.value), 201);
  });

  app.post('/api/uploads/conversation/:conversationId', async (req, reply) => {
    const id = parseWith(conversationIdSchema, (req.params as { conversationId?: string }).conversationId, 'conversationId');
    if (!id.ok) return sendResult(reply, id);
    const actor = await actorFromToken(ctx, bearer(req.headers.authorization));
    if (!actor.ok) return sendResult(reply, actor);
    const file = await readUpload(req, ctx.config.maxUploadBytes);
    if (!file.ok) return sendResult(reply, file);
    return sendResult(reply, await uploads.uploadToConversation(actor.value, id.value, file.value), 201);
  });

  app.get('/api/attachments/:id', async (req, reply) => {
    const id = parseWith(attachmentIdSchema, (req.params as { id?: string }).id, 'attachment id');
    if (!id.ok) return sendResult(reply, id);
    const token = bearer(req.headers.authorization);
    if (!token) return sendResult(reply, err('unauthorized', 'A token is required.'));
    // Agent access tokens have a recognisable "v1." prefix; anything else is tried as a visitor token.
    let found;
    if (token.startsWith('v1.')) {
      const actor = await actorFromToken(ctx, token);
      if (!actor.ok) return sendResult(reply, actor);
      found = await uploads.authorizeDownload(id.value, { actor: actor.value });
    } else {
      const conversation = await chat.conversationForToken(token);
      if (!conversation) return sendResult(reply, err('unauthorized', 'Unknown token.'));
      found = await uploads.authorizeDownload(id.value, { conversationId: conversation.id });
    }
    if (!found.ok) return sendResult(reply, found);
    const { attachment, path } = found.value;
    await stat(path);
    return sendDownload(reply, attachment, path);
  });
}
