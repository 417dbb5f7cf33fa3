// The mailed one-click unfollow's token: stateless and signed, so nothing is stored per mail. It names the address
// and what to end — one section or article (a single article mail) or every follow of the address (a digest).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { FollowKind } from '../../src-shared/help-center';

export type UnsubscribeScope = { kind: FollowKind; id: string } | { kind: 'all' };

const payloadSchema = z.object({ e: z.string().min(3).max(320), s: z.string().max(64) });

const scopeString = (scope: UnsubscribeScope): string => (scope.kind === 'all' ? 'all' : `${scope.kind}:${scope.id}`);

function parseScope(s: string): UnsubscribeScope | null {
  if (s === 'all') return { kind: 'all' };
  const m = /^(section|article):([0-9a-f-]{36})$/.exec(s);
  return m?.[1] && m[2] ? { kind: m[1] as FollowKind, id: m[2] } : null;
}

/** Changes with the secret (SECRET / DATA_DIR/secret): rotating it voids the links already mailed, as with status mail. */
function signature(secret: string, email: string, scope: string): Buffer {
  return createHmac('sha256', secret).update(`help-unsubscribe\n${email}\n${scope}`).digest();
}

/** `base64url(JSON {e, s}).base64url(HMAC)`: URL-safe as it stands. */
export function helpUnsubscribeToken(secret: string, email: string, scope: UnsubscribeScope): string {
  const s = scopeString(scope);
  const payload = Buffer.from(JSON.stringify({ e: email, s })).toString('base64url');
  return `${payload}.${signature(secret, email, s).toString('base64url')}`;
}

/** The address and scope of a token this server signed; null for anything else (forged, cut short, another secret). */
export function readHelpUnsubscribeToken(secret: string, token: string): { email: string; scope: UnsubscribeScope } | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  let payload: z.infer<typeof payloadSchema>;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    payload = parsed.data;
  } catch {
    return null;
  }
  const scope = parseScope(payload.s);
  if (!scope) return null;
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = signature(secret, payload.e, payload.s);
  // Constant time over equal lengths; a different length is simply not ours.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { email: payload.e, scope };
}

/** RFC 8058's List-Unsubscribe target: a POST here ends the follow. */
export const helpUnsubscribeUrl = (publicUrl: string, token: string): string => `${publicUrl}/api/help/unsubscribe?token=${token}`;
/** The page a reader lands on from the mail's link: it asks before it POSTs (a link scanner's GET changes nothing). */
export const helpUnsubscribePageUrl = (publicUrl: string, token: string): string => `${publicUrl}/help/unsubscribe?token=${token}`;
