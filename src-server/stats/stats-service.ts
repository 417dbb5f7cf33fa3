// stats:get for leads and admins: today's dashboard numbers from the database, "today" by the injected clock.
import { err, ok, type Result } from '../../src-shared/result';
import type { DashboardStats } from '../../src-shared/stats';
import { ticketStatuses, type TicketStatus } from '../../src-shared/ticket-lifecycle';
import type { AgentActor, ServerContext } from '../context';
import { listDepartments } from '../db/departments';
import { chatSpans, departmentCounts, specialistLoads } from '../db/stats';
import { dayStart, hourlyBuckets } from './day-window';
import { outboxStats } from '../db/mail-outbox';
import { sessionOutcomesSince } from '../db/help-suggestion-events';
import { suggestionStats } from '../help/suggestion-stats';

const presence = (s: string): 'online' | 'away' | 'offline' => (s === 'online' || s === 'away' ? s : 'offline');

export async function dashboardStats(ctx: ServerContext, actor: AgentActor): Promise<Result<DashboardStats>> {
  if (actor.role === 'agent') return err('forbidden', 'Only leads and admins see the dashboard.');
  const now = ctx.clock.now();
  const from = dayStart(now, ctx.config.statsTimeZone);
  const [departments, counts, loads, spans, mail, suggestionSessions] = await Promise.all([
    listDepartments(ctx.db),
    departmentCounts(ctx.db, from, now),
    specialistLoads(ctx.db),
    chatSpans(ctx.db, from),
    outboxStats(ctx.db),
    sessionOutcomesSince(ctx.db, from),
  ]);
  const round = (n: number | undefined) => (n === undefined ? null : Math.round(n));
  return ok({
    dayStart: from,
    timeZone: ctx.config.statsTimeZone,
    generatedAt: now,
    departments: departments.map((d) => {
      const waiting = counts.waiting.get(d.id);
      const statuses = counts.ticketsByStatus.get(d.id);
      return {
        departmentId: d.id,
        waitingNow: waiting?.count ?? 0,
        longestWaitSince: waiting?.since ?? null,
        inProgress: counts.inProgress.get(d.id) ?? 0,
        specialistsOnline: counts.specialistsOnline.get(d.id) ?? 0,
        chatsToday: counts.chatsToday.get(d.id) ?? 0,
        avgWaitMs: round(counts.avgWaitMs.get(d.id)),
        avgFirstResponseMs: round(counts.avgFirstResponseMs.get(d.id)),
        missedToday: counts.missedToday.get(d.id) ?? 0,
        ticketsByStatus: Object.fromEntries(ticketStatuses.map((s) => [s, statuses?.get(s) ?? 0])) as Record<TicketStatus, number>,
      };
    }),
    specialists: loads.map((l) => ({ specialistId: l.id, displayName: l.displayName, status: presence(l.status), activeChats: l.activeChats, maxConcurrentChats: l.maxConcurrentChats })),
    hourly: hourlyBuckets(spans, from, now),
    mail,
    helpSuggestions: suggestionStats(suggestionSessions),
  });
}
