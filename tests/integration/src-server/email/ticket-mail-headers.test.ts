// Customer mail about a ticket carries the signed Reply-To of the ticket's department (when it has an address)
// and the ticket header, whichever door the ticket came through.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { EmailRequestReceipt } from '../../../../src-shared/protocol/http';
import { startServer, type TestServer } from '../../../support/start-server';
import { updateDepartment } from '../../../../src-server/db/departments';
import { replyAddress } from '../../../../src-server/inbound/reply-address';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(() => server.stop());

async function emailUs(departmentId: string, email: string): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email, departmentId, question: 'Where is my invoice?' });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

async function sentTo(address: string): Promise<ParsedMail> {
  await server.app.runMailNow();
  const dir = join(server.dataDir, 'outbox');
  for (const name of await readdir(dir)) {
    const mail = await simpleParser(await readFile(join(dir, name)));
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    if (to.some((a) => a.value.some((v) => v.address === address))) return mail;
  }
  throw new Error(`no mail to ${address}`);
}

describe('customer mail about a ticket', () => {
  it('an EMAIL US acknowledgement answers to the department\'s signed reply address and names the ticket', async () => {
    const ticketId = await emailUs('technical', 'pat@example.com');
    const ack = await sentTo('pat@example.com');
    expect(ack.replyTo?.value[0]?.address).toBe(replyAddress(server.app.ctx.secret, 'tech@support.example.com', ticketId));
    expect(ack.headers.get('x-switchboard-ticket')).toBe(String(ticketId));
    // The first mail of a ticket opened by a form answers nothing.
    expect(ack.inReplyTo).toBeUndefined();
  });

  it('has no Reply-To when the ticket\'s department has no address', async () => {
    await server.app.ctx.writes.run((trx) => updateDepartment(trx, 'finance', { email: null }));
    const ticketId = await emailUs('finance', 'lee@example.com');
    const ack = await sentTo('lee@example.com');
    expect(ack.replyTo).toBeUndefined();
    expect(ack.headers.get('x-switchboard-ticket')).toBe(String(ticketId));
  });
});
