// Portal sign-in: a one-time link through the mail outbox, the session cookie, sign-out, CSRF checks and the link budget.
import { afterEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { portalSessionSchema, type PortalSession, type PortalSignInSent } from '../../../../src-shared/protocol/portal';
import { sha256 } from '../../../../src-server/auth/tokens';
import { startServer, type TestServer } from '../../../support/start-server';
import { waitUntil } from '../../../support/wait-until';
import { lastLinkToken, portalFetch, signIn } from './portal-client';

let server: TestServer;
afterEach(() => server.stop());

const linkRows = () => server.app.ctx.db.selectFrom('portal_sign_in_links').selectAll().execute();
const sessionRows = () => server.app.ctx.db.selectFrom('portal_sessions').selectAll().execute();
const signInMails = () => server.app.ctx.db.selectFrom('mail_outbox').selectAll().where('kind', '=', 'portal_sign_in').execute();

describe('sign-in link', () => {
  it('mails a one-time link (only its hash stored) that opens a session once; a second use is refused', async () => {
    server = await startServer();
    const asked = await portalFetch<PortalSignInSent>(server, 'POST', '/api/portal/sign-in', { body: { email: 'Pat@Example.com', returnTo: '/portal/tickets/7' } });
    expect(asked.status).toBe(202);
    // An address with no tickets gets the same answer: the first link is the sign-up.
    expect(asked.body).toEqual({ ok: true, value: { email: 'pat@example.com', expiresAt: server.clock.now() + 30 * 60_000 } });

    const token = await lastLinkToken(server, 'pat@example.com');
    const [mail] = await signInMails();
    expect(mail).toMatchObject({ idempotency_key: `portal_sign_in:${sha256(token)}`, to_address: 'pat@example.com', ticket_id: null });
    expect(mail?.body).toContain(`${server.config.publicUrl}/portal/sign-in?token=${token}`);
    expect(mail?.body).toContain('works once, within 30 minutes');
    expect(mail?.body).toContain('you can ignore this email');
    const [link] = await linkRows();
    expect(link).toMatchObject({ token_hash: sha256(token), email: 'pat@example.com', return_to: '/portal/tickets/7', used_at: null });
    expect(JSON.stringify(await linkRows())).not.toContain(token);
    // Delivered like every other mail: the embedded transport writes the .eml.
    await waitUntil(async () => (await readdir(join(server.dataDir, 'outbox')).catch(() => [])).length === 1, 'the sign-in mail to be written');

    const first = await portalFetch<PortalSession>(server, 'POST', '/api/portal/session', { body: { token } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ ok: true, value: { email: 'pat@example.com', expiresAt: server.clock.now() + 30 * 24 * 3_600_000, returnTo: '/portal/tickets/7' } });
    expect(portalSessionSchema.parse(first.body.ok && first.body.value)).toEqual(first.body.ok && first.body.value);
    const second = await portalFetch(server, 'POST', '/api/portal/session', { body: { token } });
    expect(second).toMatchObject({ status: 409, body: { ok: false, error: { code: 'conflict' } } });
    expect(second.headers.get('set-cookie')).toBeNull();
    expect(await sessionRows()).toHaveLength(1);
  });

  it('of two uses of one link at the same moment exactly one opens a session', async () => {
    server = await startServer();
    await portalFetch(server, 'POST', '/api/portal/sign-in', { body: { email: 'race@example.com' } });
    const token = await lastLinkToken(server, 'race@example.com');
    const answers = await Promise.all(Array.from({ length: 5 }, () => portalFetch(server, 'POST', '/api/portal/session', { body: { token } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await sessionRows()).toHaveLength(1);
  });

  it('refuses an expired link with 410 and a tampered or unknown token with 401, opening no session', async () => {
    server = await startServer();
    await portalFetch(server, 'POST', '/api/portal/sign-in', { body: { email: 'late@example.com' } });
    const token = await lastLinkToken(server, 'late@example.com');
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await portalFetch(server, 'POST', '/api/portal/session', { body: { token: tampered } })).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorized' } } });
    await server.clock.advance(30 * 60_000);
    expect(await portalFetch(server, 'POST', '/api/portal/session', { body: { token } })).toMatchObject({ status: 410, body: { ok: false, error: { code: 'expired' } } });
    expect(await sessionRows()).toHaveLength(0);
    // Still unused: an expired link is refused, never spent.
    expect((await linkRows())[0]?.used_at).toBeNull();
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, scoped to /api/portal, lasts the session TTL and is not Secure over http', async () => {
    server = await startServer({ env: { PORTAL_SESSION_TTL_MS: String(2 * 3_600_000) } });
    await portalFetch(server, 'POST', '/api/portal/sign-in', { body: { email: 'c@example.com' } });
    const res = await portalFetch(server, 'POST', '/api/portal/session', { body: { token: await lastLinkToken(server, 'c@example.com') } });
    const set = res.headers.get('set-cookie') ?? '';
    const attrs = set.split(';').map((a) => a.trim());
    expect(attrs[0]).toMatch(/^sb_portal=[A-Za-z0-9_-]{43}$/);
    expect(attrs.slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=7200', 'Path=/api/portal', 'SameSite=Lax']);
    // The cookie's token is stored only as its hash.
    const token = attrs[0]?.slice('sb_portal='.length) ?? '';
    expect((await sessionRows()).map((s) => s.token_hash)).toEqual([sha256(token)]);
  });

  it('is Secure when PUBLIC_URL is https', async () => {
    server = await startServer({ env: { PUBLIC_URL: 'https://support.example.com' } });
    await portalFetch(server, 'POST', '/api/portal/sign-in', { body: { email: 's@example.com' } });
    const res = await portalFetch(server, 'POST', '/api/portal/session', { body: { token: await lastLinkToken(server, 's@example.com') } });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
    expect((await signInMails())[0]?.body).toContain('https://support.example.com/portal/sign-in?token=');
  });

  it('GET /api/portal/session answers the signed-in address; sign-out ends the session on the server and clears the cookie', async () => {
    server = await startServer();
    expect(await portalFetch(server, 'GET', '/api/portal/session')).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorized' } } });
    const cookie = await signIn(server, 'me@example.com');
    const me = await portalFetch<PortalSession>(server, 'GET', '/api/portal/session', { cookie });
    expect(me.body).toEqual({ ok: true, value: { email: 'me@example.com', expiresAt: server.clock.now() + 30 * 24 * 3_600_000, returnTo: null } });

    const out = await portalFetch(server, 'DELETE', '/api/portal/session', { cookie });
    expect(out).toMatchObject({ status: 200, body: { ok: true, value: null } });
    expect(out.headers.get('set-cookie')).toBe('sb_portal=; Path=/api/portal; Max-Age=0; HttpOnly; SameSite=Lax');
    expect((await sessionRows())[0]?.ended_at).toBe(server.clock.now());
    // The browser might keep the cookie; the server does not honour it any more, and tells it to drop it.
    const after = await portalFetch(server, 'GET', '/api/portal/tickets', { cookie });
    expect(after).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorized' } } });
    expect(after.headers.get('set-cookie')).toContain('Max-Age=0');
    // Signing out again is harmless.
    expect((await portalFetch(server, 'DELETE', '/api/portal/session', { cookie })).status).toBe(200);
  });

  it('a session stops working when its TTL has passed', async () => {
    server = await startServer({ env: { PORTAL_SESSION_TTL_MS: String(3_600_000) } });
    const cookie = await signIn(server, 'ttl@example.com');
    await server.clock.advance(3_600_000 - 1);
    expect((await portalFetch(server, 'GET', '/api/portal/session', { cookie })).status).toBe(200);
    await server.clock.advance(1);
    expect((await portalFetch(server, 'GET', '/api/portal/session', { cookie })).status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuses another Origin and non-JSON bodies with 403 before anything is stored', async () => {
    server = await startServer();
    const evil = await portalFetch(server, 'POST', '/api/portal/sign-in', { body: { email: 'v@example.com' }, headers: { origin: 'https://evil.example' } });
    expect(evil).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    const form = await fetch(`${server.url}/api/portal/sign-in`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ email: 'v@example.com' }) });
    expect(form.status).toBe(403);
    expect(await linkRows()).toHaveLength(0);
    expect(await signInMails()).toHaveLength(0);

    const cookie = await signIn(server, 'v@example.com');
    // Login CSRF (planting the attacker's session) and forced sign-out are refused alike.
    await portalFetch(server, 'POST', '/api/portal/sign-in', { body: { email: 'v@example.com' } });
    const token = await lastLinkToken(server, 'v@example.com');
    expect((await portalFetch(server, 'POST', '/api/portal/session', { body: { token }, headers: { origin: 'null' } })).status).toBe(403);
    expect((await portalFetch(server, 'DELETE', '/api/portal/session', { cookie, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await portalFetch(server, 'GET', '/api/portal/session', { cookie })).status).toBe(200);
    // A client without an Origin (not a browser) is not a forgery: the JSON body is enough.
    const res = await fetch(`${server.url}/api/portal/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'v@example.com' }) });
    expect(res.status).toBe(202);
  });
});

describe('sign-in budget and input', () => {
  it('bounds the links mailed to one address, whoever asks; other addresses still get theirs', async () => {
    server = await startServer({ env: { RATE_LIMIT_PORTAL_SIGN_IN: 'target=2/1h', TRUST_PROXY: '127.0.0.1' } });
    const ask = (email: string, from: string) => portalFetch(server, 'POST', '/api/portal/sign-in', { body: { email }, headers: { 'x-forwarded-for': from } });
    expect((await ask('victim@example.com', '203.0.113.1')).status).toBe(202);
    expect((await ask('Victim@example.com', '203.0.113.2')).status).toBe(202);
    const refused = await ask('victim@example.com', '203.0.113.3');
    expect(refused).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await ask('other@example.com', '203.0.113.3')).status).toBe(202);
    expect((await signInMails()).map((m) => m.to_address).sort()).toEqual(['other@example.com', 'victim@example.com', 'victim@example.com']);
  });

  it.each([
    ['a missing email', {}],
    ['an address that is not one', { email: 'not-an-address' }],
    ['a returnTo off the portal', { email: 'a@example.com', returnTo: 'https://evil.example/portal' }],
    ['a returnTo climbing out', { email: 'a@example.com', returnTo: '//evil.example' }],
  ])('answers bad_request for %s and mails nothing', async (_what, body) => {
    server = await startServer();
    expect(await portalFetch(server, 'POST', '/api/portal/sign-in', { body })).toMatchObject({ status: 400, body: { ok: false, error: { code: 'bad_request' } } });
    expect(await linkRows()).toHaveLength(0);
    expect(await signInMails()).toHaveLength(0);
  });

  it('answers bad_request for a session body without a token', async () => {
    server = await startServer();
    expect(await portalFetch(server, 'POST', '/api/portal/session', { body: { token: 'short' } })).toMatchObject({ status: 400, body: { ok: false, error: { code: 'bad_request' } } });
    expect(await sessionRows()).toHaveLength(0);
  });
});
