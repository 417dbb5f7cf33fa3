// Three nodes behind the real balancer (deploy/haproxy.cfg) on PostgreSQL + Redis, under faults: node kills and
// restarts, cut and delayed client links, a slow and stalling Redis link, a specialist frozen past the ping timeout;
// then Redis stopped, then SMTP down. Customers are the real widget client, specialists the real console core.
// Counted from the database and from every client: lost, duplicated, reordered (all 0), chats ended early (none),
// every reminder and every mail delivered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '../../src-server/db/connection';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../support/postgres';
import { redisUnavailableReason, startRedis } from '../support/redis';
import { haproxyUnavailableReason, startHaproxy } from '../support/haproxy';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { smtpSink, type SmtpSink, type ReceivedMail } from '../support/smtp-sink';
import { freePort } from '../support/free-port';
import { nodeProcess, type NodeProcess } from './support/node-process';
import { seedWorld, type SeededWorld } from './support/seed';
import { postgresReader, type StoreReader } from './support/store-reader';
import { addVisitors, printReport, settle, startSpecialists, writeUnderFaults, type Crew } from './support/traffic';
import { countMail, settleMail } from './support/mail-tally';
import { delayFor, expectClean, expectRemindersOnce, faultNodeEnv, freezePastPingTimeout, IDLE_TIMEOUT_MS, killAndRestart, MAIL_FROM, planClock, sleep } from './support/fault-steps';
import { scale } from './support/scale';

const reason = postgresUnavailableReason() ?? redisUnavailableReason() ?? haproxyUnavailableReason();

describe.skipIf(reason !== null)(`three nodes behind HAProxy under faults (${scale.name})${reason ? ` (skipped: ${reason})` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-faults-'));
  let pg: TestPostgres;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let redisLink: FaultProxy;
  let sink: SmtpSink;
  let smtpPort: number;
  const received: ReceivedMail[] = [];
  let nodes: NodeProcess[] = [];
  let lb: Awaited<ReturnType<typeof startHaproxy>>;
  /** Between some clients and the balancer: cut and delayed. */
  let clientLink: FaultProxy;
  /** Between one specialist's console and the balancer: frozen longer than the ping timeout. */
  let frozenLink: FaultProxy;
  let store: StoreReader;
  let world: SeededWorld;
  let crew: Crew;
  const trafficMs = scale.messagesPerVisitor * scale.writeEveryMs;

  /** A sink on the same port every time (SMTP "coming back"); what it receives is kept across restarts. */
  async function openSink(): Promise<void> {
    sink = await smtpSink({ port: smtpPort });
    const original = sink.mails;
    original.push = (...m: ReceivedMail[]) => {
      received.push(...m);
      return Array.prototype.push.apply(original, m);
    };
  }

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    redisLink = await startFaultProxy({ port: Number(new URL(redis.url).port) });
    smtpPort = await freePort();
    await openSink();
    const seedDb = openPostgres(pg.url);
    const now = Date.now();
    // Reminders fall due while the first round's faults go on (the nodes start within seconds).
    world = await seedWorld(seedDb.db, 'postgres', {
      specialists: scale.specialists,
      remindedTickets: scale.remindedTickets,
      remindersFrom: now + 15_000,
      remindersUntil: now + 15_000 + trafficMs,
      reminderGapMs: Math.round(trafficMs / 3),
    });
    await seedDb.close();
    store = await postgresReader(pg.url);

    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    const env = (redisUrl: string): Record<string, string> => ({
      DATABASE_URL: pg.url,
      REDIS_URL: redisUrl,
      SECRET: 'fault-suite-cluster-secret-0123456789abcdef',
      ...faultNodeEnv(`smtp://127.0.0.1:${smtpPort}`),
    });
    // Node 3 reaches Redis through a fault proxy: its relayed events arrive late and out of order.
    nodes = ports.map((port, i) => nodeProcess(`node${i + 1}`, port, env(i === 2 ? redisLink.through(redis.url) : redis.url)));
    await nodes[0]!.start();
    await Promise.all(nodes.slice(1).map((n) => n.start()));
    lb = await startHaproxy({ nodes: ports.map((port) => ({ host: '127.0.0.1', port })) });
    const lbPort = Number(new URL(lb.url).port);
    clientLink = await startFaultProxy({ port: lbPort });
    frozenLink = await startFaultProxy({ port: lbPort });
    const via = (p: FaultProxy) => `http://127.0.0.1:${p.port}`;
    crew = await startSpecialists(world.specialists, (i) => (i === 0 ? via(frozenLink) : i === 1 ? via(clientLink) : lb.url), dir);
  }, 180_000);

  afterAll(async () => {
    for (const v of crew?.visitors ?? []) v.dispose();
    for (const s of crew?.specialists ?? []) s.close();
    await lb?.stop();
    for (const n of nodes) await n.stop();
    await Promise.all([clientLink?.close(), frozenLink?.close(), redisLink?.close()]);
    await store?.close();
    await sink?.close();
    await redis?.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  const dumpNodes = () => {
    for (const n of nodes) console.log(`----- ${n.name} (last lines)\n${n.output().slice(-3000)}`);
    console.log(`----- haproxy (last lines)\n${lb.output().slice(-3000)}`);
  };

  it('kill -9, cut and delayed links, a slow Redis link and a frozen console: nothing lost, duplicated or reordered', async () => {
    const [node1, node2] = nodes as [NodeProcess, NodeProcess, NodeProcess];
    const lbOrigin = lb.url;
    const visitors = await addVisitors(crew, scale.visitors, 'customer', (i) => (i % 3 === 0 ? `http://127.0.0.1:${clientLink.port}` : lbOrigin));
    const { at, log } = planClock('faults', trafficMs);
    await writeUnderFaults(visitors, scale.messagesPerVisitor, scale.writeEveryMs, async () => {
      redisLink.delay('both', 20, 80);
      log('node3 ↔ Redis: 20–100 ms delay both ways');
      await at(0.1);
      clientLink.cut();
      log('client links cut');
      await at(0.2);
      await killAndRestart(node2, 3_000, log);
      await at(0.4);
      await freezePastPingTimeout(frozenLink, 'specialist0', log);
      await at(0.55);
      await delayFor(clientLink, 3_000, log);
      await at(0.65);
      await killAndRestart(node1, 3_000, log);
      await at(0.8);
      redisLink.pause('both');
      await sleep(2_000);
      redisLink.resume('both');
      log('node3 ↔ Redis stalled for 2 s');
      redisLink.delay('both', 0);
    });
    log('writing done');
    const report = await settle(store, crew, visitors, 90_000, IDLE_TIMEOUT_MS);
    printReport(`faults (${scale.name}), three nodes`, report);
    if (report.total.lost + report.total.duplicated + report.total.reordered > 0) dumpNodes();
    expectClean(report, scale.visitors * scale.messagesPerVisitor * 2);
    // The faults were on the path: the frozen and cut links carried traffic, node3's Redis link too.
    expect(frozenLink.forwarded().toClient).toBeGreaterThan(0);
    // The frozen console was dropped (ping timeout) and came back; the customers behind the cut link reconnected.
    expect(crew.specialists[0]!.drops()).toBeGreaterThan(0);
    expect(visitors.filter((_, i) => i % 3 === 0).every((v) => v.drops() > 0)).toBe(true);
    expect(clientLink.forwarded().toClient).toBeGreaterThan(0);
    expect(redisLink.forwarded().toClient).toBeGreaterThan(0);

    // Every reminder once: each job done, each reminder mail received once.
    await expectRemindersOnce(store, received, scale.remindedTickets);
  });

  it('Redis stopped: every node keeps serving its own sockets and every client catches up when it is back', async () => {
    const visitors = await addVisitors(crew, Math.max(6, scale.visitors / 2), 'during-redis-outage', () => lb.url);
    const started = Date.now();
    await writeUnderFaults(visitors, Math.ceil(scale.redisDownMs / scale.writeEveryMs / 2) + 10, scale.writeEveryMs * 2, async () => {
      await sleep(scale.writeEveryMs * 4);
      await redis.stop();
      console.log(`faults: Redis stopped at ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await sleep(scale.redisDownMs / 2);
      // Still ready (degraded): the balancer keeps every node.
      for (const n of nodes) expect((await fetch(`${n.url}/ready`)).status).toBe(200);
      await sleep(scale.redisDownMs / 2);
      await redis.start();
      console.log(`faults: Redis started again at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
    const report = await settle(store, crew, visitors, 60_000, IDLE_TIMEOUT_MS);
    printReport(`Redis stopped ${scale.redisDownMs / 1000} s`, report);
    if (report.total.lost + report.total.duplicated + report.total.reordered > 0) dumpNodes();
    expectClean(report, 0);
  });

  it('SMTP down: the recaps of every chat ended meanwhile are delivered once when it is back', async () => {
    await sink.close();
    const downAt = Date.now();
    console.log('faults: SMTP listener stopped');
    const ended = (await Promise.all(crew.specialists.map((s) => s.endChats()))).reduce((a, b) => a + b, 0);
    // Customers who write in when nobody can mail them: their acknowledgements wait in the outbox too.
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${lb.url}/api/email-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: randomUUID(), email: `mailer${i}@faults.test`, departmentId: 'faults-a', question: `Written while SMTP is down ${i}` }),
      });
      expect(res.status).toBe(201);
    }
    await sleep(Math.max(0, downAt + scale.smtpDownMs - Date.now()));
    const before = await countMail(store, received, MAIL_FROM, ['chat_recap', 'email_ack']);
    console.log(`faults: SMTP back after ${((Date.now() - downAt) / 1000).toFixed(0)} s; undelivered then: ${before.map((k) => `${k.kind} ${k.missing}`).join(', ')}`);
    await openSink();
    const after = await settleMail(store, received, MAIL_FROM, ['chat_recap', 'email_ack'], 4 * 60_000);
    console.table(after);
    const recaps = after.find((k) => k.kind === 'chat_recap');
    expect(recaps?.rows).toBeGreaterThanOrEqual(ended);
    for (const k of after) expect({ kind: k.kind, missing: k.missing, repeated: k.repeated, failedForGood: k.failedForGood }).toEqual({ kind: k.kind, missing: 0, repeated: 0, failedForGood: 0 });
    expect(after.find((k) => k.kind === 'email_ack')?.rows).toBe(5);
    // The outage was real: some of them had to wait for it.
    expect(before.reduce((n, k) => n + k.missing, 0)).toBeGreaterThan(0);
  });
});
