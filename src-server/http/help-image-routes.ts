// Help article images: POST /api/help/images (leads and admins) and GET /help/images/:name.
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { err } from '../../src-shared/result';
import type { ServerContext } from '../context';
import { actorFromToken } from '../auth/account-service';
import { refuseAgents } from '../help/help-article-rules';
import { HelpImages } from '../help/help-images';
import type { PageHeaders } from './security-headers';
import { bearer, sendResult } from './reply';
import { readUpload } from './upload-routes';

/** An image opened on its own is inert: no scripts, no origin (an SVG or HTML could never get here, but in depth). */
export const HELP_IMAGE_CSP = "default-src 'none'; sandbox";
/** Stored names are random and never reused, so a name's bytes never change. */
export const HELP_IMAGE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export function registerHelpImageRoutes(app: FastifyInstance, ctx: ServerContext, _pages: PageHeaders): void {
  const images = new HelpImages(ctx);

  app.post('/api/help/images', async (req, reply) => {
    const actor = await actorFromToken(ctx, bearer(req.headers.authorization));
    if (!actor.ok) return sendResult(reply, actor);
    // Before the body is read: an agent's upload costs no bytes. Specialists have no upload budget (as for chat files).
    const refused = refuseAgents(actor.value);
    if (refused) return sendResult(reply, refused);
    const file = await readUpload(req, ctx.config.maxUploadBytes);
    if (!file.ok) return sendResult(reply, file);
    return sendResult(reply, await images.upload(actor.value, file.value), 201);
  });

  app.get('/help/images/:name', async (req, reply) => {
    const found = await images.find((req.params as { name?: string }).name ?? '');
    if (!found) return sendResult(reply, err('not_found', 'Image not found.'));
    return (
      reply
        .header('Content-Type', found.contentType)
        .header('Content-Length', found.size)
        .header('Content-Disposition', 'inline')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', HELP_IMAGE_CSP)
        .header('Cache-Control', HELP_IMAGE_CACHE_CONTROL)
        // Public, like the articles that show them; the console's editor previews them from its own origin.
        .header('Cross-Origin-Resource-Policy', 'cross-origin')
        .send(createReadStream(found.path))
    );
  });
}
