// Puts the server's dashboard figures (computed over its whole history) over the console's local estimate:
// wherever the server gives a number it wins; the local module still supplies what the server does not
// (load ratio, the 5-minute timeline, departments the server did not list). Pure, `now` passed in.
import type { DashboardStats as ServerStats } from '../../src-shared/stats';
import type { StatsSnapshot } from '../../src-shared/console-api';
import type { DashboardStats, DepartmentStats } from './dashboard-stats';
import { formatClock, formatDuration } from '../format/time';

/** Mean of per-department means weighted by their chats today (the server gives no overall average). */
function weightedMean(rows: readonly { value: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weight = 0;
  for (const r of rows) {
    if (r.value === null) continue;
    const w = Math.max(1, r.weight);
    sum += r.value * w;
    weight += w;
  }
  return weight === 0 ? null : sum / weight;
}

export function mergeServerStats(local: DashboardStats, server: ServerStats | null, now: number): DashboardStats {
  if (!server) return local;
  const byId = new Map(server.departments.map((d) => [d.departmentId, d]));
  const departments: DepartmentStats[] = local.departments.map((d) => {
    const s = byId.get(d.departmentId);
    if (!s) return d;
    return {
      ...d,
      waitingNow: s.waitingNow,
      longestWaitMs: s.longestWaitSince === null ? null : Math.max(0, now - s.longestWaitSince),
      inProgress: s.inProgress,
      specialistsOnline: s.specialistsOnline,
      chatsToday: s.chatsToday,
      avgWaitMs: s.avgWaitMs,
      avgFirstResponseMs: s.avgFirstResponseMs,
      missedToday: s.missedToday,
      ticketsByStatus: { ...d.ticketsByStatus, ...s.ticketsByStatus },
    };
  });
  const sum = (pick: (d: DepartmentStats) => number) => departments.reduce((a, d) => a + pick(d), 0);
  const ticketsByStatus = { ...local.total.ticketsByStatus };
  for (const key of Object.keys(ticketsByStatus) as (keyof typeof ticketsByStatus)[]) ticketsByStatus[key] = sum((d) => d.ticketsByStatus[key]);
  const waits = departments.map((d) => d.longestWaitMs).filter((v): v is number => v !== null);
  const total: DepartmentStats = {
    ...local.total,
    waitingNow: sum((d) => d.waitingNow),
    longestWaitMs: waits.length ? Math.max(...waits) : null,
    inProgress: sum((d) => d.inProgress),
    // A specialist in two departments counts once overall.
    specialistsOnline: server.specialists.filter((s) => s.status === 'online').length,
    chatsToday: sum((d) => d.chatsToday),
    avgWaitMs: weightedMean(departments.map((d) => ({ value: d.avgWaitMs, weight: d.chatsToday }))),
    avgFirstResponseMs: weightedMean(departments.map((d) => ({ value: d.avgFirstResponseMs, weight: d.chatsToday }))),
    missedToday: sum((d) => d.missedToday),
    ticketsByStatus,
  };
  const loads = new Map(server.specialists.map((s) => [s.specialistId, s]));
  const specialists = local.specialists.map((s) => {
    const l = loads.get(s.id);
    return l ? { ...s, status: l.status, active: l.activeChats, max: l.maxConcurrentChats } : s;
  });
  return { ...local, departments, total, specialists };
}

/**
 * "Now" on the server's clock: its `generatedAt` moved on by the time since the console fetched it. Server
 * instants (e.g. longestWaitSince) are measured against this, so a console clock that is off does not skew waits.
 */
export function serverClockNow(server: StatsSnapshot, now: number): number {
  return server.stats.generatedAt + Math.max(0, now - server.fetchedAt);
}

/** Where the dashboard's numbers come from, and how old they are when the server cannot be asked. */
export function statsSourceLabel(server: StatsSnapshot | null, now: number): string {
  if (server === null) return 'Today, estimated from this console';
  if (server.live) return 'Today, live from the server';
  return `Offline — server figures from ${formatClock(server.fetchedAt)} (${formatDuration(now - server.fetchedAt)} ago)`;
}
