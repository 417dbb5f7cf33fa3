// Serves the built customer widget (dist/widget): the SPA at /support and /comment/:ticketId, assets under /widget/, the embed script.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

const NOT_BUILT = 'widget not built: run npm run build';

export async function registerWidgetRoutes(app: FastifyInstance, widgetDir: string): Promise<void> {
  const root = resolve(widgetDir);
  // Checked per request, so building the widget while the server runs needs no restart.
  const serve = (reply: FastifyReply, file: string) =>
    existsSync(resolve(root, file)) ? reply.sendFile(file, root) : reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);

  await app.register(fastifyStatic, { root, prefix: '/widget/', decorateReply: true, allowedPath: () => existsSync(root) });
  app.get('/support', (_req, reply) => serve(reply, 'index.html'));
  app.get('/comment/:ticketId', (_req, reply) => serve(reply, 'index.html'));
  app.get('/widget.js', (_req, reply) => serve(reply, 'embed.js'));
}
