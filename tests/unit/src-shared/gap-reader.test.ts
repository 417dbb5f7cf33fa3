import { describe, expect, it } from 'vitest';
import { EventSequencer } from '../../../src-shared/event-sequencer';
import { createGapReader, type GapReaderTimers } from '../../../src-shared/gap-reader';
import type { EventEnvelope, EventsPage } from '../../../src-shared/events';
import { err, ok, type Result } from '../../../src-shared/result';
import { makeConversation } from '../../support/entity-factories';

const conv = (seq: number, id: string): EventEnvelope => ({ seq, at: seq, type: 'conversation.updated', payload: makeConversation({ id }) });
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Timers that fire only when the test says so. */
function manualTimers() {
  let pending: { fn: () => void; ms: number }[] = [];
  const timers: GapReaderTimers = {
    setTimeout(fn, ms) {
      const t = { fn, ms };
      pending.push(t);
      return t;
    },
    clearTimeout(handle) {
      pending = pending.filter((t) => t !== handle);
    },
  };
  return {
    timers,
    pending: () => pending.map((t) => t.ms),
    fire() {
      const due = pending;
      pending = [];
      due.forEach((t) => t.fn());
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(log: EventEnvelope[], verified = 0, random = () => 0.5) {
  const clock = manualTimers();
  const requests: number[] = [];
  const answers: ((r: Result<EventsPage>) => void)[] = [];
  const applied: number[] = [];
  const cursors: number[] = [];
  const sequencer = new EventSequencer(verified);
  const reader = createGapReader({
    sequencer,
    timers: clock.timers,
    delayMs: 100,
    retryMs: 1000,
    random,
    headSpreadMs: 2000,
    read(since) {
      requests.push(since);
      return new Promise((resolve) => answers.push(resolve));
    },
    apply(events, cursor) {
      applied.push(...events.map((e) => e.seq));
      cursors.push(cursor);
    },
  });
  /** Answers the oldest open request from the server's log. */
  const answer = async (override?: Result<EventsPage>) => {
    const since = requests[answers.length - 1] ?? 0;
    const events = log.filter((e) => e.seq > since);
    answers.shift()?.(override ?? ok({ events, cursor: events.at(-1)?.seq ?? since, hasMore: false }));
    await settle();
  };
  return { clock, requests, applied, cursors, sequencer, reader, answer };
}

describe('gap reader', () => {
  it('one re-read for a burst of events with holes, after the pause, and none without holes', () => {
    const t = setup([]);
    t.reader.live([conv(1, id(1)), conv(2, id(2))]);
    expect(t.clock.pending()).toEqual([]);
    t.reader.live([conv(5, id(1))]);
    t.reader.live([conv(7, id(2))]);
    t.reader.live([conv(9, id(3))]);
    expect(t.applied).toEqual([1, 2, 5, 7, 9]);
    expect(t.cursors.at(-1)).toBe(2);
    expect(t.clock.pending()).toEqual([100]);
    expect(t.requests).toEqual([]);
    t.clock.fire();
    expect(t.requests).toEqual([2]);
  });

  it('the answer confirms the scoped holes and moves the stored cursor', async () => {
    const log = [conv(1, id(1)), conv(5, id(1))];
    const t = setup(log);
    t.reader.live([conv(1, id(1)), conv(5, id(1))]);
    t.clock.fire();
    await t.answer();
    expect(t.cursors.at(-1)).toBe(5);
    expect(t.sequencer.hasGap).toBe(false);
    expect(t.clock.pending()).toEqual([]);
  });

  it('keeps one request in flight and reads again after it for holes that opened meanwhile', async () => {
    const log = [conv(3, id(1)), conv(8, id(2))];
    const t = setup(log);
    t.reader.live([conv(3, id(1))]);
    t.clock.fire();
    expect(t.requests).toEqual([0]);
    t.reader.live([conv(8, id(2))]);
    expect(t.clock.pending()).toEqual([]);
    expect(t.requests).toEqual([0]);
    await t.answer({ ok: true, value: { events: [conv(3, id(1))], cursor: 3, hasMore: false } });
    expect(t.sequencer.verified).toBe(3);
    expect(t.clock.pending()).toEqual([100]);
    t.clock.fire();
    expect(t.requests).toEqual([0, 3]);
    await t.answer();
    expect(t.sequencer.verified).toBe(8);
    expect(t.clock.pending()).toEqual([]);
  });

  it('pages until the last page', async () => {
    const log = [conv(2, id(1)), conv(4, id(2)), conv(6, id(3))];
    const t = setup(log);
    t.reader.live([conv(6, id(3))]);
    t.clock.fire();
    await t.answer({ ok: true, value: { events: [conv(2, id(1))], cursor: 2, hasMore: true } });
    expect(t.requests).toEqual([0, 2]);
    await t.answer();
    expect(t.applied).toEqual([6, 2, 4]);
    expect(t.sequencer.verified).toBe(6);
  });

  it('tries again later when a re-read fails, and drops an answer after cancel', async () => {
    const t = setup([conv(4, id(1))]);
    t.reader.live([conv(4, id(1))]);
    t.clock.fire();
    await t.answer(err('unavailable', 'no acknowledgement in time'));
    expect(t.clock.pending()).toEqual([1000]);
    t.clock.fire();
    t.reader.cancel();
    await t.answer();
    expect(t.sequencer.verified).toBe(0);
    expect(t.reader.busy()).toBe(false);
  });

  it('readNow skips the pause and resolves once the holes known at the call are closed', async () => {
    const log = [conv(1, id(1)), conv(3, id(2))];
    const t = setup(log);
    t.reader.live([conv(3, id(2))]);
    const done = t.reader.readNow();
    expect(t.clock.pending()).toEqual([]);
    await settle();
    await t.answer();
    expect(await done).toBe(true);
    expect(t.applied).toEqual([3, 1]);
    expect(t.sequencer.verified).toBe(3);
  });

  it('a head above the cursor re-reads after a random pause within the spread, then covers up to the head', async () => {
    // Event 3 of this client's scope was committed on another node while Redis was down: it never came live.
    const log = [conv(1, id(1)), conv(3, id(2))];
    const t = setup(log, 1, () => 0.25);
    t.reader.head(5);
    expect(t.clock.pending()).toEqual([500]);
    expect(t.requests).toEqual([]);
    t.clock.fire();
    expect(t.requests).toEqual([1]);
    await t.answer();
    expect(t.applied).toEqual([3]);
    expect(t.sequencer.verified).toBe(5);
    expect(t.clock.pending()).toEqual([]);
  });

  it('the pause after a head is drawn anew for each client, from 0 up to the spread', () => {
    const pauses = [0, 0.5, 0.999].map((r) => {
      const t = setup([], 1, () => r);
      t.reader.head(2);
      return t.clock.pending();
    });
    expect(pauses).toEqual([[0], [1000], [1998]]);
  });

  it('a head at or below the cursor asks for nothing', () => {
    const t = setup([], 5);
    t.reader.head(5);
    t.reader.head(3);
    expect(t.clock.pending()).toEqual([]);
    expect(t.reader.busy()).toBe(false);
  });

  it('a head during a re-read sent before it gets one more round after that one', async () => {
    const log = [conv(2, id(1)), conv(6, id(2))];
    const t = setup(log, 1);
    t.reader.live([conv(2, id(1))]);
    t.reader.live([conv(4, id(3))]);
    t.clock.fire();
    expect(t.requests).toEqual([2]);
    t.reader.head(6);
    expect(t.clock.pending()).toEqual([]);
    // The server read its page before event 6 committed: it covers up to 4 only.
    await t.answer({ ok: true, value: { events: [], cursor: 2, hasMore: false } });
    expect(t.sequencer.verified).toBe(4);
    expect(t.clock.pending()).toEqual([100]);
    t.clock.fire();
    await t.answer();
    expect(t.applied).toEqual([2, 4, 6]);
    expect(t.sequencer.verified).toBe(6);
  });
});
