// One node on SQLite (the default setup) under faults: killed with SIGKILL twice mid-traffic and started again on
// its data folder, client links cut and delayed, a specialist's console frozen past the ping timeout. Counted from
// the database file and from every client: lost, duplicated, reordered (all 0), no chat ended early, every
// reminder once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, sqliteFile } from '../../src-server/db/connection';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { smtpSink, type SmtpSink } from '../support/smtp-sink';
import { freePort } from '../support/free-port';
import { nodeProcess, type NodeProcess } from './support/node-process';
import { seedWorld } from './support/seed';
import { sqliteReader, type StoreReader } from './support/store-reader';
import { addVisitors, printReport, settle, startSpecialists, writeUnderFaults, type Crew } from './support/traffic';
import { settleMail } from './support/mail-tally';
import { scale } from './support/scale';

const MAIL_FROM = 'Switchboard Faults <support@faults.test>';
/**
 * Longer than any pause in a chat's traffic here (a customer's unanswered send is retried after its 15 s ack
 * timeout), shorter than the run: a node that ended a chat it only thought idle (by its own traffic or its own
 * timers) would be caught; chats that do fall idle after the traffic end as they should.
 */
const IDLE_TIMEOUT_MS = 40_000;
const PING_INTERVAL_MS = 2_000;
const PING_TIMEOUT_MS = 2_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`one node on SQLite under kill -9 (${scale.name})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-faults-sqlite-'));
  const dataDir = join(dir, 'data');
  let sink: SmtpSink;
  let node: NodeProcess;
  let clientLink: FaultProxy;
  let frozenLink: FaultProxy;
  let store: StoreReader;
  let crew: Crew;
  const trafficMs = scale.messagesPerVisitor * scale.writeEveryMs;

  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    sink = await smtpSink();
    const file = sqliteFile(dataDir);
    const seedDb = openSqlite(file);
    const now = Date.now();
    const world = await seedWorld(seedDb.db, 'sqlite', {
      specialists: scale.specialists,
      remindedTickets: scale.remindedTickets,
      remindersFrom: now + 10_000,
      remindersUntil: now + 10_000 + trafficMs,
      reminderGapMs: Math.round(trafficMs / 3),
    });
    await seedDb.close();
    node = nodeProcess('node', await freePort(), {
      DATA_DIR: dataDir,
      WIDGET_DIR: join(dir, 'no-widget'),
      SECRET: 'fault-suite-sqlite-secret-0123456789abcdef',
      SMTP_URL: sink.url,
      MAIL_FROM,
      AUTOMATION_INTERVAL_MS: '1000',
      MAIL_POLL_INTERVAL_MS: '500',
      CHAT_SWEEP_INTERVAL_MS: '1000',
      CHAT_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
      SPECIALIST_GRACE_MS: '4000',
      SOCKET_PING_INTERVAL_MS: String(PING_INTERVAL_MS),
      SOCKET_PING_TIMEOUT_MS: String(PING_TIMEOUT_MS),
      DRAIN_DELAY_MS: '0',
    });
    await node.start();
    store = sqliteReader(file);
    clientLink = await startFaultProxy({ port: node.port });
    frozenLink = await startFaultProxy({ port: node.port });
    const via = (p: FaultProxy) => `http://127.0.0.1:${p.port}`;
    crew = await startSpecialists(world.specialists, (i) => (i === 0 ? via(frozenLink) : i === 1 ? via(clientLink) : node.url), dir);
  }, 120_000);

  afterAll(async () => {
    for (const v of crew?.visitors ?? []) v.dispose();
    for (const s of crew?.specialists ?? []) s.close();
    await node?.stop();
    await Promise.all([clientLink?.close(), frozenLink?.close()]);
    await store?.close();
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('kill -9 twice, cut and delayed links, a frozen console: nothing lost, duplicated or reordered; reminders once', async () => {
    const visitors = await addVisitors(crew, scale.visitors, 'customer', (i) => (i % 3 === 0 ? `http://127.0.0.1:${clientLink.port}` : node.url));
    const started = Date.now();
    const log = (what: string) => console.log(`faults (SQLite): ${((Date.now() - started) / 1000).toFixed(1)} s ${what}`);
    const at = (share: number, t0: number) => sleep(Math.max(0, t0 + share * trafficMs - Date.now()));
    await writeUnderFaults(visitors, scale.messagesPerVisitor, scale.writeEveryMs, async () => {
      const t0 = Date.now();
      await at(0.1, t0);
      clientLink.cut();
      log('client links cut');
      await at(0.2, t0);
      await node.kill9();
      log('node killed (SIGKILL)');
      await sleep(2_000);
      await node.start();
      log('node restarted');
      await at(0.45, t0);
      frozenLink.pause('both');
      log('specialist0 frozen');
      await sleep(PING_INTERVAL_MS + PING_TIMEOUT_MS + 3_000);
      frozenLink.resume('both');
      log('specialist0 thawed');
      clientLink.delay('both', 50, 150);
      await sleep(3_000);
      clientLink.delay('both', 0);
      log('client links delayed 50–200 ms for 3 s');
      await at(0.7, t0);
      await node.kill9();
      log('node killed (SIGKILL)');
      await sleep(2_000);
      await node.start();
      log('node restarted');
    });
    log('writing done');
    const report = await settle(store, crew, visitors, 90_000, IDLE_TIMEOUT_MS);
    printReport(`faults (${scale.name}), one node on SQLite`, report);
    if (report.total.lost + report.total.duplicated + report.total.reordered > 0) console.log(node.output().slice(-5000));
    expect(report.messages).toBeGreaterThanOrEqual(scale.visitors * scale.messagesPerVisitor * 2);
    expect(report.total).toEqual({ lost: 0, duplicated: 0, reordered: 0 });
    expect(report.endedWhileLive).toEqual([]);
    expect(frozenLink.forwarded().toClient).toBeGreaterThan(0);
    // The frozen console was dropped (ping timeout) and came back; the customers behind the cut link reconnected.
    expect(crew.specialists[0]!.drops()).toBeGreaterThan(0);
    expect(visitors.filter((_, i) => i % 3 === 0).every((v) => v.drops() > 0)).toBe(true);
    expect(clientLink.forwarded().toClient).toBeGreaterThan(0);

    const until = Date.now() + 60_000;
    while ((await store.reminderJobs()).open > 0 && Date.now() < until) await sleep(500);
    expect(await store.reminderJobs()).toEqual({ done: 2 * scale.remindedTickets, open: 0 });
    const reminders = await settleMail(store, sink.mails, MAIL_FROM, ['ticket_update'], 60_000);
    console.table(reminders);
    expect(reminders).toEqual([{ kind: 'ticket_update', rows: 2 * scale.remindedTickets, delivered: 2 * scale.remindedTickets, missing: 0, repeated: 0, failedForGood: 0 }]);
  });
});
