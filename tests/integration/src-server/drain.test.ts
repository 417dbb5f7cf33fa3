// Draining a node (SIGTERM): not ready at once, new connections refused, writes in flight committed, sockets cut so clients reconnect elsewhere.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { VISITOR_NAMESPACE, type VisitorChatState } from '../../../src-shared/protocol/visitor';
import { startServer, type TestServer } from '../../support/start-server';
import { call, callOk } from '../../support/socket-clients';
import { startServerProcess } from '../../support/server-process';

let server: TestServer | undefined;
const clients: Socket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await server?.stop();
  server = undefined;
});

function connectRaw(url: string, reconnection: boolean): Socket {
  const socket = io(`${url}${VISITOR_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection, reconnectionDelay: 50, reconnectionDelayMax: 100 });
  clients.push(socket);
  return socket;
}

describe('drain', () => {
  it('answers 503, refuses new sockets, commits the messages in flight, cuts the sockets and closes within the timeout', async () => {
    server = await startServer({ env: { DRAIN_DELAY_MS: '300', DRAIN_TIMEOUT_MS: '5000' } });
    await server.connectSpecialist();
    const v = await server.connectVisitor();
    await callOk<VisitorChatState>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'd@example.com', departmentId: 'technical', question: 'Draining?' });
    const cut = new Promise<string>((resolve) => v.socket.once('disconnect', resolve));

    // On the wire when the drain starts; nobody waits for their acks.
    for (let i = 0; i < 20; i++) void call(v.socket, 'message:send', { clientId: randomUUID(), body: `in flight ${i}` }).catch(() => undefined);
    const startedAt = performance.now();
    const drained = server.app.drain();

    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, error: { message: 'Not ready: draining.' } });
    const late = connectRaw(server.url, false);
    await expect(new Promise((resolve, reject) => (late.once('connect', () => resolve('connected')), late.once('connect_error', reject)))).rejects.toThrow();

    expect(await drained).toBe('drained');
    const ms = performance.now() - startedAt;
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(5000);
    // "transport close", not "io server disconnect": a socket.io client reconnects by itself after it.
    expect(await cut).toBe('transport close');

    const db = new SQLite(join(server.dataDir, 'switchboard.db'), { readonly: true });
    try {
      expect((db.prepare(`select count(*) as n from messages where body like 'in flight %'`).get() as { n: number }).n).toBe(20);
    } finally {
      db.close();
    }
  });

  it('runs on SIGTERM in the real process: /ready 503 during the delay, clients start reconnecting, exit 0 within the timeout', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-drain-'));
    try {
      const node = await startServerProcess({ DATA_DIR: dataDir, WIDGET_DIR: join(dataDir, 'no-widget'), DRAIN_DELAY_MS: '1000', DRAIN_TIMEOUT_MS: '10000' }, 60_000);
      const client = connectRaw(node.url, true);
      await new Promise<void>((resolve) => client.once('connect', () => resolve()));
      const reconnecting = new Promise<void>((resolve) => client.io.once('reconnect_attempt', () => resolve()));

      const startedAt = performance.now();
      node.child.kill('SIGTERM');
      let status = 0;
      for (let i = 0; i < 50 && status !== 503; i++) {
        status = (await fetch(`${node.url}/ready`)).status;
        if (status !== 503) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(503);
      await reconnecting;
      expect(await node.exited).toBe(0);
      expect(performance.now() - startedAt).toBeLessThan(10_000);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
