// The whole server on PostgreSQL (DATABASE_URL): a chat with a retried send, and an EMAIL US ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Message } from '../../../src-shared/message';
import type { Conversation } from '../../../src-shared/conversation';
import type { EmailRequestReceipt, HealthStatus } from '../../../src-shared/protocol/http';
import type { Incident } from '../../../src-shared/incident';
import type { DashboardStats } from '../../../src-shared/stats';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';

const reason = postgresUnavailableReason();

describe.skipIf(reason !== null)(`server on PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let pg: TestPostgres;
  let server: TestServer;
  beforeAll(async () => {
    pg = await startPostgres();
    server = await startServer({ databaseUrl: pg.url });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await pg?.stop();
  });

  it('runs a chat and an email request end to end', async () => {
    const health = (await (await fetch(`${server.url}/health`)).json()) as HealthStatus;
    expect(health.db).toBe('postgres');
    const dana = await server.connectSpecialist();
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'pg@example.com', departmentId: 'technical', question: 'On Postgres?' });
    expect(s.conversation.state).toBe('assigned');
    const clientId = randomUUID();
    const a = await callOk<Message>(v.socket, 'message:send', { clientId, body: 'once' });
    const b = await callOk<Message>(v.socket, 'message:send', { clientId, body: 'once' });
    expect(b).toEqual(a);
    const ended = await callOk<Conversation>(dana.socket, 'chat:end', { clientId: randomUUID(), conversationId: s.conversation.id });
    expect(ended.lastSeq).toBe(4);
    const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'pg@example.com', departmentId: 'finance', question: 'Invoice' });
    expect(res.status).toBe(201);
  });

  it('runs incidents and the dashboard queries', async () => {
    const lead = await server.connectSpecialist({ role: 'lead', departmentIds: [] });
    const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'pg2@example.com', departmentId: 'technical', question: 'Down?' });
    if (!res.body.ok) throw new Error(res.body.error.message);
    const ticketId = res.body.value.ticketId;
    const incident = await callOk<Incident>(lead.socket, 'incident:create', { clientId: randomUUID(), title: 'Outage', category: 'streaming', ticketIds: [ticketId] });
    await callOk(lead.socket, 'incident:resolve', { clientId: randomUUID(), incidentId: incident.id, note: 'ok' });
    expect((await callOk<Incident[]>(lead.socket, 'incidents:list', { state: 'resolved' })).map((i) => [i.id, i.ticketIds])).toEqual([[incident.id, [ticketId]]]);
    expect((await callOk<TicketDetail>(lead.socket, 'ticket:get', { ticketId })).incidentIds).toEqual([incident.id]);

    const stats = await callOk<DashboardStats>(lead.socket, 'stats:get', {});
    const technical = stats.departments.find((d) => d.departmentId === 'technical');
    // The chat of the first test: queued, assigned and answered at the same fake instant, then ended.
    expect(technical).toMatchObject({ chatsToday: 1, avgWaitMs: 0, missedToday: 0, inProgress: 0, ticketsByStatus: { open: 2 } });
    expect(stats.hourly.reduce((n, h) => n + h.queued, 0)).toBe(1);
    expect(stats.specialists.find((s) => s.specialistId === lead.specialist.id)).toMatchObject({ status: 'online', activeChats: 0 });
  });
});
