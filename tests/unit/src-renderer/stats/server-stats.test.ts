import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../../src-renderer/stats/dashboard-stats';
import { mergeServerStats, serverClockNow, statsSourceLabel } from '../../../../src-renderer/stats/server-stats';
import type { DashboardStats as ServerStats } from '../../../../src-shared/stats';
import { conversation, department, specialist } from '../factories';

const MIN = 60_000;
const now = 120 * MIN;
const s1 = specialist({ departmentIds: ['technical'], status: 'online', maxConcurrentChats: 3 });
const local = computeDashboard({
  departments: [department('technical', 0), department('finance', 1)],
  conversations: [conversation({ departmentId: 'technical', queuedAt: 110 * MIN })],
  specialists: [s1],
  tickets: [],
  now,
  dayStart: 0,
});
const dept = (departmentId: string, over: Partial<ServerStats['departments'][number]> = {}): ServerStats['departments'][number] => ({
  departmentId,
  waitingNow: 0,
  longestWaitSince: null,
  inProgress: 0,
  specialistsOnline: 0,
  chatsToday: 0,
  avgWaitMs: null,
  avgFirstResponseMs: null,
  missedToday: 0,
  ticketsByStatus: { open: 0, awaiting_reply: 0, fixed_pending_rca: 0, solved: 0, closed: 0 },
  ...over,
});
const server: ServerStats = {
  dayStart: 0,
  generatedAt: now,
  departments: [
    dept('technical', { waitingNow: 4, longestWaitSince: 100 * MIN, inProgress: 2, specialistsOnline: 1, chatsToday: 30, avgWaitMs: 60_000, missedToday: 2, ticketsByStatus: { open: 7, awaiting_reply: 1, fixed_pending_rca: 0, solved: 3, closed: 0 } }),
  ],
  specialists: [{ specialistId: s1.id, displayName: 'A', status: 'away', activeChats: 2, maxConcurrentChats: 3 }],
  hourly: [],
};

describe('mergeServerStats', () => {
  it('keeps the local estimate when there are no server figures', () => {
    expect(mergeServerStats(local, null, now)).toBe(local);
  });

  it('uses the server figure wherever there is one, computing the longest wait from its start', () => {
    const merged = mergeServerStats(local, server, now);
    const tech = merged.departments.find((d) => d.departmentId === 'technical')!;
    expect(tech).toMatchObject({ waitingNow: 4, longestWaitMs: 20 * MIN, inProgress: 2, chatsToday: 30, avgWaitMs: 60_000, missedToday: 2 });
    expect(tech.ticketsByStatus.open).toBe(7);
    expect(merged.specialists.find((s) => s.id === s1.id)).toMatchObject({ status: 'away', active: 2, max: 3 });
  });

  it('keeps local figures for a department the server did not list, and totals across all', () => {
    const merged = mergeServerStats(local, server, now);
    const finance = merged.departments.find((d) => d.departmentId === 'finance')!;
    expect(finance).toEqual(local.departments.find((d) => d.departmentId === 'finance'));
    expect(merged.total.waitingNow).toBe(4 + finance.waitingNow);
    expect(merged.total.ticketsByStatus.open).toBe(7 + finance.ticketsByStatus.open);
    expect(merged.total.specialistsOnline).toBe(0);
    expect(merged.timeline).toBe(local.timeline);
  });
});

describe('statsSourceLabel', () => {
  it('says whether the numbers are estimated, live, or the last server figures and how old', () => {
    expect(statsSourceLabel(null, now)).toBe('Today, estimated from this console');
    expect(statsSourceLabel({ stats: server, fetchedAt: now, live: true }, now)).toBe('Today, live from the server');
    expect(statsSourceLabel({ stats: server, fetchedAt: now - 3 * MIN, live: false }, now)).toMatch(/^Offline — server figures from \d\d:\d\d \(3m 00s ago\)$/);
  });
});

describe('serverClockNow', () => {
  it('measures from the server clock, so a console clock days ahead does not inflate waits', () => {
    const consoleNow = now + 5 * 24 * 60 * MIN;
    const snap = { stats: server, fetchedAt: consoleNow - 2 * MIN, live: true };
    expect(serverClockNow(snap, consoleNow)).toBe(server.generatedAt + 2 * MIN);
    const merged = mergeServerStats(local, server, serverClockNow(snap, consoleNow));
    expect(merged.departments.find((d) => d.departmentId === 'technical')?.longestWaitMs).toBe(22 * MIN);
  });

  it('never runs the server clock backwards when the console clock stepped back after the fetch', () => {
    expect(serverClockNow({ stats: server, fetchedAt: now, live: true }, now - MIN)).toBe(server.generatedAt);
  });
});
