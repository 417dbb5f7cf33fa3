// The TCP fault proxy against a loopback echo server: straight pipe, delay with jitter (order kept), pause, cut.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';

let echo: Server | null = null;
let proxy: FaultProxy | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy());
  await proxy?.close();
  await new Promise<void>((r) => (echo ? echo.close(() => r()) : r()));
  proxy = null;
  echo = null;
});

async function setup(): Promise<FaultProxy> {
  echo = createServer((s) => s.pipe(s));
  await new Promise<void>((r) => echo!.listen(0, '127.0.0.1', () => r()));
  const address = echo.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  proxy = await startFaultProxy({ port: address.port });
  return proxy;
}

/** A client through the proxy that collects what comes back, with the instant it came. */
async function client(p: FaultProxy) {
  const s = connect({ host: p.host, port: p.port });
  sockets.push(s);
  await new Promise<void>((r) => s.once('connect', () => r()));
  let text = '';
  s.on('data', (d: Buffer) => (text += d.toString()));
  return {
    socket: s,
    text: () => text,
    until: async (expected: string, timeoutMs = 3000) => {
      const started = Date.now();
      while (text !== expected) {
        if (Date.now() - started > timeoutMs) throw new Error(`got ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return Date.now() - started;
    },
  };
}

describe('fault proxy', () => {
  it('forwards both ways untouched by default', async () => {
    const p = await setup();
    const c = await client(p);
    c.socket.write('hello');
    await c.until('hello');
    expect(p.forwarded().toTarget).toBeGreaterThan(0);
    expect(p.forwarded().toClient).toBeGreaterThan(0);
  });

  it('delays one direction, keeping the bytes of a connection in order under jitter', async () => {
    const p = await setup();
    p.delay('toClient', 150, 100);
    const c = await client(p);
    const sent = Array.from({ length: 40 }, (_, i) => `${i};`).join('');
    for (const part of sent.split(';').filter(Boolean)) {
      c.socket.write(`${part};`);
      await new Promise((r) => setTimeout(r, 2));
    }
    const tookMs = await c.until(sent);
    expect(tookMs).toBeGreaterThanOrEqual(100);
  });

  it('holds everything while paused and delivers it on resume', async () => {
    const p = await setup();
    const c = await client(p);
    p.pause('toTarget');
    c.socket.write('held');
    await new Promise((r) => setTimeout(r, 150));
    expect(c.text()).toBe('');
    p.resume('toTarget');
    await c.until('held');
  });

  it('cuts open connections and still accepts new ones', async () => {
    const p = await setup();
    const c = await client(p);
    const closed = new Promise<void>((r) => c.socket.once('close', () => r()));
    p.cut();
    await closed;
    expect(p.connections()).toBe(0);
    const again = await client(p);
    again.socket.write('x');
    await again.until('x');
  });
});
