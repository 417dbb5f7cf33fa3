// The console core's email channel against the real server, its inbound SMTP listener and real SQLite: a mail sent
// over SMTP becomes an email ticket whose original headers an agent of its department reads through the console;
// leads list and open inbound mail but may not process it again; an admin processes a failed mail again and it
// becomes a ticket; without a connection every one of these answers `offline` and nothing is cached.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { MAIL_OFFLINE } from '../../../../src-main/core/inbound-mail-queries';
import { recordAcceptedMail, recordInboundOutcome } from '../../../../src-server/db/inbound-mail';
import { harness } from './console-harness';

const h = harness();
afterEach(() => h.cleanup());

describe('console core: the email channel', () => {
  it('reads a mailed ticket’s headers, lists and opens inbound mail, and an admin (not a lead) processes a failed mail again', async () => {
    const srv = await h.bootServer({ env: { INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1' } });
    const app = srv.current.app;
    const port = app.inboundSmtpPort;
    if (port === null) throw new Error('no inbound listener');
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await smtp.sendMail({ from: 'Ann <ann@customer.example>', to: 'tech@support.example.com', cc: 'boss@customer.example', subject: 'Printer jams', text: 'It jams.', messageId: '<jam-1@customer.example>' });
    await app.inboundIdle();

    // A mail whose processing failed for a passing reason (stored, then marked failed), as a crash mid-way would leave it.
    const failedId = await app.ctx.writes.run(async (trx) => {
      const raw = Buffer.from('From: bo@customer.example\r\nTo: finance@support.example.com\r\nSubject: Invoice copy\r\nMessage-ID: <inv@customer.example>\r\n\r\nPlease resend.\r\n');
      const id = await recordAcceptedMail(trx, { receivedAt: srv.clock.now(), envelopeFrom: 'bo@customer.example', envelopeTo: 'finance@support.example.com', departmentId: 'finance', raw });
      await recordInboundOutcome(trx, id, { status: 'failed', reason: 'Processing failed: database is locked', messageId: null, fromAddress: null, subject: null, ticketId: null, processedAt: srv.clock.now() });
      return id;
    });

    const agent = h.openConsole(join(h.tempDir(), 'agent.db'), srv);
    const lead = h.openConsole(join(h.tempDir(), 'lead.db'), srv);
    const admin = h.openConsole(join(h.tempDir(), 'admin.db'), srv);
    await agent.login(await srv.current.createSpecialist({ displayName: 'Ann', departmentIds: ['technical'] }));
    await lead.login(await srv.current.createSpecialist({ displayName: 'Lee', role: 'lead', departmentIds: [] }));
    await admin.login(await srv.current.createSpecialist({ displayName: 'Ada', role: 'admin', departmentIds: [] }));

    const listed = await lead.service.listInboundMail({ limit: 50 });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.map((m) => [m.status, m.departmentId])).toEqual([
      ['failed', 'finance'],
      ['processed', 'technical'],
    ]);
    const ticketId = listed.value[1]?.ticketId;
    if (!ticketId) throw new Error('the mail made no ticket');
    const failedOnly = await lead.service.listInboundMail({ status: 'failed', limit: 50 });
    expect(failedOnly.ok && failedOnly.value.map((m) => m.id)).toEqual([failedId]);

    const mails = await agent.service.listTicketMail({ ticketId });
    if (!mails.ok) throw new Error(mails.error.message);
    expect(mails.value).toHaveLength(1);
    expect(mails.value[0]).toMatchObject({ messageId: '<jam-1@customer.example>', subject: 'Printer jams', status: 'processed', ticketId });
    expect(mails.value[0]?.headers).toEqual(expect.arrayContaining([{ name: 'Cc', value: 'boss@customer.example' }, { name: 'Subject', value: 'Printer jams' }]));
    // The ticket the console caches knows it came by email, with the CC.
    await agent.until('the email ticket in the cache', () => agent.cache.tickets.get(ticketId)?.channel === 'email');
    expect(agent.cache.tickets.get(ticketId)?.ccs).toEqual(['boss@customer.example']);

    // Agents do not read the inbound list; leads do not process again.
    expect(await agent.service.listInboundMail({ limit: 50 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await lead.service.retryInboundMail({ inboundId: failedId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const opened = await lead.service.getInboundMail({ inboundId: failedId });
    expect(opened.ok && opened.value).toMatchObject({ status: 'failed', reason: 'Processing failed: database is locked', source: expect.stringContaining('Please resend.') });

    const retried = await admin.service.retryInboundMail({ inboundId: failedId });
    expect(retried).toMatchObject({ ok: true, value: { id: failedId, status: 'processed', subject: 'Invoice copy', ticketId: expect.any(Number) } });

    await srv.stop();
    await agent.until('offline', () => agent.connection() !== 'online');
    await admin.until('admin offline', () => admin.connection() !== 'online');
    expect(await agent.service.listTicketMail({ ticketId })).toEqual({ ok: false, error: { code: 'offline', message: MAIL_OFFLINE } });
    expect(await admin.service.listInboundMail({ limit: 50 })).toEqual({ ok: false, error: { code: 'offline', message: MAIL_OFFLINE } });
    expect(admin.cache.outbox.queue()).toEqual([]);
  });
});
