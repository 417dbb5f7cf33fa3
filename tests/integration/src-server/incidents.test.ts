// Incidents declared by leads: linked tickets with audit, a banner through the notice service, lead-only events, resolution mails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Incident } from '../../../src-shared/incident';
import type { SystemNotice } from '../../../src-shared/notice';
import type { Ticket } from '../../../src-shared/ticket';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import type { EventsPage } from '../../../src-shared/events';
import type { TestServer } from '../../support/start-server';
import type { SmtpSink } from '../../support/smtp-sink';
import { startServerWithMail } from '../../support/server-with-mail';
import { call, callOk } from '../../support/socket-clients';

let server: TestServer;
let sink: SmtpSink;
let stop: () => Promise<void>;
beforeEach(async () => {
  ({ server, sink, stop } = await startServerWithMail());
});
afterEach(() => stop());

async function newTicket(email: string, departmentId = 'technical'): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email, departmentId, question: 'The stream is black' });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

describe('ticket detail and filters', () => {
  it('ticket:get returns the audit trail oldest first and the linked incidents', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    const id = await newTicket('pat@example.com');
    await callOk(lead.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { subject: 'Black stream' } });
    await server.clock.advance(1000);
    await callOk(lead.socket, 'ticket:update', { clientId: randomUUID(), ticketId: id, patch: { status: 'awaiting_reply' } });
    const incident = await callOk<Incident>(lead.socket, 'incident:create', { clientId: randomUUID(), title: 'Streaming down', category: 'streaming', ticketIds: [id] });

    const detail = await callOk<TicketDetail>(lead.socket, 'ticket:get', { ticketId: id });
    // Delivery attempts of the acknowledgement (field "email") land whenever the outbox gets to them; not this test's subject.
    expect(detail.audit.filter((a) => a.field !== 'email').map((a) => [a.field, a.to])).toEqual([
      ['subject', 'Black stream'],
      ['status', 'awaiting_reply'],
      ['incident', incident.id],
    ]);
    expect(detail.incidentIds).toEqual([incident.id]);
  });

  it('tickets:list with escalated: true lists only escalated tickets', async () => {
    const dana = await server.connectSpecialist();
    const lead = await server.connectSpecialist({ role: 'lead' });
    const plain = await newTicket('a@example.com');
    const escalated = await newTicket('b@example.com', 'finance');
    await callOk(dana.socket, 'ticket:escalate', { clientId: randomUUID(), ticketId: escalated, category: 'streaming', note: 'engineering please' });

    expect((await callOk<Ticket[]>(lead.socket, 'tickets:list', { escalated: true })).map((t) => t.id)).toEqual([escalated]);
    expect((await callOk<Ticket[]>(lead.socket, 'tickets:list', { escalated: false })).map((t) => t.id)).toEqual([plain]);
    const technicalOnly = await server.connectSpecialist({ departmentIds: ['technical'] });
    expect(await callOk<Ticket[]>(technicalOnly.socket, 'tickets:list', { escalated: true })).toEqual([]);
  });
});

describe('incidents', () => {
  it('a lead declares an incident with a banner; leads get incident.updated live and by events:since, agents never do', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    const agent = await server.connectSpecialist();
    const visitor = await server.connectVisitor();
    const t1 = await newTicket('a@example.com');
    const agentCursor = (await callOk<{ cursor: number }>(agent.socket, 'snapshot:get', {})).cursor;

    const input = { clientId: randomUUID(), title: 'Streaming down for event 7', category: 'streaming', eid: 'ev-7', ticketIds: [t1], notice: { severity: 'outage', text: 'Streaming is down' } };
    const incident = await callOk<Incident>(lead.socket, 'incident:create', input);
    expect(incident).toMatchObject({ title: 'Streaming down for event 7', category: 'streaming', eid: 'ev-7', state: 'open', ticketIds: [t1], createdBy: lead.specialist.id });
    const notice = await visitor.inbox.next<SystemNotice | null>('notice', (n) => n !== null);
    expect(notice).toMatchObject({ severity: 'outage', text: 'Streaming is down' });
    expect(incident.noticeId).toBe(notice?.id);

    // Same client id: the same incident back, nothing new.
    expect(await callOk<Incident>(lead.socket, 'incident:create', input)).toEqual(incident);
    expect(await callOk<Incident[]>(lead.socket, 'incidents:list', {})).toEqual([incident]);

    const live = await lead.inbox.nextEvent('incident.updated', (e) => e.payload.id === incident.id);
    expect(live.payload).toEqual(incident);
    const leadPage = await callOk<EventsPage>(lead.socket, 'events:since', { since: 0 });
    expect(leadPage.events.filter((e) => e.type === 'incident.updated').map((e) => e.payload)).toEqual([incident]);

    const t2 = await newTicket('b@example.com');
    const linked = await callOk<Incident>(lead.socket, 'incident:link', { clientId: randomUUID(), incidentId: incident.id, ticketIds: [t2, t1] });
    expect(linked.ticketIds).toEqual([t1, t2]);
    await lead.inbox.nextEvent('incident.updated', (e) => e.payload.ticketIds.length === 2);
    // The agent saw the audit entries of the tickets (their departments) but no incident event, live or on catch-up.
    await agent.inbox.nextEvent('ticket.audit', (e) => e.payload.ticketId === t2 && e.payload.field === 'incident');
    const agentPage = await callOk<EventsPage>(agent.socket, 'events:since', { since: agentCursor });
    expect(agentPage.events.filter((e) => e.type === 'ticket.audit' && e.payload.field === 'incident').map((e) => e.type === 'ticket.audit' && e.payload.ticketId)).toEqual([t1, t2]);
    expect(agentPage.events.some((e) => e.type === 'incident.updated')).toBe(false);
    expect(agent.inbox.events().some((e) => e.type === 'incident.updated')).toBe(false);

    for (const [event, payload] of [
      ['incident:create', input],
      ['incident:link', { clientId: randomUUID(), incidentId: incident.id, ticketIds: [t1] }],
      ['incident:resolve', { clientId: randomUUID(), incidentId: incident.id, note: 'x' }],
      ['incidents:list', {}],
    ] as const) {
      expect(await call(agent.socket, event, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('linking an unknown ticket is refused and creates nothing, not even the banner', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    const visitor = await server.connectVisitor();
    const res = await call(lead.socket, 'incident:create', { clientId: randomUUID(), title: 'x', category: 'streaming', ticketIds: [99999], notice: { severity: 'outage', text: 'down' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callOk<Incident[]>(lead.socket, 'incidents:list', {})).toEqual([]);
    const page = await callOk<EventsPage>(visitor.socket, 'events:since', { since: 0 });
    expect(page.events.filter((e) => e.type === 'notice.updated')).toEqual([]);
  });

  it('resolving clears its banner and emails each linked requester once; a retry sends nothing more', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    const visitor = await server.connectVisitor();
    const a1 = await newTicket('a@example.com');
    const a2 = await newTicket('a@example.com', 'finance');
    const b1 = await newTicket('b@example.com');
    const incident = await callOk<Incident>(lead.socket, 'incident:create', {
      clientId: randomUUID(),
      title: 'Login outage',
      category: 'platform_access',
      ticketIds: [a1, a2, b1],
      notice: { severity: 'outage', text: 'Logins fail' },
    });
    await visitor.inbox.next<SystemNotice | null>('notice', (n) => n !== null);

    const resolve = { clientId: randomUUID(), incidentId: incident.id, note: 'Logins work again.', notifyRequesters: true };
    const resolved = await callOk<Incident>(lead.socket, 'incident:resolve', resolve);
    expect(resolved).toMatchObject({ state: 'resolved', resolutionNote: 'Logins work again.', resolvedAt: server.clock.now() });
    expect(await visitor.inbox.next('notice', (n) => n === null)).toBeNull();

    const resolvedMails = () => sink.mails.filter((m) => m.subject.startsWith('Resolved:'));
    // Queued with the resolve, sent by the outbox right after the commit; runMailNow waits for that pass.
    await server.app.runMailNow();
    expect(resolvedMails().map((m) => m.to).sort()).toEqual([['a@example.com'], ['b@example.com']]);
    const toA = resolvedMails().find((m) => m.to.includes('a@example.com'));
    expect(toA?.text).toContain(`#${a1}, #${a2}`);
    expect(toA?.text).toContain('Logins work again.');

    expect(await callOk<Incident>(lead.socket, 'incident:resolve', resolve)).toEqual(resolved);
    await server.app.runMailNow();
    expect(resolvedMails()).toHaveLength(2);
    expect(await call(lead.socket, 'incident:resolve', { ...resolve, clientId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(lead.socket, 'incident:link', { clientId: randomUUID(), incidentId: incident.id, ticketIds: [a1] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await callOk<Incident[]>(lead.socket, 'incidents:list', { state: 'open' })).length).toBe(0);
    expect((await callOk<Incident[]>(lead.socket, 'incidents:list', { state: 'resolved' })).map((i) => i.id)).toEqual([incident.id]);
  });

  it('resolving leaves a newer notice in place', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    const incident = await callOk<Incident>(lead.socket, 'incident:create', { clientId: randomUUID(), title: 'x', category: 'streaming', notice: { severity: 'info', text: 'old' } });
    const newer = await callOk<SystemNotice>(lead.socket, 'notice:set', { clientId: randomUUID(), notice: { severity: 'info', text: 'maintenance tonight' } });
    await callOk(lead.socket, 'incident:resolve', { clientId: randomUUID(), incidentId: incident.id, note: 'fixed' });
    const late = await server.connectVisitor();
    expect(await late.inbox.next('notice')).toEqual(newer);
  });
});
