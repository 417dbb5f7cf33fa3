// Specialist auth: login, refresh-token rotation, and socket handshakes a client can read when refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { AuthTokens } from '../../../src-shared/protocol/http';
import { AGENT_NAMESPACE } from '../../../src-shared/protocol/agent';
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

describe('login rate limit', () => {
  it('slows down password guessing per account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await server.http('POST', '/api/auth/login', { email: 'dana@switchboard.local', password: `guess-${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    await server.clock.advance(60_000);
    expect((await server.http('POST', '/api/auth/login', { email: 'dana@switchboard.local', password: 'demo-password-1' })).status).toBe(200);
  });
});
