// Ticket automation on two server nodes sharing one database at once: every reminder is sent exactly once
// and the ticket is auto-solved once, because each due job is claimed by a conditional update in the database.
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import { AUTO_SOLVED_RESOLUTION_ID } from '../../../src-shared/resolution-catalog';
import { startServer, type TestServer } from '../../support/start-server';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { callOk } from '../../support/socket-clients';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * Both nodes' fake clocks must agree, as real clocks do within milliseconds: their own interval timers would fire
 * at different instants while each clock is moved separately (and a node far "ahead" would rightly treat the
 * other's fresh claim as expired), so the timer is pushed out of the test's span and passes run explicitly.
 */
const ENV = { SECRET: 'shared-secret-of-the-cluster-0123456789', AUTOMATION_INTERVAL_MS: String(20 * 24 * 3_600_000), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' };

let nodes: TestServer[] = [];
let sink: SmtpSink | null = null;
let pg: TestPostgres | null = null;
afterEach(async () => {
  for (const n of nodes) await n.stop();
  nodes = [];
  await sink?.close();
  sink = null;
  await pg?.stop();
  pg = null;
});

/** Moves both nodes' clocks to the same instant, then lets both run an automation pass at the same time. */
async function advanceBoth(ms: number): Promise<void> {
  // Mail in flight is recorded first: a node whose clock jumped days ahead would rightly take over a claim that old.
  await Promise.all(nodes.map((n) => n.app.runMailNow()));
  await Promise.all(nodes.map((n) => n.clock.advance(ms)));
  await Promise.all(nodes.map((n) => n.app.runAutomationNow()));
}

async function walkTicketThroughAutomation(): Promise<void> {
  const [a, b] = nodes;
  if (!a || !b || !sink) throw new Error('two nodes and a sink expected');
  const dana = await a.connectSpecialist();
  const res = await b.http<EmailRequestReceipt>('POST', '/api/email-requests', {
    clientId: randomUUID(),
    email: 'twice@example.com',
    departmentId: 'technical',
    question: 'Which browser do you support?',
  });
  if (!res.body.ok) throw new Error(res.body.error.message);
  const ticketId = res.body.value.ticketId;
  await callOk(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId, patch: { status: 'awaiting_reply' } });

  // Wednesday 10:00 → Friday 11:00 (2 business days), next Wednesday (5), the Friday after (7): reminders, then auto-solve.
  await advanceBoth(2 * DAY + HOUR);
  await sink.waitFor((m) => /Reminder 1/.test(m.subject));
  await advanceBoth(5 * DAY);
  await sink.waitFor((m) => /Reminder 2/.test(m.subject));
  await advanceBoth(2 * DAY);
  // A few more passes on both nodes: nothing due may be executed again.
  await advanceBoth(HOUR);
  await advanceBoth(HOUR);

  const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId });
  expect(detail.ticket.status).toBe('solved');
  expect(detail.ticket.resolution?.typeId).toBe(AUTO_SOLVED_RESOLUTION_ID);
  const toRequester = sink.mails.filter((m) => m.to.includes('twice@example.com'));
  expect(toRequester.filter((m) => /Reminder 1/.test(m.subject))).toHaveLength(1);
  expect(toRequester.filter((m) => /Reminder 2/.test(m.subject))).toHaveLength(1);
  const solvedAudits = detail.audit.filter((e) => e.field === 'status' && e.to === 'solved');
  expect(solvedAudits).toHaveLength(1);
}

describe('ticket automation on two nodes at once', () => {
  it('on one shared SQLite file, each reminder is sent once and the ticket is auto-solved once', async () => {
    sink = await smtpSink();
    const first = await startServer({ smtpUrl: sink.url, env: ENV });
    nodes.push(first);
    nodes.push(await startServer({ smtpUrl: sink.url, env: ENV, dataDir: first.dataDir }));
    await walkTicketThroughAutomation();
  });

  const reason = postgresUnavailableReason();
  it.skipIf(reason !== null)(`on PostgreSQL, each reminder is sent once and the ticket is auto-solved once${reason ? ` (skipped: ${reason})` : ''}`, async () => {
    pg = await startPostgres();
    sink = await smtpSink();
    nodes.push(await startServer({ smtpUrl: sink.url, databaseUrl: pg.url, env: ENV }));
    nodes.push(await startServer({ smtpUrl: sink.url, databaseUrl: pg.url, env: ENV }));
    await walkTicketThroughAutomation();
  }, 60_000);
});
