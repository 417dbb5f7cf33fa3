import { describe, expect, it } from 'vitest';
import { computeDashboard, timeline } from '../../../../src-renderer/stats/dashboard-stats';
import { conversation, department, specialist, ticket } from '../factories';

const MIN = 60_000;
const day = 0;
const now = 120 * MIN;
const who = { id: '10000000-0000-4000-8000-000000000001', displayName: 'A' };

describe('computeDashboard', () => {
  const conversations = [
    conversation({ departmentId: 'technical', queuedAt: 100 * MIN }), // waiting 20 min
    conversation({ departmentId: 'technical', queuedAt: 110 * MIN }), // waiting 10 min
    conversation({ departmentId: 'technical', state: 'active', specialist: who, queuedAt: 10 * MIN, assignedAt: 12 * MIN, firstResponseAt: 13 * MIN }),
    conversation({ departmentId: 'technical', state: 'ended', specialist: who, queuedAt: 20 * MIN, assignedAt: 24 * MIN, firstResponseAt: 27 * MIN, endedAt: 40 * MIN }),
    conversation({ departmentId: 'technical', state: 'ended', queuedAt: 50 * MIN, endedAt: 55 * MIN, endReason: 'visitor_left' }),
    conversation({ departmentId: 'finance', state: 'ended', queuedAt: -60 * MIN, assignedAt: -59 * MIN, endedAt: -30 * MIN }), // yesterday
  ];
  const specialists = [
    specialist({ id: who.id, departmentIds: ['technical'], status: 'online', maxConcurrentChats: 3, activeChats: 0 }),
    specialist({ departmentIds: ['technical', 'finance'], status: 'online', maxConcurrentChats: 1 }),
    specialist({ departmentIds: ['technical'], status: 'away', maxConcurrentChats: 5 }),
  ];
  const tickets = [ticket({ id: 1, status: 'open' }), ticket({ id: 2, status: 'solved' }), ticket({ id: 3, status: 'open', departmentId: 'finance' })];
  const stats = computeDashboard({ departments: [department('technical', 1), department('finance', 0)], conversations, specialists, tickets, now, dayStart: day });
  const tech = stats.departments.find((d) => d.departmentId === 'technical')!;

  it('orders departments by position', () => {
    expect(stats.departments.map((d) => d.departmentId)).toEqual(['finance', 'technical']);
  });

  it('counts waiting visitors and the longest current wait', () => {
    expect(tech.waitingNow).toBe(2);
    expect(tech.longestWaitMs).toBe(20 * MIN);
  });

  it('relates chats in progress to the online specialists’ capacity', () => {
    expect(tech.inProgress).toBe(1);
    expect(tech.specialistsOnline).toBe(2);
    expect(tech.loadRatio).toBeCloseTo(1 / 4);
  });

  it('averages wait and first response over today’s chats only', () => {
    expect(tech.chatsToday).toBe(5);
    expect(tech.avgWaitMs).toBe(3 * MIN); // (2 + 4) / 2
    expect(tech.avgFirstResponseMs).toBe(5 * MIN); // (3 + 7) / 2
    expect(stats.departments[0]!.chatsToday).toBe(0);
  });

  it('counts chats that ended without ever being assigned as missed', () => {
    expect(tech.missedToday).toBe(1);
  });

  it('counts tickets by status per department and in total', () => {
    expect(tech.ticketsByStatus.open).toBe(1);
    expect(tech.ticketsByStatus.solved).toBe(1);
    expect(stats.total.ticketsByStatus.open).toBe(2);
  });

  it('lists online specialists first, busiest first, counting their live chats', () => {
    expect(stats.specialists.map((s) => s.status)).toEqual(['online', 'online', 'away']);
    expect(stats.specialists[0]).toMatchObject({ id: who.id, active: 1 });
  });

  it('reports no averages when nothing happened', () => {
    const empty = computeDashboard({ departments: [department('x')], conversations: [], specialists: [], tickets: [], now, dayStart: day });
    expect(empty.total).toMatchObject({ waitingNow: 0, longestWaitMs: null, avgWaitMs: null, avgFirstResponseMs: null, loadRatio: null });
  });
});

describe('timeline', () => {
  it('samples how many chats were waiting and in progress at each step, ending at now', () => {
    const convs = [conversation({ queuedAt: 5 * MIN, assignedAt: 15 * MIN, endedAt: 25 * MIN, state: 'ended' }), conversation({ queuedAt: 12 * MIN })];
    const points = timeline(convs, 0, 27 * MIN, 10 * MIN);
    expect(points).toEqual([
      { at: 0, waiting: 0, inProgress: 0 },
      { at: 10 * MIN, waiting: 1, inProgress: 0 },
      { at: 20 * MIN, waiting: 1, inProgress: 1 },
      { at: 27 * MIN, waiting: 1, inProgress: 0 },
    ]);
  });
});
