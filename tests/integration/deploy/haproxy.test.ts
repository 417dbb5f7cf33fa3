// deploy/haproxy.cfg in front of three real server nodes (PostgreSQL + Redis): clients that send no cookie stay on
// one node by their `sb` routing key, the real widget chats through the balancer with long-polling first, and a
// node killed a moment ago (not yet marked down by the checks) costs new connections nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { io } from 'socket.io-client';
import type { Message } from '../../../src-shared/message';
import type { AuthTokens } from '../../../src-shared/protocol/http';
import type { Result } from '../../../src-shared/result';
import { createVisitorClient, type VisitorClient } from '../../../src-server/widget/src/visitor-client';
import { haproxyUnavailableReason, startHaproxy, type TestHaproxy } from '../../support/haproxy';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { redisUnavailableReason, startRedis } from '../../support/redis';
import { startServerProcess, type ServerProcess } from '../../support/server-process';
import { freePort } from '../../support/free-port';
import { callOk, connectAgent, type AgentSocket, type Inbox } from '../../support/socket-clients';
import { waitUntil } from '../../support/wait-until';

const reason = haproxyUnavailableReason() ?? postgresUnavailableReason() ?? redisUnavailableReason();
const DEMO_PASSWORD = 'demo-password-of-the-balancer-test';
const PING = { interval: 10_000, timeout: 5_000 };

/** One raw engine.io long-polling request, as a browser on another site sends it: no cookie unless given. */
async function polling(base: string, q: { sid?: string; sb?: string }, init: { body?: string; cookie?: string } = {}) {
  const params = new URLSearchParams({ EIO: '4', transport: 'polling', ...q });
  const res = await fetch(`${base}/socket.io/?${params}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...(init.cookie ? { cookie: init.cookie } : {}) },
    body: init.body,
  });
  return { status: res.status, text: await res.text(), setCookie: res.headers.get('set-cookie') };
}

async function handshake(base: string, sb?: string) {
  const r = await polling(base, sb ? { sb } : {});
  expect(r.status).toBe(200);
  const open = JSON.parse(r.text.slice(1)) as { sid: string; pingInterval: number; pingTimeout: number };
  return { ...open, setCookie: r.setCookie };
}

/**
 * A whole polling session through `base`: handshake, a POST (connect to the main namespace) and a GET (its answer),
 * each one request the balancer routes on its own. Returns the first request that failed, or null.
 */
async function pollingSession(base: string, opts: { sb?: string; useCookie?: boolean } = {}) {
  const open = await handshake(base, opts.sb);
  const cookie = opts.useCookie ? open.setCookie?.split(';')[0] : undefined;
  const q = { sid: open.sid, ...(opts.sb ? { sb: opts.sb } : {}) };
  const post = await polling(base, q, { body: '40', ...(cookie ? { cookie } : {}) });
  if (post.status !== 200) return { sid: open.sid, failed: post };
  const get = await polling(base, q, cookie ? { cookie } : {});
  if (get.status !== 200 || !get.text.startsWith('40')) return { sid: open.sid, failed: get };
  return { sid: open.sid, failed: null };
}

describe.skipIf(reason !== null)(`deploy/haproxy.cfg in front of three nodes${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let pg: TestPostgres;
  let redis: { url: string; stop(): Promise<void> };
  let dataDir: string;
  let nodes: ServerProcess[] = [];
  let lb: TestHaproxy;

  /** Which node holds an engine.io session: only that one accepts a packet (a pong) for it. */
  async function ownerOf(sid: string): Promise<number> {
    const owners: number[] = [];
    for (const [i, node] of nodes.entries()) {
      if (node.child.exitCode !== null || node.child.signalCode !== null) continue;
      if ((await polling(node.url, { sid }, { body: '3' })).status === 200) owners.push(i);
    }
    expect(owners).toHaveLength(1);
    return owners[0]!;
  }

  async function ownerOfKey(sb: string): Promise<number> {
    const s = await pollingSession(lb.url, { sb });
    expect(s.failed).toBeNull();
    return ownerOf(s.sid);
  }

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-lb-'));
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    const env = {
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      SECRET: 'shared-secret-of-the-cluster-0123456789',
      DATA_DIR: dataDir,
      WIDGET_DIR: join(dataDir, 'no-widget'),
      DEMO_PASSWORD,
      DRAIN_DELAY_MS: '0',
      SOCKET_PING_INTERVAL_MS: String(PING.interval),
      SOCKET_PING_TIMEOUT_MS: String(PING.timeout),
    };
    // The nodes run on the real clock: open Technical around the clock (as an operator would, with the admin CLI)
    // so the chat below does not depend on the hour the suite runs at.
    await promisify(execFile)(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src-server/admin-cli.ts', 'set-hours', '--id', 'technical', '--hours', '1-7 00:00-24:00'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: pg.url, SECRET: env.SECRET, DATA_DIR: dataDir },
    });
    nodes = await Promise.all(ports.map((port) => startServerProcess({ ...env, PORT: String(port) }, 60_000)));
    lb = await startHaproxy({ nodes: ports.map((port) => ({ host: '127.0.0.1', port })) });
  }, 90_000);

  afterAll(async () => {
    await lb?.stop();
    await Promise.all(
      nodes.map(async (n) => {
        if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGTERM');
        await n.exited;
      }),
    );
    await redis?.stop();
    await pg?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('the real widget client (polling first, then WebSocket, no cookies) chats with a specialist through the balancer', async () => {
    const login = await fetch(`${lb.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'dana@switchboard.local', password: DEMO_PASSWORD }),
    });
    const tokens = (await login.json()) as Result<AuthTokens>;
    if (!tokens.ok) throw new Error(tokens.error.message);
    let dana: { socket: AgentSocket; inbox: Inbox } | undefined;
    let widget: VisitorClient | undefined;
    try {
      dana = await connectAgent(lb.url, tokens.value.accessToken);
      const online = await dana.inbox.nextEvent('specialist.updated', (e) => e.payload.status === 'online');

      widget = createVisitorClient(lb.url);
      const w = widget;
      await waitUntil(() => w.store.getState().connection === 'online', 'the widget to come online');
      const requested = await w.requestChat({ email: 'far-away@example.com', departmentId: 'technical', question: 'Does the balancer keep me?', context: {} });
      expect(requested).toEqual({ ok: true, value: null });
      const conversation = w.store.getState().chat!.conversation;
      expect(conversation.specialist?.id).toBe(online.payload.id);

      w.sendMessage('hello through the balancer');
      await dana.inbox.nextEvent('message.created', (e) => e.payload.body === 'hello through the balancer');
      await callOk<Message>(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: conversation.id, body: 'hello back' });
      await waitUntil(() => w.store.getState().chat?.messages.some((m) => m.body === 'hello back') ?? false, 'the reply in the widget');
    } finally {
      widget?.dispose();
      dana?.socket.disconnect();
    }

    // HAProxy's log: every request the widget sent carried its key and went to one node, and none was refused.
    const lines = () => lb.output().split('\n').filter((l) => l.includes('/socket.io/?') && l.includes('sb='));
    const keyOf = (l: string) => /[?&]sb=([^& "]+)/.exec(l)?.[1];
    // A tunnel is logged when it closes.
    await waitUntil(() => lines().some((l) => l.includes('transport=websocket')), 'the WebSocket log line', 5_000);
    const polled = lines().filter((l) => l.includes('transport=polling'));
    const keys = new Set(polled.map(keyOf));
    expect(keys.size).toBe(1);
    const ws = lines().filter((l) => l.includes('transport=websocket') && keyOf(l) === [...keys][0]);
    expect(ws.length).toBeGreaterThanOrEqual(1);
    const mine = [...polled, ...ws];
    expect(new Set(mine.map((l) => /nodes\/node\d/.exec(l)?.[0])).size).toBe(1);
    expect(polled.length).toBeGreaterThanOrEqual(3);
    for (const l of polled) expect(l).toMatch(/ 200 /);
  });

  it('keeps polling sessions without cookies on one node by their sb key, and spreads keys over the nodes', async () => {
    const keys = Array.from({ length: 12 }, () => randomUUID());
    const owners: number[] = [];
    for (const sb of keys) {
      const owner = await ownerOfKey(sb);
      // Two more sessions with the same key, each request routed on its own: same node, no "Session ID unknown".
      for (let i = 0; i < 2; i++) {
        const s = await pollingSession(lb.url, { sb });
        expect(s.failed).toBeNull();
        expect(await ownerOf(s.sid)).toBe(owner);
      }
      owners.push(owner);
    }
    expect(new Set(owners).size).toBeGreaterThan(1);
  });

  it('without sb a cookie-less session can break ("Session ID unknown"); the balancer cookie, sent back, keeps it', async () => {
    // Round robin for requests without a key: a POST lands elsewhere than its handshake most of the time.
    let broken: { status: number; text: string } | null = null;
    for (let i = 0; i < 20 && !broken; i++) broken = (await pollingSession(lb.url)).failed;
    expect(broken).toMatchObject({ status: 400, text: expect.stringContaining('Session ID unknown') });
    // Browsers that do send the cookie back are pinned by it.
    for (let i = 0; i < 6; i++) expect((await pollingSession(lb.url, { useCookie: true })).failed).toBeNull();
  });

  it('hands out the configured ping interval and timeout through the balancer', async () => {
    const open = await handshake(lb.url, randomUUID());
    expect(open).toMatchObject({ pingInterval: PING.interval, pingTimeout: PING.timeout });
  });

  it('after a node is killed, new connections succeed at once (redispatch) and only its keys move', async () => {
    const keys = Array.from({ length: 15 }, () => randomUUID());
    const before = new Map<string, number>();
    for (const sb of keys) before.set(sb, await ownerOfKey(sb));
    const victim = before.get(keys[0]!)!;
    const victimKeys = keys.filter((k) => before.get(k) === victim);

    nodes[victim]!.child.kill('SIGKILL');
    await nodes[victim]!.exited;
    const killedAt = performance.now();

    // The health checks (every 2 s, down after 2 failures) have not noticed yet: the balancer still picks the dead
    // node for its keys, its connect is refused and retried on another node.
    for (const sb of victimKeys) expect(await ownerOfKey(sb)).not.toBe(victim);
    const socket = io(`${lb.url}/visitor`, { query: { sb: victimKeys[0] }, forceNew: true, reconnection: false });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
    } finally {
      socket.disconnect();
    }
    expect(performance.now() - killedAt).toBeLessThan(2_000);
    // HAProxy's log marks a redispatched request with "+" before its retry count: the first requests after the
    // kill did meet the dead node (and were not simply sent elsewhere because it was already marked down).
    await waitUntil(() => lb.output().split('\n').some((l) => l.includes(`sb=${victimKeys[0]}`) && /\/\+\d /.test(l)), 'a redispatched request in the log', 5_000);
    // Consistent hashing: everyone else stays where their sessions are.
    for (const sb of keys.filter((k) => !victimKeys.includes(k))) expect(await ownerOfKey(sb)).toBe(before.get(sb));
  });
});
