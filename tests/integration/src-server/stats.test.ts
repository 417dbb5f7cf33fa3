// stats:get: today's dashboard numbers computed by the server from its database, "today" from the injected clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DashboardStats } from '../../../src-shared/stats';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import { startServer, type TestServer } from '../../support/start-server';
import { IN_HOURS } from '../../support/fake-clock';
import { call, callOk } from '../../support/socket-clients';

const H = 3_600_000;
const M = 60_000;
/** Midnight in New York of the fake clock's day (EST, UTC-5). */
const D = Date.UTC(2026, 10, 18, 5, 0);

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ now: IN_HOURS });
});
afterEach(async () => {
  await server.stop();
});

interface Chat {
  departmentId: string;
  state: 'queued' | 'assigned' | 'active' | 'ended';
  specialistId?: string;
  queuedAt: number;
  assignedAt?: number;
  firstResponseAt?: number;
  endedAt?: number;
}

/** Known history written straight into the database, so every expected figure is exact. */
async function insertChat(c: Chat): Promise<void> {
  await server.app.ctx.db
    .insertInto('conversations')
    .values({
      id: randomUUID(),
      client_id: randomUUID(),
      department_id: c.departmentId,
      visitor_email: 'v@example.com',
      question: 'q',
      context_json: '{}',
      state: c.state,
      specialist_id: c.specialistId ?? null,
      ticket_id: null,
      visitor_token_hash: randomUUID(),
      queued_at: c.queuedAt,
      assigned_at: c.assignedAt ?? null,
      first_response_at: c.firstResponseAt ?? null,
      ended_at: c.endedAt ?? null,
      end_reason: c.endedAt ? (c.assignedAt ? 'specialist' : 'visitor_left') : null,
      last_seq: 1,
      last_activity_at: c.queuedAt,
    })
    .execute();
}

async function newTicket(departmentId: string): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'c@example.com', departmentId, question: 'Help' });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

describe('stats:get', () => {
  it('computes today per department, specialist loads and hourly buckets exactly', async () => {
    const lead = await server.connectSpecialist({ role: 'lead', displayName: 'Lee', departmentIds: [] });
    const avery = await server.createSpecialist({ displayName: 'Avery', departmentIds: ['technical'], maxConcurrentChats: 3 });
    const blake = await server.createSpecialist({ displayName: 'Blake', departmentIds: ['finance'], maxConcurrentChats: 2 });
    // Avery counts as online without a socket, so nothing routes the inserted queue behind the test's back.
    await server.app.ctx.db.updateTable('specialists').set({ status: 'online' }).where('id', '=', avery.specialist.id).execute();

    await insertChat({ departmentId: 'technical', state: 'ended', specialistId: avery.specialist.id, queuedAt: D - 2 * H, assignedAt: D - H, endedAt: D + H });
    await insertChat({ departmentId: 'technical', state: 'ended', specialistId: avery.specialist.id, queuedAt: D + H + 5 * M, assignedAt: D + H + 6 * M, firstResponseAt: D + H + 7 * M, endedAt: D + 2 * H });
    await insertChat({ departmentId: 'technical', state: 'active', specialistId: avery.specialist.id, queuedAt: D + 2 * H + 30 * M, assignedAt: D + 2 * H + 33 * M, firstResponseAt: D + 2 * H + 35 * M });
    await insertChat({ departmentId: 'technical', state: 'ended', queuedAt: D + 3 * H + 5 * M, endedAt: D + 3 * H + 15 * M });
    await insertChat({ departmentId: 'technical', state: 'queued', queuedAt: D + 9 * H + 45 * M });
    await insertChat({ departmentId: 'technical', state: 'queued', queuedAt: D + 10 * H + 10 * M });
    await insertChat({ departmentId: 'finance', state: 'assigned', specialistId: blake.specialist.id, queuedAt: D + 4 * H + 5 * M, assignedAt: D + 4 * H + 15 * M });
    const t1 = await newTicket('technical');
    await newTicket('technical');
    await newTicket('finance');
    await callOk(lead.socket, 'ticket:update', { clientId: randomUUID(), ticketId: t1, patch: { status: 'awaiting_reply' } });
    await server.clock.advance(30 * M); // 15:30 UTC = 10:30 in New York

    const stats = await callOk<DashboardStats>(lead.socket, 'stats:get', {});
    expect(stats.dayStart).toBe(D);
    expect(stats.generatedAt).toBe(D + 10 * H + 30 * M);
    const zero = { open: 0, awaiting_reply: 0, fixed_pending_rca: 0, solved: 0, closed: 0 };
    expect(stats.departments.find((d) => d.departmentId === 'technical')).toEqual({
      departmentId: 'technical',
      waitingNow: 2,
      longestWaitSince: D + 9 * H + 45 * M,
      inProgress: 1,
      specialistsOnline: 1,
      chatsToday: 5,
      avgWaitMs: 2 * M,
      avgFirstResponseMs: 3.5 * M,
      missedToday: 1,
      ticketsByStatus: { ...zero, open: 1, awaiting_reply: 1 },
    });
    expect(stats.departments.find((d) => d.departmentId === 'finance')).toEqual({
      departmentId: 'finance',
      waitingNow: 0,
      longestWaitSince: null,
      inProgress: 1,
      specialistsOnline: 0,
      chatsToday: 1,
      avgWaitMs: 10 * M,
      avgFirstResponseMs: null,
      missedToday: 0,
      ticketsByStatus: { ...zero, open: 1 },
    });
    expect(stats.departments.find((d) => d.departmentId === 'av-media')).toMatchObject({ waitingNow: 0, chatsToday: 0, avgWaitMs: null, ticketsByStatus: zero });
    expect(stats.specialists).toEqual([
      { specialistId: avery.specialist.id, displayName: 'Avery', status: 'online', activeChats: 1, maxConcurrentChats: 3 },
      { specialistId: blake.specialist.id, displayName: 'Blake', status: 'offline', activeChats: 1, maxConcurrentChats: 2 },
      { specialistId: lead.specialist.id, displayName: 'Lee', status: 'online', activeChats: 0, maxConcurrentChats: 4 },
    ]);
    expect(stats.hourly.map((h) => h.hourStart)).toEqual(Array.from({ length: 11 }, (_, i) => D + i * H));
    expect(stats.hourly.map((h) => h.queued)).toEqual([0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1]);
    expect(stats.hourly.map((h) => h.assigned)).toEqual([0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(stats.hourly.map((h) => h.waitingAtEnd)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
  });

  it('is for leads and admins only', async () => {
    const agent = await server.connectSpecialist();
    expect(await call(agent.socket, 'stats:get', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
