// The portal's SQL on PostgreSQL: the one-time link, the requester-or-CC listing (LIKE with escaped wildcards, case)
// and a request taking its uploads. Skipped only where PostgreSQL is not installed (the reason is in the title).
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { EmailRequestReceipt } from '../../../../src-shared/protocol/http';
import { portalRequestReceiptSchema, portalTicketListSchema } from '../../../../src-shared/protocol/portal';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../../support/postgres';
import { startServer, type TestServer } from '../../../support/start-server';
import { callOk } from '../../../support/socket-clients';
import { PNG, lastLinkToken, portalFetch, portalUpload, signIn } from './portal-client';

let pg: TestPostgres | null = null;
let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  await pg?.stop();
  server = null;
  pg = null;
});

const reason = postgresUnavailableReason();
describe('the portal on PostgreSQL', () => {
  it.skipIf(reason !== null)(`lists requester and CC tickets, uses a link once and takes uploads${reason ? ` (skipped: ${reason})` : ''}`, async () => {
    pg = await startPostgres();
    server = await startServer({ databaseUrl: pg.url });
    const s = server;
    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const emailUs = async (email: string) => {
      const res = await s.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email, departmentId: 'technical', question: 'q' });
      if (!res.body.ok) throw new Error(res.body.error.message);
      return res.body.value.ticketId;
    };
    const asked = await emailUs('a_b@example.com');
    const copied = await emailUs('boss@example.com');
    await callOk(lead.socket, 'ticket:update', { clientId: randomUUID(), ticketId: copied, patch: { ccs: ['A_B@example.com'] } });
    // `_` is a LIKE wildcard: axb@example.com must not match a_b@example.com's pattern, nor the other way round.
    const lookalike = await emailUs('x@example.com');
    await callOk(lead.socket, 'ticket:update', { clientId: randomUUID(), ticketId: lookalike, patch: { ccs: ['axb@example.com'] } });

    await portalFetch(s, 'POST', '/api/portal/sign-in', { body: { email: 'a_b@example.com' } });
    const token = await lastLinkToken(s, 'a_b@example.com');
    const uses = await Promise.all([1, 2, 3].map(() => portalFetch(s, 'POST', '/api/portal/session', { body: { token } })));
    expect(uses.map((u) => u.status).sort()).toEqual([201, 409, 409]);
    const cookie = await signIn(s, 'a_b@example.com');

    const list = await portalFetch(s, 'GET', '/api/portal/tickets', { cookie });
    const parsed = portalTicketListSchema.parse(list.body.ok && list.body.value);
    expect(parsed.tickets.map((t) => [t.id, t.role])).toEqual([
      [copied, 'cc'],
      [asked, 'requester'],
    ]);
    const axb = await signIn(s, 'axb@example.com');
    const theirs = await portalFetch(s, 'GET', '/api/portal/tickets', { cookie: axb });
    expect(portalTicketListSchema.parse(theirs.body.ok && theirs.body.value).tickets.map((t) => t.id)).toEqual([lookalike]);

    const up = await portalUpload(s, '/api/portal/uploads', cookie, 'a.png', PNG);
    const made = await portalFetch(s, 'POST', '/api/portal/requests', { cookie, body: { clientId: randomUUID(), departmentId: 'finance', subject: 'S', description: 'D', attachmentIds: [up.body.ok && up.body.value.id] } });
    expect(made.status).toBe(201);
    const receipt = portalRequestReceiptSchema.parse(made.body.ok && made.body.value);
    const row = await s.app.ctx.db.selectFrom('attachments').select('ticket_id').executeTakeFirst();
    expect(Number(row?.ticket_id)).toBe(receipt.ticketId);
  }, 60_000);
});
