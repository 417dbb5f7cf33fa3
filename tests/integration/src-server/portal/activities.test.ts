// My activities: the tickets a signed-in customer asked about or is copied on, their public view, comments with the
// shared reply rules (reopen, follow-up, CCs), files uploaded through the portal, and idempotent retries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { EmailRequestReceipt } from '../../../../src-shared/protocol/http';
import { portalCommentReceiptSchema, portalTicketDetailSchema, portalTicketListSchema, type PortalCommentReceipt, type PortalTicketDetail, type PortalTicketList } from '../../../../src-shared/protocol/portal';
import type { Ticket } from '../../../../src-shared/ticket';
import { resolutionCatalog } from '../../../../src-shared/resolution-catalog';
import { signCommentLink } from '../../../../src-server/auth/tokens';
import { startServer, type TestServer, type TestSpecialist } from '../../../support/start-server';
import { callOk, type AgentSocket } from '../../../support/socket-clients';
import { PNG, portalFetch, portalUpload, signIn } from './portal-client';

let server: TestServer;
let dana: TestSpecialist & { socket: AgentSocket };
beforeEach(async () => {
  server = await startServer();
  dana = await server.connectSpecialist({ role: 'lead', departmentIds: [] });
});
afterEach(() => server.stop());

async function emailUs(email: string, question = 'Cannot log in', departmentId = 'technical'): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email, departmentId, question });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

const patch = (ticketId: number, p: object) => callOk<Ticket>(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId, patch: p });
const solve = (ticketId: number) => patch(ticketId, { status: 'solved', resolution: { typeId: 'code-fix', catalogVersion: resolutionCatalog.version } });
const close = (ticketId: number) => server.app.ctx.db.updateTable('tickets').set({ status: 'closed' }).where('id', '=', ticketId).execute();
const comment = (cookie: string, ticketId: number, body: object) => portalFetch<PortalCommentReceipt>(server, 'POST', `/api/portal/tickets/${ticketId}/comments`, { cookie, body: { clientId: randomUUID(), ...body } });
const commentCount = async () => (await server.app.ctx.db.selectFrom('ticket_comments').select('id').execute()).length;

describe('the list', () => {
  it('shows the tickets the customer asked about and those they are copied on, newest first, and no others', async () => {
    const asked = await emailUs('pat@example.com', 'Mine');
    const copied = await emailUs('boss@example.com', 'Copied');
    await patch(copied, { ccs: ['Pat@Example.com'] });
    await emailUs('stranger@example.com', 'Not mine');
    // An address that merely contains Pat's is not Pat's.
    const lookalike = await emailUs('x@example.com');
    await patch(lookalike, { ccs: ['xpat@example.com'] });
    const cookie = await signIn(server, 'pat@example.com');

    const list = await portalFetch<PortalTicketList>(server, 'GET', '/api/portal/tickets', { cookie });
    expect(list.status).toBe(200);
    if (!list.body.ok) throw new Error(list.body.error.message);
    expect(list.body.value.tickets.map((t) => [t.id, t.role, t.subject, t.departmentName])).toEqual([
      [copied, 'cc', 'Copied', 'Technical'],
      [asked, 'requester', 'Mine', 'Technical'],
    ]);
    expect(list.body.value.tickets[0]).toMatchObject({ status: 'open', statusLabel: 'Open', channel: 'email', statusMeaning: expect.stringContaining('open') });
    expect(list.body.value.nextBeforeId).toBeNull();
    // The answer is exactly what the shared schema says.
    expect(portalTicketListSchema.parse(list.body.value)).toEqual(list.body.value);
  });

  it('filters by status and refuses an unknown one', async () => {
    const a = await emailUs('pat@example.com', 'First');
    const b = await emailUs('pat@example.com', 'Second');
    await solve(a);
    const cookie = await signIn(server, 'pat@example.com');
    const ids = async (q: string) => {
      const res = await portalFetch<PortalTicketList>(server, 'GET', `/api/portal/tickets${q}`, { cookie });
      return res.body.ok ? res.body.value.tickets.map((t) => t.id) : res.body.error.code;
    };
    expect(await ids('?status=solved')).toEqual([a]);
    expect(await ids('?status=open')).toEqual([b]);
    expect(await ids('?status=open,solved')).toEqual([b, a]);
    expect(await ids('?status=closed')).toEqual([]);
    expect(await ids('?status=bogus')).toBe('bad_request');
    expect(await ids('?beforeId=0')).toBe('bad_request');
  });

  it('pages 50 at a time with beforeId', async () => {
    const cookie = await signIn(server, 'many@example.com');
    const made: number[] = [];
    for (let i = 0; i < 52; i++) {
      const res = await portalFetch<{ ticketId: number }>(server, 'POST', '/api/portal/requests', { cookie, body: { clientId: randomUUID(), departmentId: 'finance', subject: `R${i}`, description: 'd' } });
      if (!res.body.ok) throw new Error(res.body.error.message);
      made.push(res.body.value.ticketId);
    }
    const first = await portalFetch<PortalTicketList>(server, 'GET', '/api/portal/tickets', { cookie });
    if (!first.body.ok) throw new Error(first.body.error.message);
    expect(first.body.value.tickets).toHaveLength(50);
    expect(first.body.value.nextBeforeId).toBe(made[2]);
    const second = await portalFetch<PortalTicketList>(server, 'GET', `/api/portal/tickets?beforeId=${first.body.value.nextBeforeId}`, { cookie });
    expect(second.body.ok && second.body.value).toEqual({ tickets: [expect.objectContaining({ id: made[1] }), expect.objectContaining({ id: made[0] })], nextBeforeId: null });
  });

  it('needs a session', async () => {
    expect(await portalFetch(server, 'GET', '/api/portal/tickets')).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorized' } } });
    expect(await portalFetch(server, 'GET', '/api/portal/tickets', { cookie: 'sb_portal=forged-token-forged-token-forged-token-12' })).toMatchObject({ status: 401 });
  });
});

describe('a ticket', () => {
  it('shows the public comments and CCs, never internal notes', async () => {
    const id = await emailUs('pat@example.com', 'Export fails');
    await callOk(dana.socket, 'ticket:comment', { clientId: randomUUID(), ticketId: id, body: 'SECRET customer is VIP', internal: true });
    await callOk(dana.socket, 'ticket:comment', { clientId: randomUUID(), ticketId: id, body: 'We are on it', internal: false });
    await patch(id, { ccs: ['boss@example.com'] });
    const cookie = await signIn(server, 'pat@example.com');
    const res = await portalFetch<PortalTicketDetail>(server, 'GET', `/api/portal/tickets/${id}`, { cookie });
    if (!res.body.ok) throw new Error(res.body.error.message);
    expect(res.body.value).toMatchObject({ id, requesterEmail: 'pat@example.com', ccs: ['boss@example.com'], role: 'requester', followUpOf: null, transcript: [] });
    expect(res.body.value.comments.map((c) => c.body)).toEqual(['Export fails', 'We are on it']);
    expect(JSON.stringify(res.body.value)).not.toContain('SECRET');
    expect(portalTicketDetailSchema.parse(res.body.value)).toEqual(res.body.value);
  });

  it("answers 404 alike for someone else's ticket and a missing one, and for bad ids 400", async () => {
    const theirs = await emailUs('other@example.com');
    const cookie = await signIn(server, 'pat@example.com');
    const other = await portalFetch(server, 'GET', `/api/portal/tickets/${theirs}`, { cookie });
    const missing = await portalFetch(server, 'GET', '/api/portal/tickets/9999', { cookie });
    expect(other).toMatchObject({ status: 404, body: { ok: false, error: { code: 'not_found' } } });
    expect(other.body).toEqual(missing.body);
    expect((await portalFetch(server, 'GET', '/api/portal/tickets/abc', { cookie })).status).toBe(400);
    // Nor can they comment on it or upload to it.
    expect((await comment(cookie, theirs, { body: 'hi' })).status).toBe(404);
    expect((await portalUpload(server, `/api/portal/tickets/${theirs}/attachments`, cookie, 'a.png', PNG)).status).toBe(404);
    expect(await server.app.ctx.db.selectFrom('attachments').select('id').execute()).toEqual([]);
  });
});

describe('comments', () => {
  it('reopen a Solved ticket, and a retry with the same client id answers the first receipt', async () => {
    const id = await emailUs('pat@example.com');
    await solve(id);
    const cookie = await signIn(server, 'pat@example.com');
    const body = { clientId: randomUUID(), body: 'Still broken' };
    const first = await portalFetch<PortalCommentReceipt>(server, 'POST', `/api/portal/tickets/${id}/comments`, { cookie, body });
    expect(first.status).toBe(201);
    expect(first.body.ok && first.body.value).toMatchObject({ ticketId: id, followUp: false, comment: { body: 'Still broken', authorName: 'pat@example.com', authorKind: 'customer' }, ticket: { status: 'open' } });
    const count = await commentCount();
    const again = await portalFetch<PortalCommentReceipt>(server, 'POST', `/api/portal/tickets/${id}/comments`, { cookie, body });
    expect(again.body).toEqual(first.body);
    expect(portalCommentReceiptSchema.parse(first.body.ok && first.body.value)).toEqual(first.body.ok && first.body.value);
    expect(await commentCount()).toBe(count);
  });

  it('on a Closed ticket start a linked follow-up the customer can open', async () => {
    const id = await emailUs('pat@example.com');
    await close(id);
    const cookie = await signIn(server, 'pat@example.com');
    const res = await comment(cookie, id, { body: 'It happened again' });
    if (!res.body.ok) throw new Error(res.body.error.message);
    const followUp = res.body.value.ticketId;
    expect(followUp).not.toBe(id);
    expect(res.body.value).toMatchObject({ followUp: true, ticket: { id: followUp, status: 'open', followUpOf: id, channel: 'web' } });
    expect((await portalFetch<PortalTicketDetail>(server, 'GET', `/api/portal/tickets/${id}`, { cookie })).body).toMatchObject({ ok: true, value: { status: 'closed' } });
  });

  it('may only add CCs (no words needed, no reopening); a Closed ticket takes new CCs only with a comment', async () => {
    const id = await emailUs('pat@example.com');
    await patch(id, { status: 'awaiting_reply' });
    const cookie = await signIn(server, 'pat@example.com');
    const res = await comment(cookie, id, { ccs: ['Boss@Example.com', 'pat@example.com'] });
    expect(res.status).toBe(201);
    expect(res.body.ok && res.body.value).toMatchObject({ comment: null, followUp: false, ticket: { status: 'awaiting_reply', ccs: ['boss@example.com'] } });
    // The CC now sees it, and writes as themselves.
    const boss = await signIn(server, 'boss@example.com');
    const bossSays = await comment(boss, id, { body: 'Adding context' });
    expect(bossSays.body.ok && bossSays.body.value).toMatchObject({ comment: { authorName: 'boss@example.com' }, ticket: { role: 'cc', status: 'open' } });

    const closed = await emailUs('pat@example.com');
    await close(closed);
    expect(await comment(cookie, closed, { ccs: ['new@example.com'] })).toMatchObject({ status: 409, body: { ok: false, error: { code: 'conflict' } } });
    expect((await portalFetch<PortalTicketDetail>(server, 'GET', `/api/portal/tickets/${closed}`, { cookie })).body).toMatchObject({ ok: true, value: { ccs: [] } });
  });

  it('refuse an empty comment and a bad body with bad_request, changing nothing', async () => {
    const id = await emailUs('pat@example.com');
    const cookie = await signIn(server, 'pat@example.com');
    const count = await commentCount();
    for (const body of [{ body: '   ' }, { body: 'x', ccs: ['not-an-address'] }, { body: 'x'.repeat(10_001) }, { body: 'x', attachmentIds: ['nope'] }]) {
      expect(await comment(cookie, id, body)).toMatchObject({ status: 400, body: { ok: false, error: { code: 'bad_request' } } });
    }
    expect((await portalFetch(server, 'POST', `/api/portal/tickets/${id}/comments`, { cookie, body: { body: 'no client id' } })).status).toBe(400);
    expect(await commentCount()).toBe(count);
  });
});

describe('files', () => {
  it('a file uploaded to the ticket is attached by a comment, then shown and downloadable; not before', async () => {
    const id = await emailUs('pat@example.com');
    const cookie = await signIn(server, 'pat@example.com');
    const up = await portalUpload(server, `/api/portal/tickets/${id}/attachments`, cookie, 'screen.png', PNG);
    expect(up.status).toBe(201);
    if (!up.body.ok) throw new Error(up.body.error.message);
    const att = up.body.value;
    const download = (ticketId: number, c = cookie) => fetch(`${server.url}/api/portal/tickets/${ticketId}/attachments/${att.id}`, { headers: { cookie: c } });
    expect((await download(id)).status).toBe(404);

    const posted = await comment(cookie, id, { body: 'See screenshot', attachmentIds: [att.id] });
    expect(posted.body.ok && posted.body.value.comment?.attachments).toEqual([att]);
    const dl = await download(id);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await dl.arrayBuffer()).equals(PNG)).toBe(true);
    // A file sent once cannot be sent again.
    expect(await comment(cookie, id, { body: 'again', attachmentIds: [att.id] })).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    // Not through another ticket, another customer's session, or no session.
    const mineToo = await emailUs('pat@example.com');
    expect((await download(mineToo)).status).toBe(404);
    expect((await download(id, await signIn(server, 'other@example.com'))).status).toBe(404);
    expect((await download(id, '')).status).toBe(401);
  });

  it("refuses someone else's upload, a comment-link upload and another ticket's upload", async () => {
    const id = await emailUs('pat@example.com');
    await patch(id, { ccs: ['boss@example.com'] });
    const pat = await signIn(server, 'pat@example.com');
    const boss = await signIn(server, 'boss@example.com');
    const bossFile = await portalUpload(server, `/api/portal/tickets/${id}/attachments`, boss, 'b.png', PNG);
    const sig = encodeURIComponent(signCommentLink(server.app.ctx.secret, id, server.clock.now() + 3_600_000));
    const form = new FormData();
    form.append('file', new Blob([PNG]), 'link.png');
    const linkFile = (await (await fetch(`${server.url}/api/comment/${id}/attachments?sig=${sig}`, { method: 'POST', body: form })).json()) as { value: { id: string } };
    const other = await emailUs('pat@example.com');
    const otherFile = await portalUpload(server, `/api/portal/tickets/${other}/attachments`, pat, 'o.png', PNG);
    const requestFile = await portalUpload(server, '/api/portal/uploads', pat, 'r.png', PNG);
    const count = await commentCount();
    for (const file of [bossFile.body.ok && bossFile.body.value.id, linkFile.value.id, otherFile.body.ok && otherFile.body.value.id, requestFile.body.ok && requestFile.body.value.id, randomUUID()]) {
      expect(await comment(pat, id, { body: 'with a file', attachmentIds: [file] })).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    }
    expect(await commentCount()).toBe(count);
  });

  it('an upload needs a multipart body from our own origin and a session, and counts against the upload budget', async () => {
    await server.stop();
    server = await startServer({ env: { RATE_LIMIT_UPLOAD: 'ip=1/10m' } });
    dana = await server.connectSpecialist({ role: 'lead', departmentIds: [] });
    const id = await emailUs('pat@example.com');
    const cookie = await signIn(server, 'pat@example.com');
    const path = `/api/portal/tickets/${id}/attachments`;
    expect((await portalUpload(server, path, '', 'a.png', PNG)).status).toBe(401);
    const json = await portalFetch(server, 'POST', path, { cookie, body: { file: 'x' } });
    expect(json).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    const form = new FormData();
    form.append('file', new Blob([PNG]), 'a.png');
    expect((await fetch(`${server.url}${path}`, { method: 'POST', body: form, headers: { cookie, origin: 'https://evil.example' } })).status).toBe(403);
    expect((await portalUpload(server, path, cookie, 'a.png', PNG)).status).toBe(201);
    expect(await portalUpload(server, path, cookie, 'b.png', PNG)).toMatchObject({ status: 429, body: { ok: false, error: { code: 'rate_limited' } } });
    expect(await server.app.ctx.db.selectFrom('attachments').select('id').execute()).toHaveLength(1);
  });
});
