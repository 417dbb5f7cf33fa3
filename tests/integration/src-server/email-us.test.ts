// EMAIL US: a request becomes a ticket, the customer gets an acknowledgement with a comment link, retries are safe.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmailRequestReceipt, CommentPage } from '../../../src-shared/protocol/http';
import type { Ticket } from '../../../src-shared/ticket';
import { startServer, type TestServer } from '../../support/start-server';
import type { SmtpSink } from '../../support/smtp-sink';
import { startServerWithMail } from '../../support/server-with-mail';
import { callOk } from '../../support/socket-clients';
import { waitUntil } from '../../support/wait-until';
import { listMail } from '../../../src-server/db/mail-log';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import type { Result } from '../../../src-shared/result';

describe('EMAIL US over SMTP', () => {
  let server: TestServer;
  let sink: SmtpSink;
  let stop: () => Promise<void>;
  beforeEach(async () => {
    // Saturday: outside hours, so the receipt names the next opening.
    ({ server, sink, stop } = await startServerWithMail({ now: Date.UTC(2026, 10, 21, 15, 0) }));
  });
  afterEach(() => stop());

  it('creates a ticket, acknowledges by email and answers a retry with the same ticket', async () => {
    const body = { clientId: randomUUID(), email: 'Pat@Example.com', departmentId: 'finance', question: 'Please resend invoice 42.', context: { pid: 'p7' } };
    const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', body);
    expect(res.status).toBe(201);
    if (!res.body.ok) throw new Error(res.body.error.message);
    const receipt = res.body.value;
    expect(receipt.expectedReplyBy).toBe(Date.UTC(2026, 10, 23, 14, 0)); // Monday 9:00 New York
    expect(receipt.expectedReplyText).toContain('Mon–Fri 9 am to 5 pm');

    const again = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', body);
    expect(again.body.ok && again.body.value.ticketId).toBe(receipt.ticketId);

    const mail = await sink.waitFor((m) => m.to.includes('pat@example.com'));
    expect(mail.subject).toContain(`#${receipt.ticketId}`);
    // The address was only typed: the acknowledgement quotes nothing the requester wrote (the page behind the link does).
    expect(`${mail.subject}\n${mail.text}`).not.toContain('invoice 42');
    const [, sig = ''] = /\?sig=(\S+)/.exec(mail.text) ?? [];
    const page = await server.http<CommentPage>('GET', `/api/comment/${receipt.ticketId}?sig=${sig}`);
    expect(page.body.ok && page.body.value.comments.map((c) => c.body)).toEqual(['Please resend invoice 42.']);
    expect(sink.mails).toHaveLength(1);

    const lead = await server.connectSpecialist({ role: 'lead', departmentIds: [] });
    const list = await callOk<Ticket[]>(lead.socket, 'tickets:list', { departmentId: 'finance' });
    expect(list.map((t) => [t.id, t.channel, t.requesterEmail, t.context.pid])).toEqual([[receipt.ticketId, 'email', 'pat@example.com', 'p7']]);
  });

  it('rejects an unknown department', async () => {
    const res = await server.http('POST', '/api/email-requests', { clientId: randomUUID(), email: 'a@example.com', departmentId: 'nope', question: 'q' });
    expect(res.status).toBe(404);
  });
});

describe('EMAIL US with the embedded file outbox', () => {
  it('writes the acknowledgement to DATA_DIR/outbox and records it', async () => {
    const server = await startServer();
    try {
      const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'q@example.com', departmentId: 'technical', question: 'Audio drops' });
      expect(res.status).toBe(201);
      await waitUntil(async () => (await listMail(server.app.ctx.db)).length === 1, 'the mail to be recorded');
      const [entry] = await listMail(server.app.ctx.db);
      expect(entry).toMatchObject({ kind: 'email_ack', to: 'q@example.com', status: 'written' });
      expect(await readdir(join(server.dataDir, 'outbox'))).toEqual([entry?.fileName]);
    } finally {
      await server.stop();
    }
  });
});

describe('EMAIL US budgets', () => {
  let server: TestServer;
  afterEach(() => server.stop());

  const emailUs = async (email: string, from?: string) => {
    const res = await fetch(`${server.url}/api/email-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
      body: JSON.stringify({ clientId: randomUUID(), email, departmentId: 'technical', question: 'Spam text here' }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Result<EmailRequestReceipt> };
  };

  it('one address past its budget gets 429 rate_limited with Retry-After; a forged X-Forwarded-For does not help', async () => {
    server = await startServer({ env: { RATE_LIMIT_EMAIL_US: 'ip=3/10m' } });
    for (let i = 0; i < 3; i++) expect((await emailUs(`r${i}@example.com`, `203.0.113.${i}`)).status).toBe(201);
    const refused = await emailUs('r9@example.com', '203.0.113.99');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
    expect(await server.app.ctx.db.selectFrom('tickets').select('id').execute()).toHaveLength(3);
  });

  it('behind a trusted balancer each client address has its own budget', async () => {
    server = await startServer({ env: { RATE_LIMIT_EMAIL_US: 'ip=2/10m', TRUST_PROXY: '127.0.0.1' } });
    for (let i = 0; i < 2; i++) expect((await emailUs(`a${i}@example.com`, '203.0.113.1')).status).toBe(201);
    expect((await emailUs('a9@example.com', '203.0.113.1')).status).toBe(429);
    expect((await emailUs('b@example.com', '203.0.113.2')).status).toBe(201);
  });

  it('bounds the requests naming one target address, whoever sends them', async () => {
    server = await startServer({ env: { RATE_LIMIT_EMAIL_US: 'target=2/1h', TRUST_PROXY: '127.0.0.1' } });
    expect((await emailUs('victim@example.com', '203.0.113.1')).status).toBe(201);
    expect((await emailUs('Victim@example.com', '203.0.113.2')).status).toBe(201);
    expect((await emailUs('victim@example.com', '203.0.113.3')).status).toBe(429);
    expect((await emailUs('other@example.com', '203.0.113.3')).status).toBe(201);
  });

  it('bounds everyone together with the global budget', async () => {
    server = await startServer({ env: { RATE_LIMIT_EMAIL_US: 'global=2/1m', TRUST_PROXY: '127.0.0.1' } });
    expect((await emailUs('a@example.com', '203.0.113.1')).status).toBe(201);
    expect((await emailUs('b@example.com', '203.0.113.2')).status).toBe(201);
    expect((await emailUs('c@example.com', '203.0.113.3')).status).toBe(429);
  });

  it('past UNVERIFIED_MAIL_PER_HOUR to one address the ticket is created but no mail is queued, and the audit says so', async () => {
    server = await startServer({ env: { UNVERIFIED_MAIL_PER_HOUR: '2' } });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await emailUs('victim@example.com');
      expect(res.status).toBe(201);
      if (res.body.ok) ids.push(res.body.value.ticketId);
    }
    const mails = await server.app.ctx.db.selectFrom('mail_outbox').select(['to_address', 'ticket_id']).execute();
    expect(mails).toEqual([
      { to_address: 'victim@example.com', ticket_id: ids[0] },
      { to_address: 'victim@example.com', ticket_id: ids[1] },
    ]);
    const lead = await server.connectSpecialist({ role: 'lead' });
    const detail = await callOk<TicketDetail>(lead.socket, 'ticket:get', { ticketId: ids[2] });
    expect(detail.audit).toContainEqual(expect.objectContaining({ field: 'mail', actorKind: 'system', to: expect.stringContaining('email_ack not sent') }));
    // An hour later the address may be mailed again.
    await server.clock.advance(3_600_000);
    const later = await emailUs('victim@example.com');
    expect(later.status).toBe(201);
    expect(await server.app.ctx.db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(3);
  });
});
