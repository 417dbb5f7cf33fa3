// Submit a request (a web ticket with files, acknowledged like EMAIL US but never capped) and Contacts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { EmailRequestReceipt } from '../../../../src-shared/protocol/http';
import { departmentContactsSchema, type DepartmentContact, type PortalRequestReceipt, type PortalTicketDetail } from '../../../../src-shared/protocol/portal';
import { startServer, type TestServer } from '../../../support/start-server';
import { PNG, portalFetch, portalUpload, signIn } from './portal-client';

let server: TestServer;
beforeEach(async () => {
  // Saturday, outside every department's hours: the portal takes requests at any hour. No unverified mail at all.
  server = await startServer({ now: Date.UTC(2026, 10, 21, 15, 0), env: { UNVERIFIED_MAIL_PER_HOUR: '0' } });
});
afterEach(() => server.stop());

const submit = (cookie: string, body: object, headers?: Record<string, string>) =>
  portalFetch<PortalRequestReceipt>(server, 'POST', '/api/portal/requests', { cookie, body: { clientId: randomUUID(), departmentId: 'finance', subject: 'Invoice 42', description: 'Please resend it.', ...body }, ...(headers ? { headers } : {}) });
const ticketRows = () => server.app.ctx.db.selectFrom('tickets').select(['id', 'channel', 'subject', 'requester_email', 'ccs_json']).execute();
const acks = () => server.app.ctx.db.selectFrom('mail_outbox').select(['to_address', 'ticket_id', 'kind']).where('kind', '=', 'email_ack').execute();

describe('Submit a request', () => {
  it('creates a web ticket with the uploaded files and queues the acknowledgement, even past the unverified cap', async () => {
    const cookie = await signIn(server, 'pat@example.com');
    const up = await portalUpload(server, '/api/portal/uploads', cookie, 'invoice.png', PNG);
    expect(up.status).toBe(201);
    if (!up.body.ok) throw new Error(up.body.error.message);
    const held = await server.app.ctx.db.selectFrom('attachments').select(['ticket_id', 'portal_owner', 'conversation_id']).where('id', '=', up.body.value.id).executeTakeFirst();
    expect(held).toEqual({ ticket_id: null, portal_owner: 'pat@example.com', conversation_id: null });

    const res = await submit(cookie, { attachmentIds: [up.body.value.id], ccs: ['Boss@Example.com', 'pat@example.com'], context: { pid: 'p7' } });
    expect(res.status).toBe(201);
    if (!res.body.ok) throw new Error(res.body.error.message);
    const receipt = res.body.value;
    // The same promise EMAIL US makes: Monday 9:00 in New York.
    expect(receipt).toMatchObject({ expectedReplyBy: Date.UTC(2026, 10, 23, 14, 0), expectedReplyText: expect.stringContaining('Mon–Fri 9 am to 5 pm') });
    expect(await ticketRows()).toEqual([{ id: receipt.ticketId, channel: 'web', subject: 'Invoice 42', requester_email: 'pat@example.com', ccs_json: '["boss@example.com"]' }]);
    expect(await acks()).toEqual([{ to_address: 'pat@example.com', ticket_id: receipt.ticketId, kind: 'email_ack' }]);
    const taken = await server.app.ctx.db.selectFrom('attachments').select('ticket_id').where('id', '=', up.body.value.id).executeTakeFirst();
    expect(Number(taken?.ticket_id)).toBe(receipt.ticketId);

    const detail = await portalFetch<PortalTicketDetail>(server, 'GET', `/api/portal/tickets/${receipt.ticketId}`, { cookie });
    expect(detail.body.ok && detail.body.value.comments.map((c) => [c.body, c.attachments.map((a) => a.fileName)])).toEqual([['Please resend it.', ['invoice.png']]]);
    const dl = await fetch(`${server.url}/api/portal/tickets/${receipt.ticketId}/attachments/${up.body.value.id}`, { headers: { cookie } });
    expect(dl.status).toBe(200);

    // The cap is real for an address nobody proved: EMAIL US under the same settings sends nothing.
    const emailUs = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'pat@example.com', departmentId: 'finance', question: 'q' });
    expect(emailUs.status).toBe(201);
    expect(await acks()).toHaveLength(1);
  });

  it('a retry with the same client id answers the first receipt and creates nothing more', async () => {
    const cookie = await signIn(server, 'pat@example.com');
    const clientId = randomUUID();
    const first = await submit(cookie, { clientId });
    const again = await submit(cookie, { clientId, subject: 'Changed' });
    expect(again.body).toEqual(first.body);
    expect(await ticketRows()).toHaveLength(1);
    expect(await acks()).toHaveLength(1);
  });

  it("refuses someone else's upload, an upload a request already took and a ticket's upload, creating nothing", async () => {
    const pat = await signIn(server, 'pat@example.com');
    const other = await signIn(server, 'other@example.com');
    const theirs = await portalUpload(server, '/api/portal/uploads', other, 'x.png', PNG);
    const mine = await portalUpload(server, '/api/portal/uploads', pat, 'y.png', PNG);
    if (!theirs.body.ok || !mine.body.ok) throw new Error('upload failed');
    expect(await submit(pat, { attachmentIds: [mine.body.value.id, theirs.body.value.id] })).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    expect(await ticketRows()).toEqual([]);
    const used = await submit(pat, { attachmentIds: [mine.body.value.id] });
    expect(used.status).toBe(201);
    expect((await submit(pat, { attachmentIds: [mine.body.value.id] })).status).toBe(403);
    const ticketId = used.body.ok ? used.body.value.ticketId : 0;
    const onTicket = await portalUpload(server, `/api/portal/tickets/${ticketId}/attachments`, pat, 'z.png', PNG);
    expect((await submit(pat, { attachmentIds: [onTicket.body.ok && onTicket.body.value.id] })).status).toBe(403);
    expect(await ticketRows()).toHaveLength(1);
    expect(await acks()).toHaveLength(1);
  });

  it('answers typed errors for bad input, an unknown department, a reused client id, no session and another origin', async () => {
    const cookie = await signIn(server, 'pat@example.com');
    for (const body of [{ subject: '' }, { description: '  ' }, { departmentId: 'Not A Slug' }, { ccs: ['nope'] }, { subject: 'x'.repeat(201) }]) {
      expect(await submit(cookie, body)).toMatchObject({ status: 400, body: { ok: false, error: { code: 'bad_request' } } });
    }
    expect(await submit(cookie, { departmentId: 'nowhere' })).toMatchObject({ status: 404, body: { ok: false, error: { code: 'not_found' } } });
    expect(await submit('', {})).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorized' } } });
    expect(await submit(cookie, {}, { origin: 'https://evil.example' })).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    expect(await ticketRows()).toEqual([]);

    // A client id some other request already used (here: another address's EMAIL US) never answers with that ticket.
    const clientId = randomUUID();
    await server.http('POST', '/api/email-requests', { clientId, email: 'victim@example.com', departmentId: 'finance', question: 'private' });
    expect(await submit(cookie, { clientId })).toMatchObject({ status: 409, body: { ok: false, error: { code: 'conflict' } } });
    expect(await ticketRows()).toHaveLength(1);
  });

  it('an upload no request took is deleted by the unsent-upload sweep; one a request took stays', async () => {
    const cookie = await signIn(server, 'pat@example.com');
    const kept = await portalUpload(server, '/api/portal/uploads', cookie, 'kept.png', PNG);
    await portalUpload(server, '/api/portal/uploads', cookie, 'dropped.png', PNG);
    expect((await submit(cookie, { attachmentIds: [kept.body.ok && kept.body.value.id] })).status).toBe(201);
    await server.clock.advance(server.config.unsentUploadMaxAgeMs + 1);
    expect(await server.app.sweepUnsentUploadsNow()).toBe(1);
    expect((await server.app.ctx.db.selectFrom('attachments').select('file_name').execute()).map((r) => r.file_name)).toEqual(['kept.png']);
  });

  it('an upload for a request needs a session', async () => {
    expect((await portalUpload(server, '/api/portal/uploads', '', 'a.png', PNG)).status).toBe(401);
    expect(await server.app.ctx.db.selectFrom('attachments').select('id').execute()).toEqual([]);
  });
});

describe('Contacts', () => {
  it("lists every department's direct address and hours without a session", async () => {
    await server.app.ctx.db.updateTable('departments').set({ email: 'finance@example.com' }).where('id', '=', 'finance').execute();
    await server.app.ctx.db.updateTable('departments').set({ email: null }).where('id', '=', 'technical').execute();
    const res = await portalFetch<{ departments: DepartmentContact[] }>(server, 'GET', '/api/portal/contacts');
    expect(res.status).toBe(200);
    if (!res.body.ok) throw new Error(res.body.error.message);
    const finance = res.body.value.departments.find((d) => d.departmentId === 'finance');
    expect(finance).toMatchObject({ name: 'Finance', email: 'finance@example.com', hoursText: expect.stringContaining('Mon–Fri 9 am to 5 pm'), schedule: { zone: expect.any(String) } });
    expect(res.body.value.departments.find((d) => d.departmentId === 'technical')?.email).toBeNull();
    expect(res.body.value.departments).toHaveLength(5);
    expect(departmentContactsSchema.parse(res.body.value)).toEqual(res.body.value);
  });
});
