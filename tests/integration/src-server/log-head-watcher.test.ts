// Changes made by `npm run admin` (a separate process that publishes nothing) reach a running server's consoles and
// customer pages: its log head watcher sends `log:head` for events no node published, and re-derives availability.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Availability, Department } from '../../../src-shared/department';
import type { EventsPage } from '../../../src-shared/events';
import type { LogHead } from '../../../src-shared/protocol/log-head';
import { runAdmin } from '../../../src-server/admin-cli';
import { latestSeq } from '../../../src-server/db/events';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';
import { waitUntil } from '../../support/wait-until';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { redisUnavailableReason, startRedis, type TestRedis } from '../../support/redis';
import { openPostgres } from '../../../src-server/db/connection';
import { appendEvent } from '../../../src-server/db/events';

const WATCH_MS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const finance = (l: Availability[]) => l.find((a) => a.departmentId === 'finance');

describe('log head watcher, one node', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer({ env: { LOG_HEAD_WATCH_MS: String(WATCH_MS) } });
    // The CLI reads its configuration from the environment, like the server: the same data folder.
    vi.stubEnv('DATA_DIR', server.dataDir);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await server.stop();
  });

  it('announces a command-line change to connected consoles and customer pages, which read it; availability follows at once', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    await server.connectSpecialist({ departmentIds: ['finance'] });
    const v = await server.connectVisitor();
    await v.inbox.next<Availability[]>('availability', (l) => finance(l)?.mode === 'chat');

    // What this server publishes itself is never announced.
    await callOk(admin.socket, 'department:update', { clientId: randomUUID(), departmentId: 'technical', patch: { description: 'Streams' } });
    await sleep(WATCH_MS * 4);
    expect(admin.inbox.received.some((r) => r.name === 'log:head')).toBe(false);
    const { cursor } = await callOk<EventsPage>(admin.socket, 'events:since', { since: 0, limit: 5000 });

    // Saturdays only: closed on this Wednesday.
    expect(await runAdmin(['set-hours', '--id', 'finance', '--hours', '6 10:00-11:00'])).toBe(0);
    const head = await latestSeq(server.app.ctx.db);
    expect((await admin.inbox.next<LogHead>('log:head')).seq).toBe(head);
    expect((await v.inbox.next<LogHead>('log:head')).seq).toBe(head);
    const page = await callOk<EventsPage>(admin.socket, 'events:since', { since: cursor });
    const changed = page.events.find((e) => e.type === 'department.updated')?.payload as Department | undefined;
    expect(changed?.schedule.weekly).toEqual([{ day: 6, open: '10:00', close: '11:00' }]);
    expect(page.events.map((e) => e.type)).toContain('admin.audit');
    // Recomputed by the watcher, well before the presence heartbeat (every 5 s) would.
    expect(finance(await v.inbox.next<Availability[]>('availability', (l) => finance(l)?.mode === 'email', 1_500))).toMatchObject({ inHours: false });

    // Once announced, not again.
    await sleep(WATCH_MS * 4);
    expect(admin.inbox.received.filter((r) => r.name === 'log:head')).toHaveLength(1);
  });

  it('closes the sockets of an account the command line deactivated or changed, and only those', async () => {
    const lee = await server.connectSpecialist({ email: 'lee@example.com', displayName: 'Lee' });
    const kim = await server.connectSpecialist({ email: 'kim@example.com', displayName: 'Kim' });
    const bo = await server.connectSpecialist({ email: 'bo@example.com', displayName: 'Bo' });
    expect(await runAdmin(['deactivate-specialist', '--email', 'lee@example.com'])).toBe(0);
    expect(await runAdmin(['update-specialist', '--email', 'kim@example.com', '--role', 'lead'])).toBe(0);
    await waitUntil(() => !lee.socket.connected && !kim.socket.connected, 'Lee’s and Kim’s sockets closed', 3_000);
    expect(bo.socket.connected).toBe(true);
  });
});

// Skipped only where PostgreSQL or Redis is not installed (the reason is printed in the title); .ci/run installs both.
const clusterReason = postgresUnavailableReason() ?? redisUnavailableReason();

describe.skipIf(clusterReason !== null)(`log head watcher, two nodes${clusterReason ? ` (skipped: ${clusterReason})` : ''}`, () => {
  let pg: TestPostgres;
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const env = { SECRET: 'shared-secret-of-the-cluster-0123456789', REDIS_URL: redis.url, LOG_HEAD_WATCH_MS: String(WATCH_MS) };
    a = await startServer({ databaseUrl: pg.url, env });
    b = await startServer({ databaseUrl: pg.url, env });
  }, 90_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    await pg?.stop();
  });

  it('a node announces nothing another node published (it reported it), but announces what nobody published', async () => {
    const admin = await a.connectSpecialist({ role: 'admin' });
    const onB = await b.connectSpecialist({ role: 'lead' });
    await callOk(admin.socket, 'department:update', { clientId: randomUUID(), departmentId: 'technical', patch: { description: 'Streams' } });
    await onB.inbox.nextEvent('department.updated', (e) => e.payload.id === 'technical');
    await sleep(WATCH_MS * 6);
    expect(onB.inbox.received.filter((r) => r.name === 'log:head')).toEqual([]);
    expect(admin.inbox.received.filter((r) => r.name === 'log:head')).toEqual([]);

    // Written by a process with no sockets (as the command line does): each node tells its own sockets.
    const outsider = openPostgres(pg.url);
    const written = await appendEvent(outsider.db, 'notice.updated', { notice: null }, 1, { conversationId: null, departmentId: null, specialistId: null, visitorVisible: true });
    await outsider.close();
    expect((await onB.inbox.next<LogHead>('log:head')).seq).toBe(written.envelope.seq);
    expect((await admin.inbox.next<LogHead>('log:head')).seq).toBe(written.envelope.seq);
  }, 30_000);
});
