// Tickets through the agent namespace: transitions, resolutions, audit events, internal comments, escalation, follow-ups.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Ticket, TicketComment } from '../../../src-shared/ticket';
import type { EmailRequestReceipt, CustomerCommentReceipt } from '../../../src-shared/protocol/http';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import type { EventsPage } from '../../../src-shared/events';
import { resolutionCatalog } from '../../../src-shared/resolution-catalog';
import { signCommentLink } from '../../../src-server/auth/tokens';
import { startServer, type TestServer } from '../../support/start-server';
import { call, callOk } from '../../support/socket-clients';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

async function newTicket(departmentId = 'technical'): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'cust@example.com', departmentId, question: 'Cannot log in' });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

const resolution = (typeId: string, extra: object = {}) => ({ typeId, catalogVersion: resolutionCatalog.version, ...extra });

describe('ticket updates', () => {
  it('solves with a valid resolution, audits every change and refuses illegal moves', async () => {
    const dana = await server.connectSpecialist();
    const id = await newTicket();
    const snap = await callOk<{ cursor: number }>(dana.socket, 'snapshot:get', {});

    const noRes = await call(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { status: 'solved' } });
    expect(noRes).toMatchObject({ ok: false, error: { code: 'invalid_resolution' } });
    const systemOnly = await call(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { status: 'solved', resolution: resolution('auto-solved-no-response') } });
    expect(systemOnly).toMatchObject({ ok: false, error: { code: 'invalid_resolution' } });
    const closed = await call(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { status: 'closed' } });
    expect(closed).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });

    const solved = await callOk<Ticket>(dana.socket, 'ticket:update', {
      clientId: randomUUID(),
      ticketId: id,
      patch: { status: 'solved', resolution: resolution('code-fix'), ccs: ['boss@example.com'] },
    });
    expect(solved).toMatchObject({ status: 'solved', resolution: { typeId: 'code-fix' }, ccs: ['boss@example.com'] });
    expect(solved.solvedAt).toBe(server.clock.now());

    const page = await callOk<EventsPage>(dana.socket, 'events:since', { since: snap.cursor });
    // The acknowledgement's delivery attempt (field "email") may land in the window too; this test is about the update.
    const audited = page.events.flatMap((e) => (e.type === 'ticket.audit' && e.payload.field !== 'email' ? [e.payload.field] : []));
    expect(audited.sort()).toEqual(['ccs', 'resolution', 'status']);
    const statusAudit = page.events.find((e) => e.type === 'ticket.audit' && e.payload.field === 'status');
    expect(statusAudit?.payload).toMatchObject({ from: 'open', to: 'solved', actorKind: 'specialist', actorId: dana.specialist.id });
  });

  it('a duplicate must link an existing ticket', async () => {
    const dana = await server.connectSpecialist();
    const original = await newTicket();
    const dup = await newTicket();
    const bad = await call(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: dup, patch: { status: 'solved', resolution: resolution('duplicate', { linkedTicketId: 9999 }) } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_resolution' } });
    const good = await callOk<Ticket>(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: dup, patch: { status: 'solved', resolution: resolution('duplicate', { linkedTicketId: original }) } });
    expect(good.resolution?.linkedTicketId).toBe(original);
  });

  it('internal comments stay internal; the customer page never shows them', async () => {
    const dana = await server.connectSpecialist();
    const id = await newTicket();
    const note = await callOk<TicketComment>(dana.socket, 'ticket:comment', { clientId: randomUUID(), ticketId: id, body: 'INTERNAL: check logs' });
    expect(note.internal).toBe(true);
    await callOk(dana.socket, 'ticket:comment', { clientId: randomUUID(), ticketId: id, body: 'We are on it.', internal: false });
    const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId: id });
    expect(detail.comments.map((c) => c.body)).toEqual(['Cannot log in', 'INTERNAL: check logs', 'We are on it.']);
    const sig = signCommentLink(server.app.ctx.secret, id, server.clock.now() + 60_000);
    const page = await server.http<{ comments: TicketComment[] }>('GET', `/api/comment/${id}?sig=${encodeURIComponent(sig)}`);
    expect(page.body.ok && page.body.value.comments.map((c) => c.body)).toEqual(['Cannot log in', 'We are on it.']);
  });

  it('escalates with a category and records who did it', async () => {
    const dana = await server.connectSpecialist();
    const id = await newTicket();
    const t = await callOk<Ticket>(dana.socket, 'ticket:escalate', { clientId: randomUUID(), ticketId: id, category: 'streaming', note: 'Black screens for many' });
    expect(t.escalation).toMatchObject({ category: 'streaming', by: dana.specialist.id });
    expect(t.category).toBe('streaming');
  });

  it('a customer reply reopens a solved ticket, and a reply to a closed one creates a linked follow-up', async () => {
    const dana = await server.connectSpecialist();
    const id = await newTicket();
    await callOk(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { status: 'solved', resolution: resolution('technical') } });
    const sig = encodeURIComponent(signCommentLink(server.app.ctx.secret, id, server.clock.now() + 60_000));
    const reply = await server.http<CustomerCommentReceipt>('POST', `/api/comment/${id}?sig=${sig}`, { body: 'Still broken' });
    expect(reply.body.ok && reply.body.value).toMatchObject({ ticketId: id, followUp: false, status: 'open' });

    await server.app.ctx.db
      .updateTable('tickets')
      .set({ status: 'closed', workaround: 'Use the backup stream', rca_note: 'CDN node failed' })
      .where('id', '=', id)
      .execute();
    const late = await server.http<CustomerCommentReceipt>('POST', `/api/comment/${id}?sig=${sig}`, { body: 'Again broken', ccs: ['boss@example.com'] });
    if (!late.body.ok) throw new Error(late.body.error.message);
    expect(late.body.value.followUp).toBe(true);
    const follow = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId: late.body.value.ticketId });
    expect(follow.ticket.followUpOf).toBe(id);
    expect(follow.comments.map((c) => c.body)).toEqual(['Again broken']);
    // The follow-up is a new question: the closed ticket's outcome does not carry over, the new CC does.
    expect(follow.ticket).toMatchObject({ status: 'open', resolution: null, workaround: null, rcaNote: null, escalation: null });
    expect(follow.ticket.ccs).toContain('boss@example.com');
  });

  it('an agent cannot read tickets of other departments', async () => {
    const fin = await server.connectSpecialist({ departmentIds: ['finance'] });
    const id = await newTicket('technical');
    expect(await call(fin.socket, 'ticket:get', { ticketId: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(fin.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { subject: 'x' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('Fixed – Pending RCA', () => {
  it('needs a workaround to enter, and keeps the RCA note', async () => {
    const dana = await server.connectSpecialist();
    const id = await newTicket();
    const bare = await call(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { status: 'fixed_pending_rca' } });
    expect(bare).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    const fixed = await callOk<Ticket>(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { status: 'fixed_pending_rca', workaround: 'Use Firefox for now' } });
    expect(fixed.workaround).toBe('Use Firefox for now');
    const noted = await callOk<Ticket>(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { rcaNote: 'CDN cache bug' } });
    expect(noted).toMatchObject({ status: 'fixed_pending_rca', rcaNote: 'CDN cache bug' });
  });
});
