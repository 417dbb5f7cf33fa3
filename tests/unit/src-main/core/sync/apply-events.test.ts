import { afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../../../../src-main/core/cache/open-cache';
import { applyEnvelopes, applySnapshot } from '../../../../../src-main/core/sync/apply-events';
import type { EventEnvelope } from '../../../../../src-shared/events';
import type { TicketAuditEntry } from '../../../../../src-shared/ticket';
import type { Incident } from '../../../../../src-shared/incident';
import type { CannedResponse } from '../../../../../src-shared/canned-response';
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

describe('administration events', () => {
  const canned = (over: Partial<CannedResponse> = {}): CannedResponse => ({
    id: '40000000-0000-4000-8000-000000000001',
    departmentId: null,
    shortcut: 'hello',
    title: 'Greeting',
    body: 'Hi {visitor.email}',
    updatedAt: 10,
    ...over,
  });

  it('keeps canned responses from canned.updated and forgets a deleted one', () => {
    cache = openCache(':memory:');
    const other = canned({ id: '40000000-0000-4000-8000-000000000002', shortcut: 'bye' });
    const saved = applyEnvelopes(cache, [env(1, 'canned.updated', { canned: canned(), deleted: false }), env(2, 'canned.updated', { canned: other, deleted: false })], {
      collectTriggers: false,
    });
    expect([...saved.canned].sort()).toEqual([canned().id, other.id]);
    expect(cache.canned.list().map((c) => c.shortcut)).toEqual(['bye', 'hello']);
    const deleted = applyEnvelopes(cache, [env(3, 'canned.updated', { canned: other, deleted: true })], { collectTriggers: false });
    expect([...deleted.canned]).toEqual([other.id]);
    expect(deleted.admin).toBe(true);
    expect(cache.canned.list().map((c) => c.shortcut)).toEqual(['hello']);
  });

  it('reports which departments changed, and that the admin screens should re-read', () => {
    cache = openCache(':memory:');
    const changes = applyEnvelopes(cache, [env(1, 'department.updated', department({ id: 'finance', greeting: 'Hello from {department.name}' }))], { collectTriggers: false });
    expect([...changes.departments]).toEqual(['finance']);
    expect(changes.admin).toBe(true);
    expect(cache.departments.list()[0]?.greeting).toBe('Hello from {department.name}');
  });

  it('marks the audit, account and notice events as administrative without touching conversations', () => {
    cache = openCache(':memory:');
    for (const [seq, e] of [
      [1, env(1, 'admin.audit', { entryId: 3 })],
      [2, env(2, 'specialist.updated', specialist({ active: false }))],
      [3, env(3, 'notice.updated', { notice: null })],
    ] as const) {
      const changes = applyEnvelopes(cache, [e], { collectTriggers: true });
      expect(changes.admin, `event ${seq}`).toBe(true);
      expect(changes.conversations.size).toBe(0);
      expect(changes.cursor).toBe(seq);
    }
    expect(cache.specialists.list()[0]?.active).toBe(false);
  });

  it('a chat message is not administrative', () => {
    cache = openCache(':memory:');
    expect(applyEnvelopes(cache, [env(1, 'message.created', message())], { collectTriggers: false }).admin).toBe(false);
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

  it('reports every department it brought, so department views re-read', () => {
    cache = openCache(':memory:');
    const changes = applySnapshot(cache, { me: specialist(), departments: [department(), department({ id: 'finance' })], specialists: [], conversations: [], cursor: 1 });
    expect([...changes.departments]).toEqual(['technical', 'finance']);
  });
});
