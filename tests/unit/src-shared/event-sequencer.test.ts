import { describe, expect, it } from 'vitest';
import { EventSequencer } from '../../../src-shared/event-sequencer';
import type { EventEnvelope, EventsPage } from '../../../src-shared/events';
import type { Message } from '../../../src-shared/message';
import { CONVERSATION_ID, makeConversation, makeMessage, makeTicket } from '../../support/entity-factories';

const OTHER_CONVERSATION = '99999999-9999-4999-8999-999999999999';

/** Envelope `seq` carrying message number `n` (its per-conversation seq) of a conversation. */
const msg = (seq: number, n: number, over: Partial<Message> = {}): EventEnvelope => ({ seq, at: seq, type: 'message.created', payload: makeMessage(n, over) });
const conv = (seq: number, state: 'queued' | 'assigned' | 'active' | 'ended', id = CONVERSATION_ID): EventEnvelope => ({
  seq,
  at: seq,
  type: 'conversation.updated',
  payload: makeConversation({ id, state }),
});
const ticket = (seq: number, subject: string): EventEnvelope => ({ seq, at: seq, type: 'ticket.updated', payload: makeTicket({ subject }) });
const page = (events: EventEnvelope[], cursor: number, hasMore = false): EventsPage => ({ events, cursor, hasMore });
const seqs = (xs: EventEnvelope[]) => xs.map((e) => e.seq);

describe('event sequencer: live events', () => {
  it('applies events that follow the verified cursor at once and moves the cursor with them', () => {
    const s = new EventSequencer(10);
    expect(seqs(s.live(msg(11, 1)))).toEqual([11]);
    expect(seqs(s.live(conv(12, 'assigned')))).toEqual([12]);
    expect(s.verified).toBe(12);
    expect(s.hasGap).toBe(false);
  });

  it('drops a duplicate: at or below the verified cursor, or applied already above it', () => {
    const s = new EventSequencer(10);
    expect(s.live(msg(9, 1))).toEqual([]);
    expect(seqs(s.live(conv(15, 'assigned')))).toEqual([15]);
    expect(s.live(conv(15, 'assigned'))).toEqual([]);
    expect(s.verified).toBe(10);
  });

  it('keeps the verified cursor below a hole and reports it, however far the newest event is', () => {
    const s = new EventSequencer(10);
    s.live(conv(14, 'assigned'));
    expect(s.verified).toBe(10);
    expect(s.hasGap).toBe(true);
    expect(s.received).toBe(14);
  });

  it('applies the next message of a conversation at once even above a hole (order within it is kept)', () => {
    const s = new EventSequencer(10);
    // Messages 1 and 2 arrived; events 12–13 belong to chats this client does not see (or are still on their way).
    expect(seqs(s.live(msg(11, 1)))).toEqual([11]);
    expect(seqs(s.live(msg(14, 2)))).toEqual([14]);
    expect(s.verified).toBe(11);
    expect(s.hasGap).toBe(true);
  });

  it('holds a message that skips one of its conversation until the late one arrives, then applies both in order', () => {
    const s = new EventSequencer(10);
    s.live(msg(11, 1));
    // Reordered delivery: message 3 (event 13) overtakes message 2 (event 12).
    expect(s.live(msg(13, 3))).toEqual([]);
    expect(s.heldCount).toBe(1);
    expect(seqs(s.live(msg(12, 2)))).toEqual([12, 13]);
    expect(s.verified).toBe(13);
    expect(s.hasGap).toBe(false);
  });

  it('never lets an older snapshot of a record overwrite a newer one that overtook it', () => {
    const s = new EventSequencer(10);
    expect(seqs(s.live(conv(13, 'ended')))).toEqual([13]);
    // The assignment (event 12) was relayed by another node and arrives late: it is settled, not applied.
    expect(s.live(conv(12, 'assigned'))).toEqual([]);
    expect(s.verified).toBe(10);
    // Other records are not affected.
    expect(seqs(s.live(conv(11, 'queued', OTHER_CONVERSATION)))).toEqual([11]);
    expect(s.verified).toBe(13);
  });

  it('applies order-free events (ticket comments) at once', () => {
    const s = new EventSequencer(10);
    const comment: EventEnvelope = {
      seq: 20,
      at: 20,
      type: 'ticket.comment',
      payload: { id: '40000000-0000-4000-8000-000000000001', ticketId: 1, authorKind: 'specialist', authorId: null, authorName: 'Dana', body: 'x', internal: true, attachments: [], createdAt: 20 },
    };
    expect(seqs(s.live(comment))).toEqual([20]);
  });
});

describe('event sequencer: re-read answers', () => {
  it('confirms scoped holes: the page cursor becomes the verified cursor', () => {
    const s = new EventSequencer(10);
    s.live(msg(11, 1));
    s.live(msg(15, 2));
    // events:since(11) returns what this client may see after 11: only 15 (12–14 are other departments').
    expect(s.page(page([msg(15, 2)], 15), s.received)).toEqual([]);
    expect(s.verified).toBe(15);
    expect(s.hasGap).toBe(false);
  });

  it('fills a real gap from the page and releases the messages held behind it, in seq order, once each', () => {
    const s = new EventSequencer(10);
    s.live(msg(11, 1));
    // Message 2 (event 12) is lost on the way; message 3 (event 14) must wait for it.
    expect(s.live(msg(14, 3))).toEqual([]);
    const out = s.page(page([msg(12, 2), msg(14, 3)], 14), s.received);
    expect(seqs(out)).toEqual([12, 14]);
    expect(out.map((e) => (e.payload as Message).seq)).toEqual([2, 3]);
    expect(s.verified).toBe(14);
    expect(s.hasGap).toBe(false);
  });

  it('a last page also confirms every seq up to the newest event received before the request', () => {
    const s = new EventSequencer(10);
    // A visitor sees 11 and 19 of its chat; the page lists only those, so its cursor is 19 at most…
    s.live(msg(11, 1));
    s.live(conv(19, 'ended'));
    const receivedAtRequest = s.received;
    // …and here it is 11 (the page was read before 19 was visible to this client's scope filter, say): 19 still counts.
    s.page(page([], 11), receivedAtRequest);
    expect(s.verified).toBe(19);
    expect(s.hasGap).toBe(false);
  });

  it('a page with more to come confirms only up to its cursor', () => {
    const s = new EventSequencer(10);
    s.live(conv(30, 'assigned'));
    s.page(page([conv(12, 'queued', OTHER_CONVERSATION)], 12, true), s.received);
    expect(s.verified).toBe(12);
    expect(s.hasGap).toBe(true);
  });

  it('events received after the request was sent stay above the cursor and keep the gap open', () => {
    const s = new EventSequencer(10);
    s.live(conv(12, 'assigned'));
    const receivedAtRequest = s.received;
    s.live(conv(20, 'active', OTHER_CONVERSATION));
    s.page(page([conv(12, 'assigned')], 12), receivedAtRequest);
    expect(s.verified).toBe(12);
    expect(s.hasGap).toBe(true);
  });

  it('drops from a page what was applied live and snapshots older than a live one', () => {
    const s = new EventSequencer(10);
    s.live(conv(13, 'ended'));
    const out = s.page(page([conv(11, 'queued'), ticket(12, 'Printer'), conv(13, 'ended')], 13), s.received);
    expect(seqs(out)).toEqual([12]);
  });

  it('applies a held message the page covers but does not carry (seen live, so it is ours)', () => {
    const s = new EventSequencer(10);
    s.live(msg(11, 1));
    s.live(msg(14, 3));
    const out = s.page(page([], 11), s.received);
    expect(seqs(out)).toEqual([14]);
    expect(s.verified).toBe(14);
  });

  it('a catch-up page on an empty sequencer hands back every event above the cursor, as given', () => {
    const s = new EventSequencer(0);
    const events = [conv(1, 'queued'), msg(2, 1), conv(3, 'assigned'), msg(4, 2), conv(5, 'ended')];
    expect(s.page(page(events, 5, true), 0)).toEqual(events);
    expect(s.verified).toBe(5);
  });
});

describe('event sequencer: log:head', () => {
  it('a head above the verified cursor is a possible hole, even with nothing received live', () => {
    const s = new EventSequencer(10);
    expect(s.head(14)).toBe(true);
    expect(s.hasGap).toBe(true);
    expect(s.verified).toBe(10);
  });

  it('a head at or below the verified cursor changes nothing', () => {
    const s = new EventSequencer(10);
    s.live(msg(11, 1));
    expect(s.head(11)).toBe(false);
    expect(s.head(7)).toBe(false);
    expect(s.hasGap).toBe(false);
  });

  it('counts as received: the last page of a re-read sent after it covers up to the head', () => {
    const s = new EventSequencer(10);
    s.head(20);
    expect(s.received).toBe(20);
    // Events 11–20 were all outside this client's scope but one, lost on the way: the page brings it and covers the rest.
    const out = s.page(page([msg(13, 1)], 13), s.received);
    expect(seqs(out)).toEqual([13]);
    expect(s.verified).toBe(20);
    expect(s.hasGap).toBe(false);
  });

  it('a page requested before the head arrived does not cover it: the hole stays open', () => {
    const s = new EventSequencer(10);
    const receivedAtRequest = s.received;
    s.head(20);
    s.page(page([], 10), receivedAtRequest);
    expect(s.verified).toBe(10);
    expect(s.hasGap).toBe(true);
  });

  it('a page with more to come covers only up to its cursor, whatever the head', () => {
    const s = new EventSequencer(10);
    s.head(30);
    s.page(page([conv(12, 'queued')], 12, true), s.received);
    expect(s.verified).toBe(12);
    expect(s.hasGap).toBe(true);
  });

  it('live events up to the head close the hole without a re-read', () => {
    const s = new EventSequencer(10);
    s.head(12);
    s.live(msg(11, 1));
    expect(s.hasGap).toBe(true);
    s.live(msg(12, 2));
    expect(s.verified).toBe(12);
    expect(s.hasGap).toBe(false);
  });
});

describe('event sequencer: a whole reordered, duplicated, delayed stream', () => {
  it('ends with every event of the scope once and the messages of each conversation in seq order', () => {
    // The server log: two conversations of this client's scope interleaved with events of other departments.
    const log: (EventEnvelope | null)[] = [];
    const n = { [CONVERSATION_ID]: 0, [OTHER_CONVERSATION]: 0 };
    for (let seq = 1; seq <= 60; seq++) {
      if (seq % 3 === 0) {
        log.push(null); // another department's event: a scoped hole
        continue;
      }
      const c = seq % 2 === 0 ? CONVERSATION_ID : OTHER_CONVERSATION;
      if (seq % 7 === 0) {
        log.push(conv(seq, 'active', c));
        continue;
      }
      n[c] += 1;
      log.push(msg(seq, n[c], { conversationId: c, id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}` }));
    }
    const visible = log.filter((e): e is EventEnvelope => e !== null);
    // Delivery: pairs swapped, every fifth duplicated, every eleventh delayed to the end, one lost outright.
    let delivery: EventEnvelope[] = [];
    for (let i = 0; i < visible.length; i += 2) delivery.push(...[visible[i + 1], visible[i]].filter((e): e is EventEnvelope => e !== undefined));
    delivery = delivery.flatMap((e) => (e.seq % 5 === 0 ? [e, e] : [e]));
    const late = delivery.filter((e) => e.seq % 11 === 0);
    delivery = [...delivery.filter((e) => e.seq % 11 !== 0 && e.seq !== 37), ...late];

    const s = new EventSequencer(0);
    const applied: EventEnvelope[] = [];
    const server = (since: number): EventsPage => {
      const events = visible.filter((e) => e.seq > since);
      return page(events, events.at(-1)?.seq ?? since);
    };
    delivery.forEach((e, i) => {
      applied.push(...s.live(e));
      // Now and then the client's re-read runs, as its timer would.
      if (i % 9 === 8 && s.hasGap) applied.push(...s.page(server(s.verified), s.received));
    });
    while (s.hasGap) applied.push(...s.page(server(s.verified), s.received));

    const ids = applied.filter((e) => e.type === 'message.created').map((e) => (e.payload as Message).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(visible.filter((e) => e.type === 'message.created').length);
    for (const c of [CONVERSATION_ID, OTHER_CONVERSATION]) {
      const order = applied.filter((e) => e.type === 'message.created' && e.payload.conversationId === c).map((e) => (e.payload as Message).seq);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order).toEqual(order.map((_, i) => i + 1));
    }
    expect(s.verified).toBe(visible.at(-1)?.seq);
  });
});
