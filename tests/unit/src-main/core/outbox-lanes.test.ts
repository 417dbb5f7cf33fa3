import { describe, expect, it } from 'vitest';
import { holdsLane, laneOf, planSends, type QueuedEntry } from '../../../../src-main/core/outbox-lanes';

const entry = (clientId: string, lane: string, over: Partial<QueuedEntry> = {}): QueuedEntry => ({
  clientId,
  lane,
  state: 'pending',
  nextAttemptAt: 0,
  errorCode: null,
  ...over,
});

describe('outbox lanes', () => {
  it('puts an action in its chat, else its ticket, else its incident, else a lane of its own', () => {
    expect(laneOf({ conversationId: 'c1', body: 'hi' }, 'x')).toBe('chat:c1');
    expect(laneOf({ ticketId: 42, patch: {} }, 'x')).toBe('ticket:42');
    expect(laneOf({ incidentId: 'i1', ticketIds: [1] }, 'x')).toBe('incident:i1');
    expect(laneOf({ departmentId: 'technical' }, 'x')).toBe('own:x');
    expect(laneOf({}, 'y')).toBe('own:y');
  });

  it('sends the head of every lane at once, oldest first, one per lane', () => {
    const queue = [entry('a1', 'chat:a'), entry('a2', 'chat:a'), entry('b1', 'chat:b'), entry('t1', 'ticket:1')];
    expect(planSends(queue, 10, new Set(), 8)).toEqual({ due: ['a1', 'b1', 't1'], wakeAt: null });
  });

  it('lets a lane that is backing off wait without holding up the others', () => {
    const queue = [entry('a1', 'chat:a', { nextAttemptAt: 500, errorCode: 'internal' }), entry('a2', 'chat:a'), entry('b1', 'chat:b')];
    expect(planSends(queue, 10, new Set(), 8)).toEqual({ due: ['b1'], wakeAt: 500 });
  });

  it('skips a lane with a send in flight and stops at the free slots', () => {
    const queue = [entry('a1', 'chat:a', { state: 'sending' }), entry('b1', 'chat:b'), entry('c1', 'chat:c'), entry('d1', 'chat:d')];
    expect(planSends(queue, 10, new Set(['chat:a']), 2)).toEqual({ due: ['b1', 'c1'], wakeAt: null });
  });

  it('holds a lane behind an item given up after transient failures, not behind one refused for good', () => {
    const gaveUp = entry('a1', 'chat:a', { state: 'failed', errorCode: 'unavailable' });
    const refused = entry('b1', 'chat:b', { state: 'failed', errorCode: 'forbidden' });
    expect(holdsLane(gaveUp)).toBe(true);
    expect(holdsLane(refused)).toBe(false);
    const queue = [gaveUp, entry('a2', 'chat:a'), refused, entry('b2', 'chat:b')];
    expect(planSends(queue, 10, new Set(), 8)).toEqual({ due: ['b2'], wakeAt: null });
  });
});
