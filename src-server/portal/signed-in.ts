// The portal's rule for routes outside portal-routes.ts that act for the signed-in customer (status emails, help
// center follows): a state change must come from our own pages (request-guard.ts), and there must be a live session.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { sendResult } from '../http/reply';
import type { PortalAuth } from './portal-auth';
import { checkPortalRequest, type PortalBody } from './request-guard';
import { clearedSessionCookie, readCookie } from './session-cookie';

/**
 * The caller's address, or null once the refusal is sent. `changes`: the body a state-changing request must carry
 * (checked with its Origin); null for a read.
 */
export type SignedIn = (req: FastifyRequest, reply: FastifyReply, changes: PortalBody | null) => Promise<string | null>;

export function portalSignedIn(ctx: Pick<ServerContext, 'config'>, auth: PortalAuth): SignedIn {
  return async (req, reply, changes) => {
    if (changes !== null) {
      const checked = checkPortalRequest({ method: req.method, contentType: req.headers['content-type'], origin: req.headers.origin }, { publicOrigin: new URL(ctx.config.publicUrl).origin, body: changes });
      if (!checked.ok) {
        void sendResult(reply, checked);
        return null;
      }
    }
    const token = readCookie(req.headers.cookie);
    const caller = await auth.caller(token);
    if (caller.ok) return caller.value.email;
    if (token) void reply.header('set-cookie', clearedSessionCookie({ secure: ctx.config.publicUrl.startsWith('https:') }));
    void sendResult(reply, caller);
    return null;
  };
}
