// Lead dashboard figures estimated from what the console already has (conversations, specialists, tickets).
// The server's own figures (getStats) replace them where they exist (server-stats.ts); this still supplies
// the load ratio and the 5-minute timeline, and everything before the first answer. Pure, `now` passed in.
import type { Conversation } from '../../src-shared/conversation';
import type { Department } from '../../src-shared/department';
import type { Specialist } from '../../src-shared/specialist';
import type { Ticket } from '../../src-shared/ticket';
import { ticketStatuses, type TicketStatus } from '../../src-shared/ticket-lifecycle';

export type DepartmentStats = {
  departmentId: string;
  name: string;
  waitingNow: number;
  longestWaitMs: number | null;
  inProgress: number;
  specialistsOnline: number;
  /** Chats in progress over the online specialists' capacity, 0..1 (null when nobody is online). */
  loadRatio: number | null;
  chatsToday: number;
  /** Queued → assigned, over chats assigned today. */
  avgWaitMs: number | null;
  /** Queued → first specialist reply, i.e. what the visitor waited for a human answer. */
  avgFirstResponseMs: number | null;
  /** Chats requested today that ended without ever being assigned. */
  missedToday: number;
  ticketsByStatus: Record<TicketStatus, number>;
};

export type SpecialistLoad = { id: string; name: string; status: Specialist['status']; active: number; max: number; departmentIds: string[] };

export type TimelinePoint = { at: number; waiting: number; inProgress: number };

export type DashboardStats = {
  departments: DepartmentStats[];
  total: DepartmentStats;
  specialists: SpecialistLoad[];
  timeline: TimelinePoint[];
};

export type DashboardInput = {
  departments: readonly Department[];
  conversations: readonly Conversation[];
  specialists: readonly Specialist[];
  tickets: readonly Ticket[];
  now: number;
  dayStart: number;
  /** Spacing of timeline samples. */
  stepMs?: number;
};

const emptyStatusCounts = (): Record<TicketStatus, number> =>
  Object.fromEntries(ticketStatuses.map((s) => [s, 0])) as Record<TicketStatus, number>;

const average = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

function statsFor(
  id: string,
  name: string,
  conversations: readonly Conversation[],
  specialists: readonly Specialist[],
  tickets: readonly Ticket[],
  now: number,
  dayStart: number,
): DepartmentStats {
  const waiting = conversations.filter((c) => c.state === 'queued');
  const inProgress = conversations.filter((c) => c.state === 'assigned' || c.state === 'active').length;
  const online = specialists.filter((s) => s.status === 'online');
  const capacity = online.reduce((sum, s) => sum + s.maxConcurrentChats, 0);
  const today = conversations.filter((c) => c.queuedAt >= dayStart);
  const waits = today.flatMap((c) => (c.assignedAt === null ? [] : [c.assignedAt - c.queuedAt]));
  const firstResponses = today.flatMap((c) => (c.firstResponseAt === null ? [] : [c.firstResponseAt - c.queuedAt]));
  const ticketsByStatus = emptyStatusCounts();
  for (const t of tickets) ticketsByStatus[t.status]++;
  return {
    departmentId: id,
    name,
    waitingNow: waiting.length,
    longestWaitMs: waiting.length === 0 ? null : now - Math.min(...waiting.map((c) => c.queuedAt)),
    inProgress,
    specialistsOnline: online.length,
    loadRatio: capacity === 0 ? null : inProgress / capacity,
    chatsToday: today.length,
    avgWaitMs: average(waits),
    avgFirstResponseMs: average(firstResponses),
    missedToday: today.filter((c) => c.state === 'ended' && c.assignedAt === null).length,
    ticketsByStatus,
  };
}

/** How many chats were waiting and in progress at each sample instant from the day's start to now. */
export function timeline(conversations: readonly Conversation[], dayStart: number, now: number, stepMs: number): TimelinePoint[] {
  const relevant = conversations.filter((c) => (c.endedAt ?? Infinity) >= dayStart && c.queuedAt <= now);
  const points: TimelinePoint[] = [];
  for (let at = dayStart; at <= now; at += stepMs) points.push(sample(relevant, at));
  if (points.length === 0 || points[points.length - 1]!.at !== now) points.push(sample(relevant, now));
  return points;
}

function sample(conversations: readonly Conversation[], at: number): TimelinePoint {
  let waiting = 0;
  let inProgress = 0;
  for (const c of conversations) {
    if (c.queuedAt > at) continue;
    const end = c.endedAt ?? Infinity;
    const assigned = c.assignedAt ?? Infinity;
    if (at < Math.min(assigned, end)) waiting++;
    else if (assigned <= at && at < end) inProgress++;
  }
  return { at, waiting, inProgress };
}

export function computeDashboard(input: DashboardInput): DashboardStats {
  const { conversations, specialists, tickets, now, dayStart } = input;
  const departments = [...input.departments].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  // Load comes from the conversations themselves: they change live, the roster's counter only on its own events.
  const liveBySpecialist = new Map<string, number>();
  for (const c of conversations) {
    if (c.specialist && (c.state === 'assigned' || c.state === 'active')) liveBySpecialist.set(c.specialist.id, (liveBySpecialist.get(c.specialist.id) ?? 0) + 1);
  }
  return {
    departments: departments.map((d) =>
      statsFor(
        d.id,
        d.name,
        conversations.filter((c) => c.departmentId === d.id),
        specialists.filter((s) => s.departmentIds.includes(d.id)),
        tickets.filter((t) => t.departmentId === d.id),
        now,
        dayStart,
      ),
    ),
    total: statsFor('*', 'All departments', conversations, specialists, tickets, now, dayStart),
    specialists: specialists
      .map((s) => ({ id: s.id, name: s.displayName, status: s.status, active: liveBySpecialist.get(s.id) ?? 0, max: s.maxConcurrentChats, departmentIds: s.departmentIds }))
      .sort((a, b) => statusRank(a.status) - statusRank(b.status) || b.active - a.active || a.name.localeCompare(b.name)),
    timeline: timeline(conversations, dayStart, now, input.stepMs ?? 10 * 60_000),
  };
}

const statusRank = (s: Specialist['status']): number => (s === 'online' ? 0 : s === 'away' ? 1 : 2);
