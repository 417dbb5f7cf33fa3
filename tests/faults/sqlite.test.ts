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
import { delayFor, expectClean, expectRemindersOnce, faultNodeEnv, freezePastPingTimeout, IDLE_TIMEOUT_MS, killAndRestart, planClock } from './support/fault-steps';
import { scale } from './support/scale';


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
      ...faultNodeEnv(sink.url),
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
    const { at, log } = planClock('faults (SQLite)', trafficMs);
    await writeUnderFaults(visitors, scale.messagesPerVisitor, scale.writeEveryMs, async () => {
      await at(0.1);
      clientLink.cut();
      log('client links cut');
      await at(0.2);
      await killAndRestart(node, 2_000, log);
      await at(0.45);
      await freezePastPingTimeout(frozenLink, 'specialist0', log);
      await delayFor(clientLink, 3_000, log);
      await at(0.7);
      await killAndRestart(node, 2_000, log);
    });
    log('writing done');
    const report = await settle(store, crew, visitors, 90_000, IDLE_TIMEOUT_MS);
    printReport(`faults (${scale.name}), one node on SQLite`, report);
    if (report.total.lost + report.total.duplicated + report.total.reordered > 0) console.log(node.output().slice(-5000));
    expectClean(report, scale.visitors * scale.messagesPerVisitor * 2);
    expect(frozenLink.forwarded().toClient).toBeGreaterThan(0);
    // The frozen console was dropped (ping timeout) and came back; the customers behind the cut link reconnected.
    expect(crew.specialists[0]!.drops()).toBeGreaterThan(0);
    expect(visitors.filter((_, i) => i % 3 === 0).every((v) => v.drops() > 0)).toBe(true);
    expect(clientLink.forwarded().toClient).toBeGreaterThan(0);

    await expectRemindersOnce(store, sink.mails, scale.remindedTickets);
  });
});
