// Signed access tokens, opaque refresh/visitor tokens (stored hashed) and signed expiring comment links.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { roleSchema, type Role } from '../../src-shared/specialist';
import { err, ok, type Result } from '../../src-shared/result';

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** 32 random bytes, base64url: unguessable bearer secrets for refresh and visitor tokens. */
export const opaqueToken = (): string => randomBytes(32).toString('base64url');

function hmac(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const accessClaimsSchema = z.object({ sub: z.string(), role: roleSchema, exp: z.number() });
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

/** "v1.<base64url claims>.<hmac>": short-lived, checked without a database read. */
export function signAccessToken(secret: string, claims: { sub: string; role: Role }, expiresAt: number): string {
  const body = Buffer.from(JSON.stringify({ ...claims, exp: expiresAt })).toString('base64url');
  return `v1.${body}.${hmac(secret, `v1.${body}`)}`;
}

export function verifyAccessToken(secret: string, token: unknown, now: number): Result<AccessClaims> {
  if (typeof token !== 'string') return err('unauthorized', 'Missing access token.');
  const [v, body, sig] = token.split('.');
  if (v !== 'v1' || !body || !sig || !safeEqual(sig, hmac(secret, `v1.${body}`))) return err('unauthorized', 'Invalid access token.');
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return err('unauthorized', 'Invalid access token.');
  }
  const parsed = accessClaimsSchema.safeParse(claims);
  if (!parsed.success) return err('unauthorized', 'Invalid access token.');
  if (parsed.data.exp <= now) return err('expired', 'Access token expired; refresh it.');
  return ok(parsed.data);
}

/** Comment-link signature "<expiresAt>.<hmac>" over the ticket id and expiry. */
export function signCommentLink(secret: string, ticketId: number, expiresAt: number): string {
  return `${expiresAt}.${hmac(secret, `comment:${ticketId}:${expiresAt}`)}`;
}

export function verifyCommentLink(secret: string, ticketId: number, sig: string, now: number): Result<null> {
  const [exp, mac] = sig.split('.');
  const expiresAt = Number(exp);
  if (!exp || !mac || !Number.isInteger(expiresAt) || !safeEqual(mac, hmac(secret, `comment:${ticketId}:${expiresAt}`))) {
    return err('forbidden', 'This link is not valid.');
  }
  if (expiresAt <= now) return err('expired', 'This link has expired.');
  return ok(null);
}
