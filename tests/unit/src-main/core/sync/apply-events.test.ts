import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../../../src-main/core/cache/open-cache';
import { applyEnvelopes, applySnapshot } from '../../../../../src-main/core/sync/apply-events';
import type { EventEnvelope } from '../../../../../src-shared/events';
import type { TicketAuditEntry } from '../../../../../src-shared/ticket';
import type { Incident } from '../../../../../src-shared/incident';
import { conversation, department, message, specialist, ticket } from '../../entity-fixtures';

let cache: Cache;
afterEach(() => cache?.close());

const env = <T extends EventEnvelope['type']>(seq: number, type: T, payload: Extract<EventEnvelope, { type: T }>['payload']) =>
  ({ seq, at: seq, type, payload }) as EventEnvelope;

describe('applyEnvelopes', () => {
  it('applies envelopes in order and moves the cursor to the last seq', () => {
    cache = openCache(':memory:');
    const c = conversation();
    const changes = applyEnvelopes(
      cache,
      [env(1, 'conversation.updated', c), env(2, 'message.created', message({ conversationId: c.id, seq: 1 })), env(3, 'ticket.updated', ticket({ id: 5 }))],
      { collectTriggers: false },
    );
    expect(changes.cursor).toBe(3);
    expect(cache.syncState.cursor()).toBe(3);
    expect(cache.conversations.get(c.id)?.lastSeq).toBe(1);
    expect(cache.tickets.get(5)?.id).toBe(5);
    expect([...changes.conversations]).toEqual([c.id]);
  });

  it('ignores envelopes at or below the cursor, so a replayed page changes nothing', () => {
    cache = openCache(':memory:');
    const c = conversation();
    const page = [env(1, 'conversation.updated', c), env(2, 'message.created', message({ conversationId: c.id }))];
    applyEnvelopes(cache, page, { collectTriggers: false });
    const again = applyEnvelopes(cache, page, { collectTriggers: true });
    expect(again.applied).toBe(0);
    expect(again.triggers).toEqual([]);
    expect(cache.messages.page(c.id, undefined, 10)).toHaveLength(1);
  });

  it('stores the cursor it is given when that is past the last visible event', () => {
    cache = openCache(':memory:');
    applyEnvelopes(cache, [env(4, 'department.updated', department())], { collectTriggers: false, cursor: 9 });
    expect(cache.syncState.cursor()).toBe(9);
  });

  it('keeps the verified cursor it is given below a live event applied above a hole', () => {
    cache = openCache(':memory:');
    applyEnvelopes(cache, [], { collectTriggers: false, cursor: 3 });
    const changes = applyEnvelopes(cache, [env(7, 'department.updated', department())], { collectTriggers: true, cursor: 3 });
    expect(changes.applied).toBe(1);
    expect(cache.departments.list()).toHaveLength(1);
    expect(cache.syncState.cursor()).toBe(3);
  });

  it('collects notification triggers for live events only when asked', () => {
    cache = openCache(':memory:');
    const c = conversation({ state: 'queued' });
    const quiet = applyEnvelopes(cache, [env(1, 'conversation.updated', c)], { collectTriggers: false });
    expect(quiet.triggers).toEqual([]);
    const assigned = { ...c, state: 'assigned' as const, specialist: { id: specialist().id, displayName: 'S' } };
    const live = applyEnvelopes(cache, [env(2, 'conversation.updated', assigned)], { collectTriggers: true });
    expect(live.triggers).toEqual([{ kind: 'conversation', conversation: assigned, previous: expect.objectContaining({ state: 'queued' }) }]);
  });
});

describe('history and incidents', () => {
  const audit = (over: Partial<TicketAuditEntry> = {}): TicketAuditEntry => ({
    ticketId: 5,
    at: 100,
    actorKind: 'specialist',
    actorId: 'a',
    field: 'status',
    from: 'open',
    to: 'solved',
    ...over,
  });

  it('keeps ticket audit entries, once each, and reports the ticket as changed', () => {
    cache = openCache(':memory:');
    const changes = applyEnvelopes(cache, [env(1, 'ticket.audit', audit()), env(2, 'ticket.audit', audit({ at: 50, field: 'ccs', from: [], to: ['x@y.z'] }))], {
      collectTriggers: false,
    });
    expect([...changes.tickets]).toEqual([5]);
    expect(cache.ticketAudit.list(5).map((e) => e.field)).toEqual(['ccs', 'status']);
    // The same entry arriving again (a later ticket:get, a re-sent event) is not duplicated.
    expect(cache.ticketAudit.add(audit())).toBe(false);
    expect(cache.ticketAudit.list(5)).toHaveLength(2);
  });

  it('keeps incidents from incident.updated, the latest state winning', () => {
    cache = openCache(':memory:');
    const incident: Incident = {
      id: '30000000-0000-4000-8000-000000000001',
      title: 'Login down',
      category: 'platform_access',
      eid: 'e1',
      state: 'open',
      ticketIds: [5],
      noticeId: null,
      createdBy: 'a',
      createdAt: 10,
      resolvedAt: null,
      resolutionNote: null,
    };
    const changes = applyEnvelopes(cache, [env(1, 'incident.updated', incident), env(2, 'incident.updated', { ...incident, state: 'resolved', resolvedAt: 20 })], {
      collectTriggers: false,
    });
    expect([...changes.incidents]).toEqual([incident.id]);
    expect(cache.incidents.list().map((i) => i.state)).toEqual(['resolved']);
    expect(cache.incidents.list('open')).toEqual([]);
    expect(cache.incidents.forTicket(5)).toEqual([incident.id]);
  });
});

describe('applySnapshot', () => {
  it('stores me, directory data and open chats without moving the cursor', () => {
    cache = openCache(':memory:');
    const me = specialist({ displayName: 'Me' });
    const c = conversation();
    applySnapshot(cache, { me, departments: [department()], specialists: [specialist()], conversations: [c], cursor: 77 });
    expect(JSON.parse(cache.syncState.get('me') ?? '{}')).toMatchObject({ id: me.id });
    expect(cache.specialists.list()).toHaveLength(2);
    expect(cache.conversations.list().map((x) => x.id)).toEqual([c.id]);
    expect(cache.syncState.cursor()).toBe(0);
  });
});
