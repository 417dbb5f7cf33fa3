// What a signed-in portal customer follows in the help center, and the mailed one-click unfollow.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import type { PageHeaders } from './security-headers';

export function registerHelpFollowRoutes(_app: FastifyInstance, _ctx: ServerContext, _pages: PageHeaders): void {
  // being built (issue 16)
}
