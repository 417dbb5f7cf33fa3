// JSON HTTP endpoints: health, auth, departments, EMAIL US and the signed comment link.
import type { FastifyInstance } from 'fastify';
import { ok, parseWith } from '../../src-shared/result';
import { loginInputSchema, refreshInputSchema, emailRequestSchema, customerCommentSchema, commentLinkParamsSchema, type HealthStatus } from '../../src-shared/protocol/http';
import type { ServerContext } from '../context';
import type { ChatService } from '../chat/chat-service';
import type { TicketService } from '../tickets/ticket-service';
import { login, refresh } from '../auth/account-service';
import { listDepartments } from '../db/departments';
import { sendResult } from './reply';

export const SERVER_VERSION = '0.1.0';

export function registerApiRoutes(app: FastifyInstance, ctx: ServerContext, chat: ChatService, tickets: TicketService, startedAt: number): void {
  app.get('/health', async (): Promise<HealthStatus> => ({
    status: 'ok',
    version: SERVER_VERSION,
    uptimeSeconds: Math.floor((ctx.clock.now() - startedAt) / 1000),
    db: ctx.dialect,
  }));

  // Password guessing: auth/login-guard.ts (backoff per account and address, budgets per address and account).
  app.post('/api/auth/login', async (req, reply) => {
    const input = parseWith(loginInputSchema, req.body, 'login');
    if (!input.ok) return sendResult(reply, input);
    return sendResult(reply, await ctx.budgets.login.attempt({ email: input.value.email, address: req.ip }, () => login(ctx, input.value)));
  });

  app.post('/api/auth/refresh', async (req, reply) => {
    const input = parseWith(refreshInputSchema, req.body, 'refresh');
    return sendResult(reply, input.ok ? await refresh(ctx, input.value.refreshToken) : input);
  });

  app.get('/api/departments', async (_req, reply) => {
    const departments = await listDepartments(ctx.db);
    return sendResult(reply, ok({ departments, availability: chat.currentAvailability() }));
  });

  app.post('/api/email-requests', async (req, reply) => {
    const input = parseWith(emailRequestSchema, req.body, 'email request');
    if (!input.ok) return sendResult(reply, input);
    const budget = await ctx.budgets.strangers.take('email_request', { address: req.ip, target: input.value.email });
    return sendResult(reply, budget.ok ? await tickets.emailRequest(input.value) : budget, 201);
  });

  const commentParams = (req: { params: unknown; query: unknown }) =>
    parseWith(commentLinkParamsSchema, { ...(req.params as object), sig: (req.query as { sig?: unknown } | undefined)?.sig }, 'comment link');

  app.get('/api/comment/:ticketId', async (req, reply) => {
    const p = commentParams(req);
    return sendResult(reply, p.ok ? await tickets.commentPage(p.value.ticketId, p.value.sig) : p);
  });

  app.post('/api/comment/:ticketId', async (req, reply) => {
    const p = commentParams(req);
    if (!p.ok) return sendResult(reply, p);
    const budget = await ctx.budgets.strangers.take('comment', { address: req.ip, target: String(p.value.ticketId) });
    if (!budget.ok) return sendResult(reply, budget);
    const body = parseWith(customerCommentSchema, req.body, 'comment');
    return sendResult(reply, body.ok ? await tickets.customerComment(p.value.ticketId, p.value.sig, body.value) : body, 201);
  });

}
