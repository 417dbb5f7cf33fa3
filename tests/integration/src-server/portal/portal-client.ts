// A signed-in portal customer for tests: asks for a link, reads it from the mail outbox row, uses it, keeps the cookie.
import { randomUUID } from 'node:crypto';
import type { Result } from '../../../../src-shared/result';
import type { Attachment } from '../../../../src-shared/attachment';
import type { TestServer } from '../../../support/start-server';

export interface PortalAnswer<T> {
  status: number;
  body: Result<T>;
  headers: Headers;
}

/** A JSON request as the portal's own pages send it (same Origin), with the session cookie when given. */
export async function portalFetch<T>(server: TestServer, method: string, path: string, opts: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}): Promise<PortalAnswer<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      origin: new URL(server.config.publicUrl).origin,
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return { status: res.status, body: (await res.json()) as Result<T>, headers: res.headers };
}

/** The token of the newest sign-in link mailed to `email`, read from its mail_outbox row. */
export async function lastLinkToken(server: TestServer, email: string): Promise<string> {
  const row = await server.app.ctx.db.selectFrom('mail_outbox').select('body').where('kind', '=', 'portal_sign_in').where('to_address', '=', email).orderBy('id', 'desc').executeTakeFirst();
  const token = /\/portal\/sign-in\?token=([A-Za-z0-9_-]+)/.exec(row?.body ?? '')?.[1];
  if (!token) throw new Error(`no sign-in link mailed to ${email}`);
  return token;
}

/** `sb_portal=<token>` from a Set-Cookie answer. */
export function cookieOf(headers: Headers): string {
  const set = headers.get('set-cookie') ?? '';
  const pair = set.split(';')[0] ?? '';
  if (!pair.startsWith('sb_portal=') || pair === 'sb_portal=') throw new Error(`no session cookie in "${set}"`);
  return pair;
}

/** Signs `email` in through a mailed link; returns the Cookie header value. */
export async function signIn(server: TestServer, email: string): Promise<string> {
  const asked = await portalFetch(server, 'POST', '/api/portal/sign-in', { body: { email } });
  if (asked.status !== 202) throw new Error(`sign-in answered ${asked.status}`);
  const started = await portalFetch(server, 'POST', '/api/portal/session', { body: { token: await lastLinkToken(server, email) } });
  if (started.status !== 201) throw new Error(`session answered ${started.status}`);
  return cookieOf(started.headers);
}

/** A multipart upload to a portal route, from the portal's own origin. */
export async function portalUpload(server: TestServer, path: string, cookie: string, name: string, bytes: Buffer): Promise<PortalAnswer<Attachment>> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${server.url}${path}`, { method: 'POST', body: form, headers: { cookie, origin: new URL(server.config.publicUrl).origin } });
  return { status: res.status, body: (await res.json()) as Result<Attachment>, headers: res.headers };
}

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

export const newClientId = () => randomUUID();
