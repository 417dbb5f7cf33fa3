// Who may open a socket: /agent only from the console (no Origin, app://console, a loopback page); /visitor from the configured widget origins.
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startServer, type TestServer } from '../../support/start-server';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Connects with (or without) an Origin header and resolves with 'connected' or the connect_error's code. */
function outcome(url: string, opts: { origin?: string; token?: string; transport?: 'websocket' | 'polling' } = {}): Promise<{ result: string; data?: unknown }> {
  const socket: Socket = io(url, {
    transports: [opts.transport ?? 'websocket'],
    forceNew: true,
    reconnection: false,
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders: opts.origin ? { origin: opts.origin } : {},
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve({ result: 'connected' });
    });
    socket.once('connect_error', (e: Error & { data?: unknown }) => {
      socket.disconnect();
      resolve({ result: e.message, data: e.data });
    });
  });
}

describe('/agent', () => {
  it('accepts the console (no Origin, app://console, the loopback browser-mode host) and refuses web pages with forbidden', async () => {
    server = await startServer();
    const { tokens } = await server.connectSpecialist();
    const agent = `${server.url}/agent`;
    const token = tokens.accessToken;
    expect(await outcome(agent, { token })).toEqual({ result: 'connected' });
    expect(await outcome(agent, { token, origin: 'app://console' })).toEqual({ result: 'connected' });
    expect(await outcome(agent, { token, origin: 'http://127.0.0.1:51234' })).toEqual({ result: 'connected' });
    expect(await outcome(agent, { token, origin: 'http://localhost:3000' })).toEqual({ result: 'connected' });
    for (const origin of ['https://evil.example', server.url.replace('127.0.0.1', 'evil.example'), 'null', 'app://other', 'http://127.0.0.1.evil.example']) {
      const r = await outcome(agent, { token, origin });
      expect(r).toEqual({ result: 'forbidden', data: { code: 'forbidden', message: expect.any(String) } });
    }
  });

  it('refuses a foreign origin before looking at the token, over long polling too', async () => {
    server = await startServer();
    expect(await outcome(`${server.url}/agent`, { origin: 'https://evil.example', transport: 'polling' })).toMatchObject({ result: 'forbidden' });
    expect(await outcome(`${server.url}/agent`, { transport: 'polling' })).toMatchObject({ result: 'unauthorized' });
  });
});

describe('/visitor', () => {
  it('by default accepts its own origin, PUBLIC_URL and native clients, and refuses other sites', async () => {
    server = await startServer({ env: { PUBLIC_URL: 'https://support.example.com' } });
    const visitor = `${server.url}/visitor`;
    expect(await outcome(visitor)).toEqual({ result: 'connected' });
    expect(await outcome(visitor, { origin: server.url })).toEqual({ result: 'connected' });
    expect(await outcome(visitor, { origin: 'https://support.example.com' })).toEqual({ result: 'connected' });
    expect(await outcome(visitor, { origin: 'https://evil.example' })).toMatchObject({ result: 'forbidden', data: { code: 'forbidden' } });
  });

  it('accepts the origins WIDGET_ORIGINS lists, and any with *', async () => {
    server = await startServer({ env: { WIDGET_ORIGINS: 'https://shop.example.com, https://www.example.com' } });
    const visitor = `${server.url}/visitor`;
    expect(await outcome(visitor, { origin: 'https://shop.example.com' })).toEqual({ result: 'connected' });
    expect(await outcome(visitor, { origin: 'https://evil.example' })).toMatchObject({ result: 'forbidden' });
    await server.stop();
    server = await startServer({ env: { WIDGET_ORIGINS: '*' } });
    expect(await outcome(`${server.url}/visitor`, { origin: 'https://evil.example' })).toEqual({ result: 'connected' });
  });
});
