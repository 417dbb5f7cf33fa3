// The console queries that ask the server first and fall back to the cache offline: tickets beyond what sync
// brought (escalations across departments), a ticket's detail and audit, incidents, dashboard numbers.
// Every answer arrives checked against its shared schema (the sync engine parses it) before it is cached or shown.
import type { z } from 'zod';
import type { ConsoleResults, StatsSnapshot, consoleMethods } from '../../src-shared/console-api';
import { err, ok, type Result } from '../../src-shared/result';
import type { Specialist } from '../../src-shared/specialist';
import type { AgentAnswer, AgentAnswerEvent } from '../../src-shared/protocol/agent-answers';
import type { Cache } from './cache/open-cache';
import type { Clock } from './clock';

type In<M extends keyof typeof consoleMethods> = z.output<(typeof consoleMethods)[M]>;

/** Asks the server when connected (answer parsed): null when it cannot be asked now (the caller uses the cache). */
export type FromServer = <E extends AgentAnswerEvent>(event: E, payload: unknown) => Promise<Result<AgentAnswer<E>> | null>;

export function createServerFirstQueries(deps: { cache: Cache; clock: Clock; fromServer: FromServer; me: () => Specialist | null }) {
  const { cache, clock, fromServer } = deps;
  return {
    async listTickets(input: In<'listTickets'>): Promise<Result<ConsoleResults['listTickets']>> {
      const assigneeId = input.mine ? deps.me()?.id : input.assigneeId;
      // Escalations live on the server across all departments; the cache only holds what sync brought.
      if (input.escalated && !input.query) {
        const { mine: _mine, query: _query, ...filter } = input;
        const live = await fromServer('tickets:list', { ...filter, ...(assigneeId ? { assigneeId } : {}) });
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
      const live = await fromServer('ticket:get', input);
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
      const live = await fromServer('incidents:list', input);
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
      const live = await fromServer('stats:get', {});
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
