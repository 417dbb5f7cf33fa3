// The customer portal over HTTP (/api/portal/*, docs/protocol.md "Customer portal"): sign-in links and the session
// cookie, My activities, Submit a request, Contacts. Bodies and queries are parsed with src-shared/protocol/portal.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { attachmentIdSchema, ticketIdSchema } from '../../src-shared/ids';
import { ok, parseWith, type Result } from '../../src-shared/result';
import type { Attachment } from '../../src-shared/attachment';
import {
  portalCommentSchema,
  portalRequestSchema,
  portalSessionCreateSchema,
  portalSignInRequestSchema,
  portalTicketQuerySchema,
  type DepartmentContact,
  type PortalCommentReceipt,
  type PortalRequestReceipt,
  type PortalSession,
  type PortalSignInSent,
  type PortalTicketDetail,
  type PortalTicketList,
} from '../../src-shared/protocol/portal';
import type { ServerContext } from '../context';
import type { UploadService } from '../uploads/upload-service';
import { listDepartments } from '../db/departments';
import { PortalAuth, type PortalCaller } from '../portal/portal-auth';
import { PortalTickets } from '../portal/portal-tickets';
import { PortalRequests } from '../portal/portal-requests';
import { departmentContacts } from '../portal/portal-contacts';
import { checkPortalRequest, type PortalBody } from '../portal/request-guard';
import { clearedSessionCookie, readCookie, sessionCookie } from '../portal/session-cookie';
import { readUpload, sendDownload } from './upload-routes';
import { sendResult } from './reply';

const ticketParams = z.object({ id: z.coerce.number().pipe(ticketIdSchema) });
const attachmentParams = ticketParams.extend({ attachmentId: attachmentIdSchema });

export function registerPortalRoutes(app: FastifyInstance, ctx: ServerContext, uploads: UploadService): void {
  const auth = new PortalAuth(ctx);
  const activities = new PortalTickets(ctx);
  const requests = new PortalRequests(ctx);
  // Read per request: PUBLIC_URL may be set after start (tests do), and it decides Secure and the allowed Origin.
  const secure = () => ctx.config.publicUrl.startsWith('https:');

  /** Before the body is read: a forged request costs no parsing and changes nothing. */
  const guard =
    (body: PortalBody): onRequestHookHandler =>
    async (req, reply) => {
      const origin = req.headers.origin;
      const checked = checkPortalRequest({ method: req.method, contentType: req.headers['content-type'], origin }, { publicOrigin: new URL(ctx.config.publicUrl).origin, body });
      if (!checked.ok) return sendResult(reply, checked);
    };

  /** The signed-in caller, or the 401 already sent (clearing a cookie whose session is gone). */
  const signedIn = async (req: FastifyRequest, reply: FastifyReply): Promise<PortalCaller | null> => {
    const token = readCookie(req.headers.cookie);
    const caller = await auth.caller(token);
    if (caller.ok) return caller.value;
    if (token) void reply.header('set-cookie', clearedSessionCookie({ secure: secure() }));
    void sendResult(reply, caller);
    return null;
  };

  app.post('/api/portal/sign-in', { onRequest: guard('json') }, async (req, reply) => {
    const input = parseWith(portalSignInRequestSchema, req.body, 'sign-in');
    if (!input.ok) return sendResult(reply, input);
    const budget = await ctx.budgets.strangers.take('portal_sign_in', { address: req.ip, target: input.value.email });
    if (!budget.ok) return sendResult(reply, budget);
    const sent: Result<PortalSignInSent> = await auth.requestLink(input.value);
    return sendResult(reply, sent, 202);
  });

  app.post('/api/portal/session', { onRequest: guard('json') }, async (req, reply) => {
    const input = parseWith(portalSessionCreateSchema, req.body, 'sign-in link');
    if (!input.ok) return sendResult(reply, input);
    const started = await auth.startSession(input.value.token);
    if (!started.ok) return sendResult(reply, started);
    void reply.header('set-cookie', sessionCookie(started.value.token, { maxAgeMs: ctx.config.portal.sessionTtlMs, secure: secure() }));
    const session: Result<PortalSession> = ok(started.value.session);
    return sendResult(reply, session, 201);
  });

  app.get('/api/portal/session', async (req, reply) => {
    const caller = await signedIn(req, reply);
    if (!caller) return reply;
    const session: Result<PortalSession> = ok({ email: caller.email, expiresAt: caller.expiresAt, returnTo: null });
    return sendResult(reply, session);
  });

  // Signing out twice, or without a session, is fine: the answer and the cleared cookie are the same.
  app.delete('/api/portal/session', { onRequest: guard('none') }, async (req, reply) => {
    await auth.endSession(readCookie(req.headers.cookie));
    void reply.header('set-cookie', clearedSessionCookie({ secure: secure() }));
    return sendResult(reply, ok(null));
  });

  app.get('/api/portal/tickets', async (req, reply) => {
    const caller = await signedIn(req, reply);
    if (!caller) return reply;
    const query = parseWith(portalTicketQuerySchema, req.query, 'ticket query');
    const list: Result<PortalTicketList> = query.ok ? await activities.list(caller.email, query.value) : query;
    return sendResult(reply, list);
  });

  app.get('/api/portal/tickets/:id', async (req, reply) => {
    const caller = await signedIn(req, reply);
    if (!caller) return reply;
    const p = parseWith(ticketParams, req.params, 'ticket');
    const detail: Result<PortalTicketDetail> = p.ok ? await activities.detail(caller.email, p.value.id) : p;
    return sendResult(reply, detail);
  });

  app.post('/api/portal/tickets/:id/comments', { onRequest: guard('json') }, async (req, reply) => {
    const caller = await signedIn(req, reply);
    if (!caller) return reply;
    const p = parseWith(ticketParams, req.params, 'ticket');
    if (!p.ok) return sendResult(reply, p);
    const body = parseWith(portalCommentSchema, req.body, 'comment');
    const receipt: Result<PortalCommentReceipt> = body.ok ? await activities.comment(caller.email, p.value.id, body.value) : body;
    return sendResult(reply, receipt, 201);
  });

  app.post('/api/portal/tickets/:id/attachments', { onRequest: guard('multipart') }, async (req, reply) => {
    const caller = await signedIn(req, reply);
    if (!caller) return reply;
    const p = parseWith(ticketParams, req.params, 'ticket');
    if (!p.ok) return sendResult(reply, p);
    const allowed = await activities.mayUpload(caller.email, p.value.id);
    if (!allowed.ok) return sendResult(reply, allowed);
    // Before the body is read: a refused upload costs no bytes.
    const budget = await ctx.budgets.strangers.take('upload', { address: req.ip });
    if (!budget.ok) return sendResult(reply, budget);
    const file = await readUpload(req, ctx.config.maxUploadBytes);
    const stored: Result<Attachment> = file.ok ? await uploads.uploadToTicket(p.value.id, file.value, caller.email) : file;
    return sendResult(reply, stored, 201);
  });

  app.get('/api/portal/tickets/:id/attachments/:attachmentId', async (req, reply) => {
    const caller = await signedIn(req, reply);
    if (!caller) return reply;
    const p = parseWith(attachmentParams, req.params, 'attachment');
    if (!p.ok) return sendResult(reply, p);
    const shown = await activities.shownAttachment(caller.email, p.value.id, p.value.attachmentId);
    if (!shown.ok) return sendResult(reply, shown);
    const found = await uploads.storedFile(p.value.attachmentId);
    if (!found.ok) return sendResult(reply, found);
    await stat(found.value.path);
    return sendDownload(reply, found.value.attachment, found.value.path);
  });

  app.post('/api/portal/uploads', { onRequest: guard('multipart') }, async (req, reply) => {
    const caller = await signedIn(req, reply);
    if (!caller) return reply;
    const budget = await ctx.budgets.strangers.take('upload', { address: req.ip });
    if (!budget.ok) return sendResult(reply, budget);
    const file = await readUpload(req, ctx.config.maxUploadBytes);
    const stored: Result<Attachment> = file.ok ? await uploads.uploadForRequest(caller.email, file.value) : file;
    return sendResult(reply, stored, 201);
  });

  app.post('/api/portal/requests', { onRequest: guard('json') }, async (req, reply) => {
    const caller = await signedIn(req, reply);
    if (!caller) return reply;
    const input = parseWith(portalRequestSchema, req.body, 'request');
    const receipt: Result<PortalRequestReceipt> = input.ok ? await requests.submit(caller.email, input.value) : input;
    return sendResult(reply, receipt, 201);
  });

  app.get('/api/portal/contacts', async (_req, reply) => {
    const contacts: Result<{ departments: DepartmentContact[] }> = ok(departmentContacts(await listDepartments(ctx.db)));
    return sendResult(reply, contacts);
  });
}
