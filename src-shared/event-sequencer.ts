// The client's rule for logged events behind several server nodes, where live events can arrive late and out of
// order: drop duplicates, keep each conversation's messages in seq order, never let an older snapshot overwrite a
// newer one, and tell when a hole below the newest event or below a `log:head` needs an `events:since` re-read.
// Pure: it decides, the caller applies what it returns and does the I/O (docs/protocol.md, "Live events and gaps",
// states the same rule).
import type { EventEnvelope, EventsPage } from './events';

/**
 * What the sequencer remembers above the verified cursor stays small (one re-read clears it); the per-conversation
 * message seqs that let an in-order message through at once are a cache, capped so a long session stays bounded.
 */
const MESSAGE_SEQS_KEPT = 10_000;

/** Events carrying a full record: the newest wins, so an older one arriving late is dropped, not applied. */
function snapshotKey(e: EventEnvelope): string | null {
  switch (e.type) {
    case 'conversation.updated':
      return `conversation:${e.payload.id}`;
    case 'dropbox.updated':
      return `dropbox:${e.payload.id}`;
    case 'ticket.updated':
      return `ticket:${e.payload.id}`;
    case 'specialist.updated':
      return `specialist:${e.payload.id}`;
    case 'department.updated':
      return `department:${e.payload.id}`;
    case 'incident.updated':
      return `incident:${e.payload.id}`;
    case 'notice.updated':
      return 'notice';
    case 'canned.updated':
      return `canned:${e.payload.canned.id}`;
    case 'message.created':
    case 'ticket.comment':
    case 'ticket.audit':
    case 'admin.audit':
      return null;
  }
}

export class EventSequencer {
  /** Every seq ≤ this has been applied or confirmed absent by an events:since answer: the cursor to persist. */
  private cursor: number;
  /** Seqs above the cursor already settled (applied, or dropped as an older snapshot). */
  private readonly settled = new Set<number>();
  /** Live messages waiting for the hole below them, in seq order. */
  private held: EventEnvelope[] = [];
  /** Snapshot key → seq of the newest one settled above the cursor. */
  private readonly newest = new Map<string, number>();
  /** Conversation → highest message seq applied through here: the next one may be applied at once. */
  private readonly messageSeqs = new Map<string, number>();
  private highestReceived = 0;
  /** The newest `log:head` seq: while it is above the cursor, events up to it may be missing. */
  private headSeq = 0;

  constructor(verified: number) {
    this.cursor = verified;
  }

  /** Everything ≤ this has been seen or confirmed absent. */
  get verified(): number {
    return this.cursor;
  }

  /** Highest seq received live; pass it back with the answer of a request sent now (see `page`). */
  get received(): number {
    return this.highestReceived;
  }

  /** A hole lies between the verified cursor and an event already received (or a head): an events:since re-read will close it. */
  get hasGap(): boolean {
    return this.settled.size > 0 || this.held.length > 0 || this.headSeq > this.cursor;
  }

  /** Messages held back until the hole below them is closed. */
  get heldCount(): number {
    return this.held.length;
  }

  /** One live envelope: returns what to apply now, in seq order (possibly nothing, possibly held ones it released). */
  live(e: EventEnvelope): EventEnvelope[] {
    if (this.isDuplicate(e.seq)) return [];
    if (e.seq > this.highestReceived) this.highestReceived = e.seq;
    const out: EventEnvelope[] = [];
    if (e.type === 'message.created' && !this.mayApplyMessage(e)) this.hold(e);
    else this.admit(e, out);
    this.release(out);
    return sortBySeq(out);
  }

  /**
   * A `log:head`: every seq up to `seq` had committed when the server read it, and some of them may never arrive
   * live (committed on another node while nothing relayed them). It counts as received, so the last page of the
   * next re-read covers up to it; returns whether it opens a possible hole (it is above the verified cursor).
   */
  head(seq: number): boolean {
    if (seq > this.highestReceived) this.highestReceived = seq;
    if (seq <= this.cursor) return false;
    if (seq > this.headSeq) this.headSeq = seq;
    return true;
  }

  /**
   * One events:since answer, for a request sent when `receivedAtRequest` was `received`. A page confirms every
   * seq up to its cursor. A last page (`hasMore: false`) confirms more: the server sends a live event only after
   * its seq commits and seqs commit in order, so everything up to the highest seq received before the request was
   * committed when the server read the page; what of it the page does not carry is outside this client's scope.
   */
  page(p: Pick<EventsPage, 'events' | 'cursor' | 'hasMore'>, receivedAtRequest: number): EventEnvelope[] {
    const bound = p.hasMore ? p.cursor : Math.max(p.cursor, receivedAtRequest);
    const out: EventEnvelope[] = [];
    for (const e of this.takeHeldUpTo(p.events, bound)) {
      if (this.isDuplicate(e.seq)) continue;
      if (e.seq > bound) {
        // Not covered by this answer (it cannot happen with the server's cursor): treat it like a live one.
        out.push(...this.live(e));
        continue;
      }
      // Covered by the answer: the cursor moves past it below, so it needs no record of its own.
      this.admit(e, out, false);
    }
    this.advanceTo(bound);
    this.release(out);
    return out.length > 1 ? sortBySeq(out) : out;
  }

  /** A fresh state from the server (a resumed chat) covers everything up to `verified`: start over from there. */
  reset(verified: number): void {
    this.cursor = verified;
    this.settled.clear();
    this.held = [];
    this.newest.clear();
    this.messageSeqs.clear();
  }

  /** The connection is gone: held messages will come again in the catch-up pages. */
  dropHeld(): void {
    this.held = [];
  }

  private isDuplicate(seq: number): boolean {
    return seq <= this.cursor || this.settled.has(seq) || this.held.some((h) => h.seq === seq);
  }

  /**
   * A message may be applied before the hole below it is closed only if nothing of its conversation can still come
   * before it: it is the next event of all, or the next message of a conversation whose earlier ones are in.
   */
  private mayApplyMessage(e: Extract<EventEnvelope, { type: 'message.created' }>): boolean {
    if (e.seq === this.cursor + 1) return true;
    return e.payload.seq === (this.messageSeqs.get(e.payload.conversationId) ?? 0) + 1;
  }

  private hold(e: EventEnvelope): void {
    this.held.push(e);
    if (this.held.length > 1) this.held.sort((a, b) => a.seq - b.seq);
  }

  /**
   * Settles `e` and queues it for applying, unless a newer snapshot of the same record was applied already.
   * `record: false` when the caller moves the cursor past `e` at once (a page), so nothing is kept for it.
   */
  private admit(e: EventEnvelope, out: EventEnvelope[], record = true): void {
    if (record && e.seq > this.cursor) this.settled.add(e.seq);
    if (e.type === 'message.created') {
      const m = e.payload;
      if (m.seq > (this.messageSeqs.get(m.conversationId) ?? 0)) this.noteMessageSeq(m.conversationId, m.seq);
      out.push(e);
      return;
    }
    if (record || this.newest.size > 0) {
      const key = snapshotKey(e);
      if (key !== null) {
        const newest = this.newest.get(key);
        if (newest !== undefined && newest > e.seq) return;
        if (record) this.newest.set(key, e.seq);
      }
    }
    out.push(e);
  }

  /** A fresh state from the server listed every message of the conversation up to `seq`. */
  noteMessagesThrough(conversationId: string, seq: number): void {
    if (seq > (this.messageSeqs.get(conversationId) ?? 0)) this.noteMessageSeq(conversationId, seq);
  }

  private noteMessageSeq(conversationId: string, seq: number): void {
    if (!this.messageSeqs.has(conversationId) && this.messageSeqs.size >= MESSAGE_SEQS_KEPT) {
      const oldest = this.messageSeqs.keys().next();
      if (!oldest.done) this.messageSeqs.delete(oldest.value);
    }
    this.messageSeqs.set(conversationId, seq);
  }

  /** Moves the cursor over settled seqs, lets out held messages whose turn came, and repeats until nothing moves. */
  private release(out: EventEnvelope[]): void {
    for (;;) {
      let next = this.cursor;
      while (this.settled.has(next + 1)) next++;
      if (next !== this.cursor) this.advanceTo(next);
      const i = this.held.findIndex((h) => h.type === 'message.created' && this.mayApplyMessage(h));
      if (i < 0) return;
      const [h] = this.held.splice(i, 1);
      if (h) this.admit(h, out);
    }
  }

  private advanceTo(verified: number): void {
    if (verified <= this.cursor) return;
    this.cursor = verified;
    for (const seq of this.settled) if (seq <= verified) this.settled.delete(seq);
    for (const [key, seq] of this.newest) if (seq <= verified) this.newest.delete(key);
    if (this.held.length > 0) this.held = this.held.filter((h) => h.seq > verified);
  }

  /** The page's events plus held ones it covers (seen live, so ours to apply even if the page lacks them), in seq order. */
  private takeHeldUpTo(events: readonly EventEnvelope[], bound: number): readonly EventEnvelope[] {
    if (this.held.length === 0) return events;
    const covered = this.held.filter((h) => h.seq <= bound);
    if (covered.length === 0) return events;
    this.held = this.held.filter((h) => h.seq > bound);
    const inPage = new Set(events.map((e) => e.seq));
    return sortBySeq([...events, ...covered.filter((h) => !inPage.has(h.seq))]);
  }
}

const sortBySeq = (xs: EventEnvelope[]): EventEnvelope[] => (xs.length > 1 ? xs.sort((a, b) => a.seq - b.seq) : xs);
