// The public status page over HTTP (docs/protocol.md "System status"): the status anyone may read, the signed-in
// portal customer's email subscription, and the mailed one-click unsubscribe (RFC 8058).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ok, parseWith, type Result } from '../../src-shared/result';
import { statusUnsubscribeQuerySchema, type StatusPage, type StatusSubscription } from '../../src-shared/protocol/status';
import type { ServerContext } from '../context';
import { latestNotice } from '../db/events';
import { incidentsForStatus } from '../db/status-subscriptions';
import { updatesOf } from '../db/incident-updates';
import { PortalAuth } from '../portal/portal-auth';
import { portalSignedIn } from '../portal/signed-in';
import { historySince, openIncidentIds, statusPage, STATUS_UPDATES_PER_INCIDENT } from '../status/status-view';
import { StatusSubscriptions } from '../status/status-subscriptions';
import { sendResult } from './reply';

/** Open incidents plus two weeks of history stay far below this; it bounds what one anonymous read can cost. */
const STATUS_INCIDENT_CAP = 200;
/** The same for everyone and fine to be a few seconds old: browsers and proxies may keep it briefly. */
export const STATUS_CACHE_CONTROL = 'public, max-age=15';

/** The status as GET /api/status answers it; the help center's Technical tile shows the same (http/help-routes.ts). */
export async function readStatusPage(ctx: Pick<ServerContext, 'db' | 'clock'>): Promise<StatusPage> {
  const now = ctx.clock.now();
  const [incidents, notice] = await Promise.all([incidentsForStatus(ctx.db, historySince(now), STATUS_INCIDENT_CAP), latestNotice(ctx.db)]);
  const updates = await updatesOf(ctx.db, openIncidentIds(incidents), STATUS_UPDATES_PER_INCIDENT);
  return statusPage(incidents, notice, now, updates);
}

export function registerStatusRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const auth = new PortalAuth(ctx);
  const subscriptions = new StatusSubscriptions(ctx);

  app.get('/api/status', async (req, reply) => {
    // Anyone may ask, and each answer reads the database: the public_read budget bounds what that costs.
    const budget = await ctx.budgets.strangers.take('public_read', { address: req.ip });
    if (!budget.ok) return sendResult(reply, budget);
    const page: Result<StatusPage> = ok(await readStatusPage(ctx));
    void reply.header('cache-control', STATUS_CACHE_CONTROL);
    return sendResult(reply, page);
  });

  // Mail programs post `List-Unsubscribe=One-Click` as a form; the body says nothing the token does not, so it is
  // read as text and ignored. Scoped to this plugin: no other route accepts form bodies.
  void app.register(async (scoped) => {
    scoped.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) => done(null, body));
    scoped.post('/api/status/unsubscribe', async (req, reply) => {
      // No session and no Origin check: mail providers post from their servers; the token is the credential.
      const budget = await ctx.budgets.strangers.take('public_read', { address: req.ip });
      if (!budget.ok) return sendResult(reply, budget);
      const q = parseWith(statusUnsubscribeQuerySchema, req.query, 'unsubscribe link');
      return sendResult(reply, q.ok ? await subscriptions.unsubscribeByToken(q.value.token) : q);
    });
  });

  /** The portal's rules: a state change must come from our own pages (no body here), and a live session. */
  const signed = portalSignedIn(ctx, auth);
  const signedIn = (req: FastifyRequest, reply: FastifyReply, changes: boolean) => signed(req, reply, changes ? 'none' : null);

  const answer = (reply: FastifyReply, s: StatusSubscription) => sendResult(reply, ok(s) as Result<StatusSubscription>);

  app.get('/api/portal/status-subscription', async (req, reply) => {
    const email = await signedIn(req, reply, false);
    return email === null ? reply : answer(reply, await subscriptions.get(email));
  });
  app.put('/api/portal/status-subscription', async (req, reply) => {
    const email = await signedIn(req, reply, true);
    return email === null ? reply : answer(reply, await subscriptions.subscribe(email));
  });
  app.delete('/api/portal/status-subscription', async (req, reply) => {
    const email = await signedIn(req, reply, true);
    return email === null ? reply : answer(reply, await subscriptions.unsubscribe(email));
  });
}
