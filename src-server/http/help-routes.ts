// The help center's reading pages (/help, products, sections, articles, search) and GET /api/help/search.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import type { PageHeaders } from './security-headers';

export function registerHelpRoutes(_app: FastifyInstance, _ctx: ServerContext, _pages: PageHeaders): void {
  // being built (issue 16)
}
