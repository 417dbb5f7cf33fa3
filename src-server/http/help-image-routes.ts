// Help article images: POST /api/help/images (leads and admins) and GET /help/images/:name.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import type { PageHeaders } from './security-headers';

export function registerHelpImageRoutes(_app: FastifyInstance, _ctx: ServerContext, _pages: PageHeaders): void {
  // being built (issue 16)
}
