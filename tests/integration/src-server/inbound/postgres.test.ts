// The email channel on PostgreSQL: mail sent over SMTP to the real listener is stored byte for byte in the bytea
// column, becomes a ticket, threads its reply, is not processed twice, survives a NUL in its text, and unreadable mail is kept for admins.
// One cluster for the file, a fresh database per test. Skipped only where PostgreSQL is not installed (the reason is in the title).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import pg from 'pg';
import type { Ticket } from '../../../../src-shared/ticket';
import type { InboundMailDetail, InboundMailSummary } from '../../../../src-shared/inbound-mail';
import type { TicketDetail } from '../../../../src-shared/protocol/agent';
import { inboundMailRaw } from '../../../../src-server/db/inbound-mail';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../../support/postgres';
import { call, callOk } from '../../../support/socket-clients';
import { PNG, startInboundServer, type InboundHarness } from './inbound-harness';

/** Latin-1 with a NUL and bytes that are not UTF-8 (no CR or LF: SMTP would turn a bare one into CRLF). */
const NOT_UTF8 = Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]);

const reason = postgresUnavailableReason();

describe.skipIf(reason !== null)(`the email channel on PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let pgServer: TestPostgres;
  let h: InboundHarness;
  beforeAll(async () => {
    pgServer = await startPostgres();
  }, 60_000);
  afterAll(() => pgServer.stop());
  beforeEach(async () => {
    const name = `inbound_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    h = await startInboundServer({ databaseUrl: pgServer.url.replace(/\/postgres$/, `/${name}`) });
  }, 30_000);
  afterEach(() => h.server.stop());

  const lead = () => h.server.connectSpecialist({ role: 'lead', departmentIds: [] });

  /** Composes the mail here and sends those exact bytes, so the test knows what the listener received. */
  async function sendComposed(mail: ConstructorParameters<typeof MailComposer>[0] & { from: string; to: string }): Promise<Buffer> {
    const raw = await new MailComposer(mail).compile().build();
    await h.send({ envelope: { from: mail.from, to: [mail.to] }, raw });
    return raw;
  }

  async function lastRow(): Promise<InboundMailSummary> {
    const row = (await h.inbound()).at(-1);
    if (!row) throw new Error('no inbound mail');
    return row;
  }

  it('a new mail becomes an email ticket with its PNG, and its raw bytes come back from bytea exactly, non-UTF-8 bytes included', async () => {
    const messageId = `<${randomUUID()}@customer.example>`;
    const sent = await sendComposed({
      from: 'ann@customer.example',
      to: 'tech@support.example.com',
      subject: 'Printer jams',
      text: 'It jams on page 2.',
      messageId,
      attachments: [
        { filename: 'jam.png', content: PNG },
        // As 8bit, not base64, so the bytes travel and are stored as they are (nodemailer keeps 8bit only for a non-text type).
        { filename: 'latin1.bin', content: NOT_UTF8, contentType: 'application/octet-stream', contentTransferEncoding: '8bit' },
      ],
    });
    expect(sent.includes(NOT_UTF8)).toBe(true);
    const row = await lastRow();
    expect(row).toMatchObject({ status: 'processed', messageId, fromAddress: 'ann@customer.example', subject: 'Printer jams', departmentId: 'technical', size: sent.length });
    const stored = await inboundMailRaw(h.server.app.ctx.db, row.id);
    expect(stored).toEqual(sent);

    const s = await lead();
    const detail = await callOk<TicketDetail>(s.socket, 'ticket:get', { ticketId: row.ticketId });
    expect(detail.ticket).toMatchObject({ channel: 'email', departmentId: 'technical', subject: 'Printer jams', requesterEmail: 'ann@customer.example', status: 'open' });
    const [first] = detail.comments;
    expect(first?.body).toContain('It jams on page 2.');
    // Not UTF-8 and no known magic number: refused by the upload rules, yet kept whole in the stored mail above.
    expect(first?.body).toContain('Attachments not accepted: latin1.bin (this kind of file is not accepted)');
    expect(first?.attachments.map((a) => [a.fileName, a.contentType, a.size])).toEqual([['jam.png', 'image/png', PNG.length]]);
  });

  it('a reply to the acknowledgement\'s signed Reply-To becomes a comment on the ticket, and ticket:mail answers both mails\' headers', async () => {
    const messageId = `<${randomUUID()}@customer.example>`;
    await h.send({ from: 'Ann <ann@customer.example>', to: 'tech@support.example.com', subject: 'Printer jams', text: 'It jams on page 2.', messageId });
    const ticketId = (await lastRow()).ticketId;
    const [ack, ...more] = await h.outgoing();
    expect(more).toEqual([]);
    const replyTo = ack?.replyTo?.value[0]?.address;
    if (!ack?.messageId || !replyTo) throw new Error('no acknowledgement with a Reply-To');
    expect(replyTo).toMatch(new RegExp(`^tech\\+t${ticketId}\\.[A-Za-z0-9_-]{16}@support\\.example\\.com$`));

    const reply = `<${randomUUID()}@customer.example>`;
    await h.send({ from: 'ann@customer.example', to: replyTo, subject: `Re: ${ack.subject ?? ''}`, text: 'Still jams.\n\n> We received your request\n', messageId: reply, inReplyTo: ack.messageId, references: [messageId, ack.messageId] });
    expect(await lastRow()).toMatchObject({ status: 'processed', ticketId, reason: `comment on ticket #${ticketId}` });
    const s = await lead();
    const detail = await callOk<TicketDetail>(s.socket, 'ticket:get', { ticketId });
    expect(detail.comments.map((c) => [c.authorKind, c.body])).toEqual([
      ['customer', 'It jams on page 2.'],
      ['customer', 'Still jams.'],
    ]);

    const mails = await callOk<InboundMailDetail[]>(s.socket, 'ticket:mail', { ticketId });
    expect(mails.map((m) => m.messageId)).toEqual([messageId, reply]);
    expect(mails[0]?.headers).toContainEqual({ name: 'Subject', value: 'Printer jams' });
    expect(mails[1]?.headers).toContainEqual({ name: 'In-Reply-To', value: ack.messageId });
    expect(mails[1]?.source).toContain('Still jams.');
  });

  it('the same mail delivered twice (one Message-ID) makes one ticket', async () => {
    const messageId = `<${randomUUID()}@customer.example>`;
    const mail = { from: 'ann@customer.example', to: 'tech@support.example.com', subject: 'Once', text: 'Only once, please.', messageId };
    await h.send(mail);
    await h.send(mail);
    const rows = await h.inbound();
    expect(rows.map((r) => [r.status, r.reason])).toEqual([
      ['processed', `new ticket #${rows[0]?.ticketId}`],
      ['ignored', `duplicate: ${messageId} was already processed`],
    ]);
    const s = await lead();
    expect(await callOk<Ticket[]>(s.socket, 'tickets:list', { departmentId: 'technical' })).toHaveLength(1);
  });

  it('a mail with NUL characters in its subject and text still becomes a ticket (PostgreSQL text refuses NUL; the raw mail keeps it)', async () => {
    const raw = 'From: ann@customer.example\r\nTo: tech@support.example.com\r\nSubject: =?utf-8?B?UHJpbnRlcgBqYW1z?=\r\n\r\nIt jams\x00 on page 2.\r\n';
    await h.send({ envelope: { from: 'ann@customer.example', to: ['tech@support.example.com'] }, raw });
    const row = await lastRow();
    expect(row).toMatchObject({ status: 'processed', subject: 'Printerjams' });
    expect(await inboundMailRaw(h.server.app.ctx.db, row.id)).toEqual(Buffer.from(raw, 'latin1'));
    const s = await lead();
    const detail = await callOk<TicketDetail>(s.socket, 'ticket:get', { ticketId: row.ticketId });
    expect([detail.ticket.subject, detail.comments[0]?.body]).toEqual(['Printerjams', 'It jams on page 2.']);
  });

  it('a mail that cannot be read is kept as failed and listed by inbound:list to an admin, not to an agent', async () => {
    // The NUL in the raw Subject line too: the listing names the mail by it.
    await h.send({
      envelope: { from: 'ann@customer.example', to: ['tech@support.example.com'] },
      raw: 'From: ann@customer.example\r\nTo: tech@support.example.com\r\nSubject: bro\x00ken\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nhello\r\n',
    });
    const row = await lastRow();
    expect(row).toMatchObject({ status: 'failed', reason: 'Unparseable mail: multipart body without a boundary.', ticketId: null, subject: 'broken' });
    const admin = await h.server.connectSpecialist({ role: 'admin', departmentIds: [] });
    const listed = await callOk<InboundMailSummary[]>(admin.socket, 'inbound:list', { status: 'failed' });
    expect(listed.map((m) => [m.id, m.status, m.subject])).toEqual([[row.id, 'failed', 'broken']]);
    expect(await callOk<InboundMailSummary[]>(admin.socket, 'inbound:list', { status: 'processed' })).toEqual([]);
    const agent = await h.server.connectSpecialist({ role: 'agent' });
    expect(await call(agent.socket, 'inbound:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.outgoing()).toEqual([]);
  });
});
