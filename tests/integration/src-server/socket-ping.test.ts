// SOCKET_PING_INTERVAL_MS / SOCKET_PING_TIMEOUT_MS reach socket.io: clients are told them in the handshake, and a
// client whose link has stopped (it no longer answers pings) is dropped after interval + timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { io } from 'socket.io-client';
import { VISITOR_NAMESPACE } from '../../../src-shared/protocol/visitor';
import { startServer, type TestServer } from '../../support/start-server';

const PING = { interval: 300, timeout: 200 };

describe('socket.io ping settings', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { SOCKET_PING_INTERVAL_MS: String(PING.interval), SOCKET_PING_TIMEOUT_MS: String(PING.timeout) } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('tells a client the configured interval and timeout in the engine.io handshake', async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    const open = JSON.parse((await res.text()).slice(1)) as { pingInterval: number; pingTimeout: number };
    expect(open).toMatchObject({ pingInterval: PING.interval, pingTimeout: PING.timeout });
  });

  it('drops a client that stops answering pings after interval + timeout, and keeps one that answers', async () => {
    const live = io(`${server.url}${VISITOR_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => (live.once('connect', () => resolve()), live.once('connect_error', reject)));

    // A raw engine.io client that hears the pings but never sends a pong back: a link that stopped.
    const startedAt = performance.now();
    const mute = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const heard: string[] = [];
    mute.on('message', (data: Buffer) => heard.push(data.toString()));
    await new Promise<void>((resolve) => mute.once('close', () => resolve()));
    const ms = performance.now() - startedAt;

    expect(heard[0]).toMatch(/^0\{/);
    expect(heard).toContain('2');
    // socket.io's defaults would keep it for 45 s.
    expect(ms).toBeGreaterThanOrEqual(PING.interval + PING.timeout - 50);
    expect(ms).toBeLessThan(3_000);
    // Meanwhile the client that answers has been pinged too and is still there.
    expect(live.connected).toBe(true);
    live.disconnect();
  });
});
