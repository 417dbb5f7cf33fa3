// The email channel end to end: mail sent over SMTP to the real listener becomes tickets and comments, machine mail
// is recorded and never answered, unreadable mail is kept for admins, and nothing is processed twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Ticket } from '../../../../src-shared/ticket';
import type { TicketDetail } from '../../../../src-shared/protocol/agent';
import { resolutionCatalog } from '../../../../src-shared/resolution-catalog';
import { replyAddress } from '../../../../src-server/inbound/reply-address';
import { listInboundMail, recordAcceptedMail, recordInboundOutcome } from '../../../../src-server/db/inbound-mail';
import { startServer } from '../../../support/start-server';
import { updateDepartment } from '../../../../src-server/db/departments';
import { call, callOk } from '../../../support/socket-clients';
import { PNG, addressesOf, header, startInboundServer, type InboundHarness } from './inbound-harness';

const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);

let h: InboundHarness;
beforeEach(async () => {
  h = await startInboundServer();
});
afterEach(() => h.server.stop());

async function newTicketByMail(messageId = `<${randomUUID()}@customer.example>`): Promise<{ ticket: Ticket; messageId: string }> {
  await h.send({ from: 'Ann <ann@customer.example>', to: 'tech@support.example.com', cc: 'bob@customer.example', subject: 'Printer jams', text: 'It jams on page 2.', messageId });
  const row = (await h.inbound()).at(-1);
  if (row?.ticketId == null) throw new Error(`not processed: ${JSON.stringify(row)}`);
  const lead = await h.server.connectSpecialist({ role: 'lead', departmentIds: [] });
  const detail = await callOk<TicketDetail>(lead.socket, 'ticket:get', { ticketId: row.ticketId });
  return { ticket: detail.ticket, messageId };
}

describe('a new mail', () => {
  it('becomes an email ticket in the address\'s department with its attachment, names the refused file, and is acknowledged in its thread', async () => {
    const messageId = `<${randomUUID()}@customer.example>`;
    await h.send({
      from: 'Ann <ann@customer.example>',
      to: ['tech@support.example.com', 'carl@customer.example'],
      cc: 'bob@customer.example',
      subject: 'Printer jams',
      text: 'It jams on page 2.',
      messageId,
      attachments: [
        { filename: 'jam.png', content: PNG },
        { filename: 'fix.pdf', content: EXE },
      ],
    });
    const [row] = await h.inbound();
    expect(row).toMatchObject({ status: 'processed', messageId, fromAddress: 'ann@customer.example', subject: 'Printer jams', departmentId: 'technical' });
    const lead = await h.server.connectSpecialist({ role: 'lead', departmentIds: [] });
    const detail = await callOk<TicketDetail>(lead.socket, 'ticket:get', { ticketId: row?.ticketId });
    expect(detail.ticket).toMatchObject({ channel: 'email', departmentId: 'technical', subject: 'Printer jams', requesterEmail: 'ann@customer.example', status: 'open' });
    expect([...detail.ticket.ccs].sort()).toEqual(['bob@customer.example', 'carl@customer.example']);
    const [first] = detail.comments;
    expect(first?.body).toContain('It jams on page 2.');
    expect(first?.body).toContain('Attachments not accepted: fix.pdf (this kind of file is not accepted)');
    expect(first?.attachments.map((a) => [a.fileName, a.contentType])).toEqual([['jam.png', 'image/png']]);

    const [ack, ...more] = await h.outgoing();
    expect(more).toEqual([]);
    if (!ack) throw new Error('no acknowledgement');
    expect(addressesOf(ack)).toEqual(['ann@customer.example']);
    expect(ack.replyTo?.value[0]?.address).toBe(replyAddress(h.server.app.ctx.secret, 'tech@support.example.com', detail.ticket.id));
    expect(ack.replyTo?.value[0]?.address).toMatch(new RegExp(`^tech\\+t${detail.ticket.id}\\.[A-Za-z0-9_-]{16}@support\\.example\\.com$`));
    expect(ack.inReplyTo).toBe(messageId);
    expect(header(ack, 'x-switchboard-ticket')).toBe(String(detail.ticket.id));
  });

  it('goes to the department\'s address as it is now: a changed address applies to the next mail', async () => {
    await h.server.app.ctx.writes.run((trx) => updateDepartment(trx, 'technical', { email: 'it@support.example.com' }));
    await expect(h.send({ from: 'ann@customer.example', to: 'tech@support.example.com', subject: 's', text: 't' })).rejects.toMatchObject({ responseCode: 550 });
    await h.send({ from: 'ann@customer.example', to: 'IT@support.example.com', subject: 'New address', text: 'Hello.' });
    expect((await h.inbound()).map((r) => [r.departmentId, r.subject])).toEqual([['technical', 'New address']]);
  });

  it('from a machine (auto-reply, bounce) is recorded as ignored and answered by nothing', async () => {
    await h.send({ from: 'ann@customer.example', to: 'tech@support.example.com', subject: 'Out of office', text: 'Back Monday.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await h.send({
      envelope: { from: 'mailer-daemon@mx.customer.example', to: ['tech@support.example.com'] },
      raw: 'From: MAILER-DAEMON@mx.customer.example\r\nTo: tech@support.example.com\r\nSubject: Undelivered Mail\r\n\r\nThe mail could not be delivered.\r\n',
    });
    const rows = await h.inbound();
    expect(rows.map((r) => [r.status, r.reason, r.ticketId])).toEqual([
      ['ignored', 'Auto-Submitted: auto-replied', null],
      ['ignored', 'machine sender mailer-daemon@mx.customer.example', null],
    ]);
    expect(await h.outgoing()).toEqual([]);
  });

  it('that cannot be read is kept as failed and listed to an admin, not to an agent', async () => {
    await h.send({
      envelope: { from: 'ann@customer.example', to: ['tech@support.example.com'] },
      raw: 'From: ann@customer.example\r\nTo: tech@support.example.com\r\nSubject: broken\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nhello\r\n',
    });
    const [row] = await h.inbound();
    expect(row).toMatchObject({ status: 'failed', reason: 'Unparseable mail: multipart body without a boundary.', ticketId: null, subject: 'broken' });
    const admin = await h.server.connectSpecialist({ role: 'admin', departmentIds: [] });
    const listed = await callOk<{ id: number; status: string }[]>(admin.socket, 'inbound:list', { status: 'failed' });
    expect(listed.map((m) => [m.id, m.status])).toEqual([[row?.id, 'failed']]);
    const detail = await callOk<{ headers: { name: string; value: string }[]; source: string; sourceTruncated: boolean }>(admin.socket, 'inbound:get', { inboundId: row?.id });
    expect(detail.headers).toContainEqual({ name: 'Content-Type', value: 'multipart/mixed' });
    expect(detail.source).toContain('--x\r\nhello');
    expect(detail.sourceTruncated).toBe(false);
    const agent = await h.server.connectSpecialist({ role: 'agent' });
    expect(await call(agent.socket, 'inbound:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(agent.socket, 'inbound:get', { inboundId: row?.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.outgoing()).toEqual([]);
  });

  it('delivered twice (one Message-ID) makes one ticket', async () => {
    const messageId = `<${randomUUID()}@customer.example>`;
    const mail = { from: 'ann@customer.example', to: 'tech@support.example.com', subject: 'Once', text: 'Only once, please.', messageId };
    await h.send(mail);
    await h.send(mail);
    const rows = await h.inbound();
    expect(rows.map((r) => r.status)).toEqual(['processed', 'ignored']);
    expect(rows[1]?.reason).toBe(`duplicate: ${messageId} was already processed`);
    const lead = await h.server.connectSpecialist({ role: 'lead', departmentIds: [] });
    expect(await callOk<Ticket[]>(lead.socket, 'tickets:list', { departmentId: 'technical' })).toHaveLength(1);
  });
});

describe('a reply', () => {
  it('to the signed Reply-To becomes the customer\'s comment without the quote and reopens a Solved ticket; ticket:mail lists both mails', async () => {
    const { ticket, messageId } = await newTicketByMail();
    const lead = await h.server.connectSpecialist({ role: 'lead', departmentIds: [] });
    await callOk(lead.socket, 'ticket:update', { clientId: randomUUID(), ticketId: ticket.id, patch: { status: 'solved', resolution: { typeId: 'code-fix', catalogVersion: resolutionCatalog.version } } });
    const reply = `<${randomUUID()}@customer.example>`;
    await h.send({
      from: 'ann@customer.example',
      to: replyAddress(h.server.app.ctx.secret, 'tech@support.example.com', ticket.id),
      subject: 'Re: Printer jams',
      text: 'Still jams.\n\nOn Mon, 30 Nov 2026 at 10:00, Support <tech@support.example.com> wrote:\n> We received your request\n',
      messageId: reply,
      inReplyTo: messageId,
    });
    const detail = await callOk<TicketDetail>(lead.socket, 'ticket:get', { ticketId: ticket.id });
    expect(detail.ticket.status).toBe('open');
    expect(detail.comments.at(-1)).toMatchObject({ authorKind: 'customer', authorName: 'ann@customer.example', body: 'Still jams.', internal: false });
    expect((await h.inbound()).at(-1)).toMatchObject({ status: 'processed', ticketId: ticket.id, reason: `comment on ticket #${ticket.id}` });
    const mails = await callOk<{ messageId: string; headers: { name: string }[] }[]>(lead.socket, 'ticket:mail', { ticketId: ticket.id });
    expect(mails.map((m) => m.messageId)).toEqual([messageId, reply]);
    expect(mails[1]?.headers.map((x) => x.name)).toContain('In-Reply-To');
    // An agent of another department does not see the ticket, so not its mail either.
    const outsider = await h.server.connectSpecialist({ role: 'agent', departmentIds: ['finance'] });
    expect(await call(outsider.socket, 'ticket:mail', { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('matched by subject tag counts only with References naming a Message-ID we sent for that ticket', async () => {
    const { ticket } = await newTicketByMail();
    const [ack] = await h.outgoing();
    if (!ack?.messageId) throw new Error('no acknowledgement');
    await h.send({ from: 'ann@customer.example', to: 'tech@support.example.com', subject: `Re: [#${ticket.id}] Printer jams`, text: 'Forwarded from my phone.', references: [ack.messageId] });
    expect((await h.inbound()).at(-1)).toMatchObject({ status: 'processed', ticketId: ticket.id });
    await h.send({ from: 'mallory@evil.example', to: 'tech@support.example.com', subject: `Re: [#${ticket.id}] Printer jams`, text: 'Let me in.', references: ['<made-up@evil.example>'] });
    const forged = (await h.inbound()).at(-1);
    expect(forged?.status).toBe('processed');
    expect(forged?.ticketId).not.toBe(ticket.id);
    expect(forged?.reason).toBe(`new ticket #${forged?.ticketId}`);
  });
});

describe('failure handling', () => {
  it('an admin retries a failed mail once (by client id); agents may not', async () => {
    const ctx = h.server.app.ctx;
    const raw = Buffer.from('From: ann@customer.example\r\nTo: tech@support.example.com\r\nSubject: Try again\r\nMessage-ID: <retry@customer.example>\r\n\r\nPlease.\r\n');
    const id = await ctx.writes.run(async (trx) => {
      const n = await recordAcceptedMail(trx, { receivedAt: 1, envelopeFrom: 'ann@customer.example', envelopeTo: 'tech@support.example.com', departmentId: 'technical', raw });
      await recordInboundOutcome(trx, n, { status: 'failed', reason: 'Processing failed: database is locked', messageId: null, fromAddress: null, subject: null, ticketId: null, processedAt: 2 });
      return n;
    });
    const lead = await h.server.connectSpecialist({ role: 'lead', departmentIds: [] });
    expect(await call(lead.socket, 'inbound:retry', { clientId: randomUUID(), inboundId: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await h.server.connectSpecialist({ role: 'admin', departmentIds: [] });
    const clientId = randomUUID();
    const first = await callOk<{ status: string; ticketId: number; subject: string }>(admin.socket, 'inbound:retry', { clientId, inboundId: id });
    expect(first).toMatchObject({ status: 'processed', subject: 'Try again' });
    expect(await callOk(admin.socket, 'inbound:retry', { clientId, inboundId: id })).toEqual(first);
    expect(await call(admin.socket, 'inbound:retry', { clientId: randomUUID(), inboundId: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await callOk<Ticket[]>(admin.socket, 'tickets:list', { departmentId: 'technical' })).toHaveLength(1);
  });

  it('an exception while processing marks the mail failed with the error and keeps it; fixed, a retry makes the ticket', async () => {
    // A plain file where the attachments folder belongs: storing the attachment throws.
    const files = join(h.server.dataDir, 'files');
    await rm(files, { recursive: true, force: true });
    await writeFile(files, 'in the way');
    await h.send({ from: 'ann@customer.example', to: 'tech@support.example.com', subject: 'Screenshot', text: 'See attached.', attachments: [{ filename: 'a.png', content: PNG }] });
    const [row] = await h.inbound();
    expect(row?.status).toBe('failed');
    expect(row?.reason).toMatch(/^Processing failed: .*files/);
    expect(await h.outgoing()).toEqual([]);
    await rm(files);
    const admin = await h.server.connectSpecialist({ role: 'admin', departmentIds: [] });
    const again = await callOk<{ status: string; ticketId: number }>(admin.socket, 'inbound:retry', { clientId: randomUUID(), inboundId: row?.id });
    expect(again.status).toBe('processed');
    const detail = await callOk<TicketDetail>(admin.socket, 'ticket:get', { ticketId: again.ticketId });
    expect(detail.comments[0]?.attachments.map((a) => a.fileName)).toEqual(['a.png']);
  });

  it('a mail left received by a stopped server is processed at the next start', async () => {
    const raw = Buffer.from('From: ann@customer.example\r\nTo: tech@support.example.com\r\nSubject: Left behind\r\n\r\nStill there?\r\n');
    // What a crash between the 250 and the processing commit leaves: the stored mail, status 'received'.
    await h.server.app.ctx.writes.run((trx) => recordAcceptedMail(trx, { receivedAt: 1, envelopeFrom: 'ann@customer.example', envelopeTo: 'tech@support.example.com', departmentId: 'technical', raw }));
    const dataDir = h.server.dataDir;
    // Stopped, not removed: afterEach's stop() finds it stopped and deletes the folder.
    await h.server.app.stop();
    const again = await startServer({ dataDir });
    try {
      await again.app.inboundIdle();
      const [row] = await listInboundMail(again.app.ctx.db, { last: 1 });
      expect(row).toMatchObject({ status: 'processed', subject: 'Left behind' });
    } finally {
      await again.stop();
    }
  });
});

describe('acknowledgements of mail', () => {
  it('count against the unverified hourly cap, because anyone can write any From address', async () => {
    const capped = await startInboundServer({ env: { UNVERIFIED_MAIL_PER_HOUR: '1' } });
    try {
      await capped.send({ from: 'victim@customer.example', to: 'tech@support.example.com', subject: 'One', text: 'First.' });
      await capped.send({ from: 'victim@customer.example', to: 'tech@support.example.com', subject: 'Two', text: 'Second.' });
      const [first, second] = await capped.inbound();
      expect([first?.status, second?.status]).toEqual(['processed', 'processed']);
      expect((await capped.outbox(first?.ticketId ?? 0)).map((m) => m.kind)).toEqual(['email_ack']);
      expect(await capped.outbox(second?.ticketId ?? 0)).toEqual([]);
      const lead = await capped.server.connectSpecialist({ role: 'lead', departmentIds: [] });
      const detail = await callOk<TicketDetail>(lead.socket, 'ticket:get', { ticketId: second?.ticketId });
      expect(detail.audit.map((a) => [a.field, a.to])).toContainEqual(['mail', 'email_ack not sent: 1 mails to this address in the last hour (limit 1)']);
    } finally {
      await capped.server.stop();
    }
  });
});
