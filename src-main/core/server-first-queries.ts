// The console queries that ask the server first and fall back to the cache offline: tickets beyond what sync
// brought (escalations across departments), a ticket's detail and audit, incidents, dashboard numbers.
// Every answer is checked against the shared schema before it is cached or shown.
import type { z } from 'zod';
import type { ConsoleResults, StatsSnapshot, consoleMethods } from '../../src-shared/console-api';
import { err, ok, type Result } from '../../src-shared/result';
import type { Specialist } from '../../src-shared/specialist';
import { ticketAuditEntrySchema, ticketSchema } from '../../src-shared/ticket';
import { incidentSchema } from '../../src-shared/incident';
import { dashboardStatsSchema } from '../../src-shared/stats';
import type { TicketDetail } from '../../src-shared/protocol/agent';
import type { Cache } from './cache/open-cache';
import type { Clock } from './clock';

type In<M extends keyof typeof consoleMethods> = z.output<(typeof consoleMethods)[M]>;

/** Asks the server when connected: null when it cannot be asked now (the caller uses the cache). */
export type FromServer = <T>(event: string, payload: unknown, parse: (value: unknown) => T | null) => Promise<Result<T> | null>;

/** A `fromServer` parser: the schema's output, or null when the server's answer does not fit it. */
const parseWith =
  <T>(schema: z.ZodType<T>) =>
  (value: unknown): T | null => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
const auditListSchema = ticketAuditEntrySchema.array();

export function createServerFirstQueries(deps: { cache: Cache; clock: Clock; fromServer: FromServer; me: () => Specialist | null }) {
  const { cache, clock, fromServer } = deps;
  return {
    async listTickets(input: In<'listTickets'>): Promise<Result<ConsoleResults['listTickets']>> {
      const assigneeId = input.mine ? deps.me()?.id : input.assigneeId;
      // Escalations live on the server across all departments; the cache only holds what sync brought.
      if (input.escalated && !input.query) {
        const { mine: _mine, query: _query, ...filter } = input;
        const live = await fromServer('tickets:list', { ...filter, ...(assigneeId ? { assigneeId } : {}) }, parseWith(ticketSchema.array()));
        if (live?.ok) {
          cache.transaction(() => {
            for (const t of live.value) cache.tickets.upsert(t);
          });
        }
        if (live) return live;
      }
      const ids = input.query ? cache.search.ticketIds(input.query, 500) : null;
      return ok(cache.tickets.list({ ...input, assigneeId }, ids));
    },

    async getTicket(input: In<'getTicket'>): Promise<Result<ConsoleResults['getTicket']>> {
      const live = await fromServer('ticket:get', input, (value) => {
        const detail = value as TicketDetail;
        const t = ticketSchema.safeParse(detail.ticket);
        const audit = auditListSchema.safeParse(detail.audit ?? []);
        return t.success && audit.success ? { ...detail, ticket: t.data, audit: audit.data, incidentIds: detail.incidentIds ?? [] } : null;
      });
      if (live?.ok) {
        const { ticket, comments, audit } = live.value;
        cache.transaction(() => {
          cache.tickets.upsert(ticket);
          for (const c of comments) cache.tickets.addComment(c);
          cache.ticketAudit.replace(ticket.id, audit);
        });
      }
      if (live) return live;
      const ticket = cache.tickets.get(input.ticketId);
      if (!ticket) return err('not_found', 'ticket not in the offline cache');
      const transcript = ticket.conversationId ? cache.messages.page(ticket.conversationId, undefined, 10_000) : [];
      return ok({
        ticket,
        comments: cache.tickets.comments(ticket.id),
        transcript,
        audit: cache.ticketAudit.list(ticket.id),
        incidentIds: cache.incidents.forTicket(ticket.id),
      });
    },

    async listIncidents(input: In<'listIncidents'>): Promise<Result<ConsoleResults['listIncidents']>> {
      const live = await fromServer('incidents:list', input, parseWith(incidentSchema.array()));
      if (live?.ok) {
        cache.transaction(() => {
          for (const i of live.value) cache.incidents.upsert(i);
        });
      }
      if (live) return live;
      return ok(cache.incidents.list(input.state ?? null));
    },

    /** Today's numbers from the server, or the last ones fetched (with their age) when offline. */
    async fetchStats(): Promise<Result<StatsSnapshot>> {
      const live = await fromServer('stats:get', {}, parseWith(dashboardStatsSchema));
      if (live?.ok) {
        const snapshot: StatsSnapshot = { stats: live.value, fetchedAt: clock.now(), live: true };
        cache.syncState.set('stats', JSON.stringify({ stats: snapshot.stats, fetchedAt: snapshot.fetchedAt }));
        return ok(snapshot);
      }
      if (live) return live;
      const stored = cache.syncState.get('stats');
      if (!stored) return err('offline', 'no dashboard numbers yet — they load when the connection is back');
      const { stats, fetchedAt } = JSON.parse(stored) as Omit<StatsSnapshot, 'live'>;
      return ok({ stats, fetchedAt, live: false });
    },
  };
}
