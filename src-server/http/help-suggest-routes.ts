// Suggestions while a customer types (GET /api/help/suggest) and their outcomes (POST /api/help/suggestion-events).
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import type { PageHeaders } from './security-headers';

export function registerHelpSuggestRoutes(_app: FastifyInstance, _ctx: ServerContext, _pages: PageHeaders): void {
  // being built (issue 16)
}
