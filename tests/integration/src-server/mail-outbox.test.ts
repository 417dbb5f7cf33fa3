// Durable mail end to end: the SMTP server is down when a chat ends and an EMAIL US request arrives, the node
// restarts, the SMTP server comes back on the same port: both mails arrive exactly once, with their attempts in
// the ticket's audit trail and on the lead dashboard. Also: failed for good after the window, and two nodes.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import type { DashboardStats } from '../../../src-shared/stats';
import { MAIL_AUDIT_FIELD, type MailAttempt } from '../../../src-shared/mail-delivery';
import { startServer, type TestServer } from '../../support/start-server';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import { freePort } from '../../support/free-port';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { callOk } from '../../support/socket-clients';

let servers: TestServer[] = [];
let sink: SmtpSink | null = null;
let pg: TestPostgres | null = null;
let dirs: string[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop();
  servers = [];
  await sink?.close();
  sink = null;
  await pg?.stop();
  pg = null;
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  dirs = [];
});

async function dataDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'switchboard-mail-'));
  dirs.push(d);
  return d;
}

async function emailUs(server: TestServer, email: string): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email, departmentId: 'technical', question: 'Where is my invoice?' });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

const attemptsOf = (detail: TicketDetail): MailAttempt[] => detail.audit.filter((a) => a.field === MAIL_AUDIT_FIELD).map((a) => a.to as MailAttempt);

describe('mail outbox', () => {
  it('the recap and the acknowledgement survive an SMTP outage and a node restart, then arrive exactly once', async () => {
    const port = await freePort();
    const smtpUrl = `smtp://127.0.0.1:${port}`;
    const dir = await dataDir();
    const first = await startServer({ smtpUrl, dataDir: dir });
    servers.push(first);

    // The SMTP server is down: a chat ends (recap) and an EMAIL US request arrives (acknowledgement).
    await first.connectSpecialist();
    const visitor = await first.connectVisitor();
    const chat = await callOk<{ conversation: { ticketId: number | null } }>(visitor.socket, 'chat:request', {
      clientId: randomUUID(),
      email: 'casey@example.com',
      departmentId: 'technical',
      question: 'The stream is black.',
      context: {},
    });
    await callOk(visitor.socket, 'chat:leave', {});
    const ackTicket = await emailUs(first, 'pat@example.com');
    await first.app.runMailNow();
    const lead = await first.connectSpecialist({ role: 'lead' });
    expect((await callOk<DashboardStats>(lead.socket, 'stats:get', {})).mail).toEqual({ queued: 0, retrying: 2, failed: 0 });

    // The node restarts on the same data (SMTP still down): nothing is lost.
    const now = first.clock.now();
    await first.stop();
    servers = [];
    const second = await startServer({ smtpUrl, dataDir: dir, now, env: { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' } });
    servers.push(second);

    // The SMTP server comes back on the same port; the next retry (≤ 10 s after the failure) delivers both.
    sink = await smtpSink({ port });
    await second.clock.advance(15_000);
    const recap = await sink.waitFor((m) => m.to.includes('casey@example.com'));
    const ack = await sink.waitFor((m) => m.to.includes('pat@example.com'));
    await second.app.runMailNow();
    await second.clock.advance(3_600_000);
    await second.app.runMailNow();
    expect(sink.mails.map((m) => m.to[0]).sort()).toEqual(['casey@example.com', 'pat@example.com']);
    // The visitor left before any specialist ended the chat: the recap quotes nothing they wrote (email/templates.ts).
    expect(recap.text).not.toContain('The stream is black.');
    expect(recap.text).toContain('/comment/');
    expect(ack.subject).toContain(`#${ackTicket}`);
    expect(recap.parsed.messageId).toMatch(/^<switchboard\.outbox\.\d+\.[0-9a-z]+@switchboard\.local>$/);
    expect(ack.parsed.messageId).not.toBe(recap.parsed.messageId);

    // Every attempt is in the ticket's audit trail, and the dashboard shows nothing left.
    const lead2 = await second.connectSpecialist({ role: 'lead' });
    const recapTicket = chat.conversation.ticketId ?? 0;
    for (const [ticketId, kind] of [[recapTicket, 'chat_recap'], [ackTicket, 'email_ack']] as const) {
      const detail = await callOk<TicketDetail>(lead2.socket, 'ticket:get', { ticketId });
      expect(attemptsOf(detail).map((a) => [a.kind, a.attempt, a.outcome, a.error])).toEqual([
        [kind, 1, 'retrying', expect.stringMatching(/^E[A-Z]+$/)],
        [kind, 2, 'sent', null],
      ]);
    }
    expect((await callOk<DashboardStats>(lead2.socket, 'stats:get', {})).mail).toEqual({ queued: 0, retrying: 0, failed: 0 });
  });

  it('a mail that cannot be delivered within MAIL_RETRY_MAX_MS is failed for good, on the dashboard and in the audit', async () => {
    const port = await freePort();
    const server = await startServer({ smtpUrl: `smtp://127.0.0.1:${port}`, env: { MAIL_RETRY_MAX_MS: '120000' } });
    servers.push(server);
    const ticketId = await emailUs(server, 'pat@example.com');
    const lead = await server.connectSpecialist({ role: 'lead' });
    for (let i = 0; i < 20; i++) {
      await server.app.runMailNow();
      await server.clock.advance(10_000);
    }
    await server.app.runMailNow();
    expect((await callOk<DashboardStats>(lead.socket, 'stats:get', {})).mail).toEqual({ queued: 0, retrying: 0, failed: 1 });
    const attempts = attemptsOf(await callOk<TicketDetail>(lead.socket, 'ticket:get', { ticketId }));
    expect(attempts.length).toBeGreaterThan(3);
    expect(attempts.slice(0, -1).every((a) => a.outcome === 'retrying')).toBe(true);
    // A refused connection (nodemailer reports ESOCKET / ECONNECTION) is transient: retried until the window ends.
    expect(attempts.at(-1)).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/^E[A-Z]+$/), nextAttemptAt: null });
    // The SMTP server coming back later changes nothing: failed for good is final.
    sink = await smtpSink({ port });
    await server.clock.advance(3_600_000);
    await server.app.runMailNow();
    expect(sink.mails).toEqual([]);
  });

  async function twoNodesDeliverOnce(start: (smtpUrl: string) => Promise<[TestServer, TestServer]>): Promise<void> {
    const port = await freePort();
    const [a, b] = await start(`smtp://127.0.0.1:${port}`);
    servers.push(a, b);
    const emails = Array.from({ length: 8 }, (_, i) => `r${i}@example.com`);
    await Promise.all(emails.map((e, i) => emailUs(i % 2 === 0 ? a : b, e)));
    await Promise.all([a.app.runMailNow(), b.app.runMailNow()]);
    sink = await smtpSink({ port });
    // Both clocks move together (as real clocks agree), then both nodes pass over the same due rows at once.
    for (let i = 0; i < 3; i++) {
      await Promise.all([a.clock.advance(15_000), b.clock.advance(15_000)]);
      await Promise.all([a.app.runMailNow(), b.app.runMailNow()]);
    }
    expect(sink.mails.map((m) => m.to[0]).sort()).toEqual([...emails].sort());
  }

  it('two server nodes on one SQLite file deliver each queued mail once', async () => {
    await twoNodesDeliverOnce(async (smtpUrl) => {
      const dir = await dataDir();
      const env = { SECRET: 'shared-secret-of-the-cluster-0123456789' };
      const a = await startServer({ smtpUrl, dataDir: dir, env });
      return [a, await startServer({ smtpUrl, dataDir: dir, env })];
    });
  });

  const reason = postgresUnavailableReason();
  it.skipIf(reason !== null)(`two server nodes on PostgreSQL deliver each queued mail once${reason ? ` (skipped: ${reason})` : ''}`, async () => {
    pg = await startPostgres();
    const url = pg.url;
    await twoNodesDeliverOnce(async (smtpUrl) => {
      const env = { SECRET: 'shared-secret-of-the-cluster-0123456789' };
      const a = await startServer({ smtpUrl, databaseUrl: url, env });
      return [a, await startServer({ smtpUrl, databaseUrl: url, env })];
    });
  }, 60_000);
});
