// What a signed-in portal customer follows in the help center, and the mailed one-click unfollow (RFC 8058); plus the
// public list of products and sections the Subscriptions screen offers to follow.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ok, parseWith, type Result } from '../../src-shared/result';
import { followDeliveryInputSchema, followParamsSchema, helpUnsubscribeQuerySchema, type FollowSettings, type HelpSectionsAnswer } from '../../src-shared/protocol/help';
import type { ServerContext } from '../context';
import { listHelpProducts } from '../db/help-products';
import { listHelpSections } from '../db/help-sections';
import { FollowService } from '../help/follow-service';
import { PortalAuth } from '../portal/portal-auth';
import { portalSignedIn } from '../portal/signed-in';
import type { PageHeaders } from './security-headers';
import { sendResult } from './reply';

export function registerHelpFollowRoutes(app: FastifyInstance, ctx: ServerContext, _pages: PageHeaders): void {
  const service = new FollowService(ctx);
  const signedIn = portalSignedIn(ctx, new PortalAuth(ctx));
  const answer = (reply: FastifyReply, s: Result<FollowSettings>) => sendResult(reply, s);

  app.get('/api/help/sections', async (_req, reply) => {
    const [products, sections] = await Promise.all([listHelpProducts(ctx.db), listHelpSections(ctx.db)]);
    const value: Result<HelpSectionsAnswer> = ok({ products, sections });
    return sendResult(reply, value);
  });

  app.get('/api/portal/help/follows', async (req, reply) => {
    const email = await signedIn(req, reply, null);
    return email === null ? reply : answer(reply, ok(await service.settings(email)));
  });

  // Following needs the portal sign-in: its mailed link proved the address, so nobody follows for someone else.
  app.put('/api/portal/help/follows/:kind/:id', async (req, reply) => {
    const email = await signedIn(req, reply, 'none');
    if (email === null) return reply;
    const p = parseWith(followParamsSchema, req.params, 'follow');
    return answer(reply, p.ok ? await service.follow(email, p.value.kind, p.value.id) : p);
  });

  app.delete('/api/portal/help/follows/:kind/:id', async (req, reply) => {
    const email = await signedIn(req, reply, 'none');
    if (email === null) return reply;
    const p = parseWith(followParamsSchema, req.params, 'follow');
    return answer(reply, p.ok ? ok(await service.unfollow(email, p.value.kind, p.value.id)) : p);
  });

  app.put('/api/portal/help/delivery', async (req, reply) => {
    const email = await signedIn(req, reply, 'json');
    if (email === null) return reply;
    const input = parseWith(followDeliveryInputSchema, req.body, 'delivery');
    return answer(reply, input.ok ? ok(await service.setDelivery(email, input.value.delivery)) : input);
  });

  // Mail programs post `List-Unsubscribe=One-Click` as a form; the body says nothing the token does not, so it is
  // read as text and ignored. Scoped to this plugin: no other route here accepts form bodies.
  void app.register(async (scoped) => {
    scoped.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => done(null, body));
    scoped.post('/api/help/unsubscribe', async (req, reply) => {
      // No session and no Origin check: mail providers post from their servers; the signed token is the credential.
      const q = parseWith(helpUnsubscribeQuerySchema, req.query, 'unsubscribe link');
      if (!q.ok) return sendResult(reply, q);
      const budget = await ctx.budgets.strangers.take('public_read', { address: req.ip });
      return sendResult(reply, budget.ok ? await service.unsubscribeByToken(q.value.token) : budget);
    });
  });
}
