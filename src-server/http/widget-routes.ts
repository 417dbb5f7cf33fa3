// Serves the built customer widget (dist/widget): the SPA at /support, /comment/:ticketId, /portal, /contacts and /status, assets under /widget/, the embed script.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { PageHeaders } from './security-headers';

const NOT_BUILT = 'widget not built: run npm run build';

export async function registerWidgetRoutes(app: FastifyInstance, widgetDir: string, headers: PageHeaders): Promise<void> {
  const root = resolve(widgetDir);
  // Checked per request, so building the widget while the server runs needs no restart.
  const serve = (reply: FastifyReply, file: string, opts: { noStore?: boolean } = {}) =>
    existsSync(resolve(root, file))
      ? opts.noStore
        ? reply.header('cache-control', 'no-store').sendFile(file, root, { cacheControl: false })
        : reply.sendFile(file, root)
      : reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);

  await app.register(fastifyStatic, { root, prefix: '/widget/', decorateReply: true, allowedPath: () => existsSync(root) });
  app.get('/support', { helmet: headers.customerPage }, (_req, reply) => serve(reply, 'index.html'));
  // The page's URL carries the link's signature: no copy of it in any cache.
  app.get('/comment/:ticketId', { helmet: headers.commentPage }, (_req, reply) => serve(reply, 'index.html', { noStore: true }));
  // The customer portal and Contacts: the same SPA; the sign-in page's URL carries a one-time token, so it is never stored.
  app.get('/portal', { helmet: headers.portalPage }, (_req, reply) => serve(reply, 'index.html'));
  app.get('/portal/sign-in', { helmet: headers.portalPage }, (_req, reply) => serve(reply, 'index.html', { noStore: true }));
  app.get('/portal/*', { helmet: headers.portalPage }, (_req, reply) => serve(reply, 'index.html'));
  app.get('/contacts', { helmet: headers.portalPage }, (_req, reply) => serve(reply, 'index.html'));
  // System status (src-server/widget/src/status/): the unsubscribe page's URL carries the mailed token, so never stored.
  app.get('/status', { helmet: headers.portalPage }, (_req, reply) => serve(reply, 'index.html'));
  app.get('/status/unsubscribe', { helmet: headers.portalPage }, (_req, reply) => serve(reply, 'index.html', { noStore: true }));
  // A help center mail's unfollow link (src-server/widget/src/help-unsubscribe/): its URL carries the token, so never stored.
  app.get('/help/unsubscribe', { helmet: headers.portalPage }, (_req, reply) => serve(reply, 'index.html', { noStore: true }));
  app.get('/widget.js', { helmet: headers.embedScript }, (_req, reply) => serve(reply, 'embed.js'));
}
