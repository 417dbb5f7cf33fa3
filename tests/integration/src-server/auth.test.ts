// Specialist auth: login, refresh-token rotation, and socket handshakes a client can read when refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { AuthTokens } from '../../../src-shared/protocol/http';
import { AGENT_NAMESPACE } from '../../../src-shared/protocol/agent';
import type { Result } from '../../../src-shared/result';
import { listLoginFailures } from '../../../src-server/db/login-attempts';
import { startServer, type TestServer } from '../../support/start-server';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ demoPassword: 'demo-password-1' });
});
afterEach(async () => {
  await server.stop();
});

function handshake(token: unknown): Promise<{ message: string; data: unknown } | 'connected'> {
  const socket = io(`${server.url}${AGENT_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
  return new Promise((resolve) => {
    socket.on('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.on('connect_error', (e: Error & { data?: unknown }) => {
      socket.disconnect();
      resolve({ message: e.message, data: e.data });
    });
  });
}

describe('auth', () => {
  it('seeds demo accounts that can log in, and refuses wrong passwords alike for unknown emails', async () => {
    const good = await server.http<AuthTokens>('POST', '/api/auth/login', { email: 'dana@switchboard.local', password: 'demo-password-1' });
    expect(good.status).toBe(200);
    expect(good.body.ok && good.body.value.specialist.displayName).toBe('Dana');
    const wrong = await server.http('POST', '/api/auth/login', { email: 'dana@switchboard.local', password: 'nope' });
    const unknown = await server.http('POST', '/api/auth/login', { email: 'ghost@switchboard.local', password: 'nope' });
    expect(wrong).toEqual(unknown);
    expect(wrong.status).toBe(401);
    const row = await server.app.ctx.db.selectFrom('specialists').select('password_hash').where('email', '=', 'dana@switchboard.local').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('demo-password-1');
  });

  it('rotates refresh tokens: each works once', async () => {
    const tokens = await server.login('admin@switchboard.local', 'demo-password-1');
    const next = await server.http<AuthTokens>('POST', '/api/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(next.status).toBe(200);
    if (!next.body.ok) throw new Error('refresh failed');
    expect(next.body.value.refreshToken).not.toBe(tokens.refreshToken);
    const reused = await server.http('POST', '/api/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(reused.status).toBe(401);
  });

  it('refuses socket handshakes without a valid, unexpired token, with a readable error', async () => {
    expect(await handshake(undefined)).toMatchObject({ message: 'unauthorized', data: { code: 'unauthorized' } });
    expect(await handshake('v1.garbage.sig')).toMatchObject({ data: { code: 'unauthorized' } });
    const tokens = await server.login('dana@switchboard.local', 'demo-password-1');
    expect(await handshake(tokens.accessToken)).toBe('connected');
    await server.clock.advance(server.config.accessTokenTtlMs + 1);
    expect(await handshake(tokens.accessToken)).toMatchObject({ message: 'expired', data: { code: 'expired' } });
  });
});

describe('login throttling', () => {
  let throttled: TestServer;
  afterEach(async () => {
    await throttled.stop();
  });

  /** A server behind a trusted balancer on loopback, so each test can speak from several client addresses. */
  const start = async (env: Record<string, string> = {}) => {
    throttled = await startServer({ demoPassword: 'demo-password-1', env: { TRUST_PROXY: '127.0.0.1', ...env } });
  };
  const attempt = async (from: string, email: string, password: string) => {
    const res = await fetch(`${throttled.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ email, password }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Result<unknown> };
  };
  const DANA = 'dana@switchboard.local';
  const STRANGER = '203.0.113.66';
  const OFFICE = '198.51.100.7';

  it("a stranger's failures slow the stranger down, never the owner signing in from elsewhere", async () => {
    await start();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt(STRANGER, DANA, `guess-${i}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const refused = await attempt(STRANGER, DANA, 'guess-again');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await attempt(OFFICE, DANA, 'demo-password-1')).status).toBe(200);
  });

  it('the backoff doubles after the free failures, and Retry-After says how long', async () => {
    await start({ LOGIN_FREE_FAILURES: '3' });
    for (let i = 0; i < 3; i++) expect((await attempt(STRANGER, DANA, `guess-${i}`)).status).toBe(401);
    expect(await attempt(STRANGER, DANA, 'x')).toMatchObject({ status: 429, retryAfter: '30' });
    await throttled.clock.advance(30_000);
    expect((await attempt(STRANGER, DANA, 'guess-3')).status).toBe(401);
    expect(await attempt(STRANGER, DANA, 'x')).toMatchObject({ status: 429, retryAfter: '60' });
    await throttled.clock.advance(60_000);
    // The right password after the wait works, and a success ends the run.
    expect((await attempt(STRANGER, DANA, 'demo-password-1')).status).toBe(200);
    expect((await attempt(STRANGER, DANA, 'guess-4')).status).toBe(401);
  });

  it('one address guessing across many accounts is refused past its budget; other addresses are not', async () => {
    await start({ RATE_LIMIT_LOGIN: 'ip=5/15m' });
    for (let i = 0; i < 5; i++) expect((await attempt(STRANGER, `user${i}@example.com`, 'password1')).status).toBe(401);
    const refused = await attempt(STRANGER, 'user99@example.com', 'password1');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await attempt(OFFICE, DANA, 'demo-password-1')).status).toBe(200);
  });

  it("past the account's ceiling new addresses must wait, but the owner's usual address still signs in", async () => {
    await start({ RATE_LIMIT_LOGIN: 'account=3/1h' });
    expect((await attempt(OFFICE, DANA, 'demo-password-1')).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await attempt(`203.0.113.${i}`, DANA, 'guess')).status).toBe(401);
    expect((await attempt('203.0.113.50', DANA, 'guess')).status).toBe(429);
    expect((await attempt(OFFICE, DANA, 'demo-password-1')).status).toBe(200);
  });

  it('every failed attempt is in the login audit an admin can read, with account and address', async () => {
    await start();
    await attempt(STRANGER, DANA, 'guess');
    await attempt(STRANGER, 'ghost@example.com', 'guess');
    await attempt(OFFICE, DANA, 'demo-password-1');
    const failures = await listLoginFailures(throttled.app.ctx.db, 0, 10);
    expect(failures.map((f) => [f.email, f.address])).toEqual([
      ['ghost@example.com', STRANGER],
      [DANA, STRANGER],
    ]);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a stranger cannot pose as many addresses', async () => {
    await start({ TRUST_PROXY: 'false', RATE_LIMIT_LOGIN: 'ip=2/15m' });
    expect((await attempt('203.0.113.1', 'a@example.com', 'x')).status).toBe(401);
    expect((await attempt('203.0.113.2', 'b@example.com', 'x')).status).toBe(401);
    expect((await attempt('203.0.113.3', 'c@example.com', 'x')).status).toBe(429);
  });
});
