// Incident detection on two server nodes sharing one database: reports of one category and event split over both
// nodes are counted together, and the alert is raised once, by whichever node's transaction crossed the threshold.
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { IncidentAlert } from '../../../src-shared/protocol/agent';
import type { IssueCategory } from '../../../src-shared/issue-category';
import { startServer, type TestServer } from '../../support/start-server';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { callOk } from '../../support/socket-clients';
import { waitUntil } from '../../support/wait-until';

const MIN = 60_000;
const ENV = { SECRET: 'shared-secret-of-the-cluster-0123456789', INCIDENT_THRESHOLD: '3', INCIDENT_WINDOW_MS: String(10 * MIN), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' };

let nodes: TestServer[] = [];
let pg: TestPostgres | null = null;
afterEach(async () => {
  for (const n of nodes) await n.stop();
  nodes = [];
  await pg?.stop();
  pg = null;
});

type Node = { server: TestServer; agent: Awaited<ReturnType<TestServer['connectSpecialist']>>; lead: Awaited<ReturnType<TestServer['connectSpecialist']>> };

/** Both nodes' fake clocks move together, as real clocks agree within milliseconds. */
async function advanceBoth(ms: number): Promise<void> {
  await Promise.all(nodes.map((n) => n.clock.advance(ms)));
}

async function newTicket(node: TestServer): Promise<number> {
  const res = await node.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: `${randomUUID().slice(0, 8)}@example.com`, departmentId: 'technical', question: 'Black screen', context: { eid: 'ev-7' } });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

/**
 * Categorises a ticket through `via`, then waits until that node's lead has the ticket's update: without a Redis
 * adapter each node reaches only its own sockets, and an alert raised by this change is emitted right behind it.
 */
async function categorise(via: Node, ticketId: number, category: IssueCategory): Promise<void> {
  await callOk(via.agent.socket, 'ticket:update', { clientId: randomUUID(), ticketId, patch: { category } });
  await via.lead.inbox.nextEvent('ticket.updated', (e) => e.payload.id === ticketId && e.payload.category === category && e.payload.updatedAt === via.server.clock.now());
  await new Promise((r) => setTimeout(r, 50));
}

async function runBurstsOverTwoNodes(): Promise<void> {
  const [sa, sb] = nodes;
  if (!sa || !sb) throw new Error('two nodes expected');
  const a: Node = { server: sa, agent: await sa.connectSpecialist(), lead: await sa.connectSpecialist({ role: 'lead' }) };
  const b: Node = { server: sb, agent: await sb.connectSpecialist(), lead: await sb.connectSpecialist({ role: 'lead' }) };
  const alerts = () => [a, b].flatMap((n) => n.lead.inbox.received.filter((r) => r.name === 'incident:alert').map((r) => r.payload as IncidentAlert));
  const t = [];
  for (let i = 0; i < 6; i++) t.push(await newTicket(i % 2 === 0 ? sa : sb));
  const [t1, t2, t3, t4, t5, t6] = t as [number, number, number, number, number, number];

  await categorise(a, t1, 'streaming');
  await advanceBoth(MIN);
  await categorise(b, t2, 'streaming');
  // A ticket re-categorised away and back is still one report: two in the window, not three.
  await advanceBoth(MIN / 2);
  await categorise(b, t1, 'platform_access');
  await categorise(b, t1, 'streaming');
  expect(alerts()).toEqual([]);

  await advanceBoth(MIN / 2);
  await categorise(a, t3, 'streaming');
  await waitUntil(() => alerts().length > 0, 'the first alert');
  const start = sa.clock.now() - 2 * MIN;
  // Raised by node a's transaction, so only a's lead hears it here; b's lead would with the Redis adapter.
  expect(a.lead.inbox.received.filter((r) => r.name === 'incident:alert')).toHaveLength(1);
  expect(alerts()).toEqual([{ category: 'streaming', eid: 'ev-7', count: 3, firstAt: start, lastAt: start + 2 * MIN, ticketIds: [t1, t2, t3] }]);
  expect(a.agent.inbox.received.some((r) => r.name === 'incident:alert')).toBe(false);

  // The burst goes on (four in the window): still the same incident, on either node.
  await advanceBoth(MIN);
  await categorise(b, t4, 'streaming');
  expect(alerts()).toHaveLength(1);

  // Ten minutes later the window has emptied: the incident is over and a new burst alerts again, once.
  await advanceBoth(10 * MIN);
  await categorise(b, t5, 'streaming');
  await advanceBoth(MIN);
  await categorise(a, t6, 'streaming');
  expect(alerts()).toHaveLength(1);
  await advanceBoth(MIN);
  await categorise(b, t2, 'platform_access');
  await categorise(b, t2, 'streaming'); // its old report has left the window: a fresh report, the third
  await waitUntil(() => alerts().length > 1, 'the second alert');
  await new Promise((r) => setTimeout(r, 100));
  expect(alerts()).toHaveLength(2);
  expect(b.lead.inbox.received.filter((r) => r.name === 'incident:alert').map((r) => (r.payload as IncidentAlert).ticketIds)).toEqual([[t5, t6, t2]]);
}

describe('incident detection on two nodes at once', () => {
  it('on one shared SQLite file, reports split over both nodes alert once at the threshold and again only after the window emptied', async () => {
    const first = await startServer({ env: ENV });
    nodes.push(first);
    nodes.push(await startServer({ env: ENV, dataDir: first.dataDir }));
    await runBurstsOverTwoNodes();
  });

  const reason = postgresUnavailableReason();
  it.skipIf(reason !== null)(`on PostgreSQL, reports split over both nodes alert once at the threshold and again only after the window emptied${reason ? ` (skipped: ${reason})` : ''}`, async () => {
    pg = await startPostgres();
    nodes.push(await startServer({ databaseUrl: pg.url, env: ENV }));
    nodes.push(await startServer({ databaseUrl: pg.url, env: ENV }));
    await runBurstsOverTwoNodes();
  }, 60_000);
});
