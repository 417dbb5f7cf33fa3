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
    expect(mail.text).toContain('Please resend invoice 42.');
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
