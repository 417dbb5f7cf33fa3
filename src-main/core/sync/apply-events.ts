// Applies server event envelopes and snapshots to the cache, in one transaction per batch; which envelopes, in
// which order, and the cursor to keep are decided by the event sequencer (src-shared/event-sequencer.ts).
import type { EventEnvelope } from '../../../src-shared/events';
import type { AgentSnapshot } from '../../../src-shared/protocol/agent';
import type { ConsoleMessage } from '../../../src-shared/console-api';
import type { Cache } from '../cache/open-cache';
import type { NotificationTrigger } from '../notification-policy';

/** What a batch changed, so the service announces exactly that to the renderer. */
export interface AppliedChanges {
  cursor: number;
  applied: number;
  conversations: Set<string>;
  messages: Map<string, ConsoleMessage[]>;
  dropBoxes: Set<string>;
  tickets: Set<number>;
  specialists: Set<string>;
  departments: Set<string>;
  incidents: Set<string>;
  canned: Set<string>;
  /** Something the admin screens show changed (departments, accounts, canned responses, the notice, the audit). */
  admin: boolean;
  /** Only collected for live events: replaying history must not ring bells. */
  triggers: NotificationTrigger[];
}

export const emptyChanges = (cursor: number): AppliedChanges => ({
  cursor,
  applied: 0,
  conversations: new Set(),
  messages: new Map(),
  dropBoxes: new Set(),
  tickets: new Set(),
  specialists: new Set(),
  departments: new Set(),
  incidents: new Set(),
  canned: new Set(),
  admin: false,
  triggers: [],
});

/**
 * Applies `envelopes` in the given order and stores `cursor`. The caller decides both (src-shared/event-sequencer.ts:
 * dedupe, order, the verified cursor that never passes an unconfirmed hole). Without `cursor` the batch is taken as a
 * complete stretch of history (a bench, a test) and the cursor moves to its last seq.
 */
export function applyEnvelopes(cache: Cache, envelopes: readonly EventEnvelope[], options: { collectTriggers: boolean; cursor?: number }): AppliedChanges {
  return cache.transaction(() => {
    const start = cache.syncState.cursor();
    const changes = emptyChanges(start);
    // One last_seq update per conversation per batch: rewriting the conversation row for every message
    // made a million-message initial sync several times slower.
    const lastSeqs = new Map<string, number>();
    let last = start;
    for (const e of envelopes) {
      // Below the stored cursor everything was applied before: a safety net, the sequencer never hands these over.
      if (e.seq <= start) continue;
      applyOne(cache, e, changes, options.collectTriggers, lastSeqs);
      if (e.seq > last) last = e.seq;
      changes.applied++;
    }
    for (const [conversationId, seq] of lastSeqs) cache.conversations.noteMessageSeq(conversationId, seq);
    const cursor = Math.max(start, options.cursor ?? last);
    if (cursor !== start) cache.syncState.setCursor(cursor);
    changes.cursor = cursor;
    return changes;
  });
}

function applyOne(cache: Cache, e: EventEnvelope, changes: AppliedChanges, collect: boolean, lastSeqs: Map<string, number>): void {
  switch (e.type) {
    case 'conversation.updated': {
      const previous = collect ? cache.conversations.get(e.payload.id) : null;
      cache.conversations.upsert(e.payload);
      changes.conversations.add(e.payload.id);
      if (collect) changes.triggers.push({ kind: 'conversation', conversation: e.payload, previous });
      return;
    }
    case 'message.created': {
      const m = e.payload;
      const write = cache.messages.apply(m);
      lastSeqs.set(m.conversationId, Math.max(m.seq, lastSeqs.get(m.conversationId) ?? 0));
      if (write === 'unchanged') return;
      const list = changes.messages.get(m.conversationId) ?? [];
      list.push(m);
      changes.messages.set(m.conversationId, list);
      changes.conversations.add(m.conversationId);
      if (collect && write === 'inserted') changes.triggers.push({ kind: 'message', message: m, conversation: cache.conversations.get(m.conversationId) });
      return;
    }
    case 'dropbox.updated':
      cache.dropBoxes.upsert(e.payload);
      changes.dropBoxes.add(e.payload.conversationId);
      return;
    case 'ticket.updated':
      cache.tickets.upsert(e.payload);
      changes.tickets.add(e.payload.id);
      return;
    case 'ticket.comment':
      if (cache.tickets.addComment(e.payload)) {
        changes.tickets.add(e.payload.ticketId);
        if (collect) changes.triggers.push({ kind: 'ticket_comment', comment: e.payload, ticket: cache.tickets.get(e.payload.ticketId) });
      }
      return;
    case 'specialist.updated':
      cache.specialists.upsert(e.payload);
      changes.specialists.add(e.payload.id);
      changes.admin = true;
      return;
    case 'department.updated':
      cache.departments.upsert(e.payload);
      changes.departments.add(e.payload.id);
      changes.admin = true;
      return;
    case 'ticket.audit':
      if (cache.ticketAudit.add(e.payload)) changes.tickets.add(e.payload.ticketId);
      return;
    case 'incident.updated':
      cache.incidents.upsert(e.payload);
      changes.incidents.add(e.payload.id);
      return;
    case 'notice.updated':
      // The console shows the support page's banner only on the admin screens, which re-read it.
      changes.admin = true;
      return;
    case 'canned.updated':
      if (e.payload.deleted) cache.canned.remove(e.payload.canned.id);
      else cache.canned.upsert(e.payload.canned);
      changes.canned.add(e.payload.canned.id);
      changes.admin = true;
      return;
    case 'admin.audit':
      changes.admin = true;
      return;
  }
}

/** A snapshot refreshes directory data and open chats; history keeps coming from the event log. */
export function applySnapshot(cache: Cache, snapshot: AgentSnapshot): AppliedChanges {
  return cache.transaction(() => {
    const changes = emptyChanges(cache.syncState.cursor());
    for (const d of snapshot.departments) {
      cache.departments.upsert(d);
      changes.departments.add(d.id);
    }
    for (const s of [...snapshot.specialists, snapshot.me]) {
      cache.specialists.upsert(s);
      changes.specialists.add(s.id);
    }
    for (const c of snapshot.conversations) {
      cache.conversations.upsert(c);
      changes.conversations.add(c.id);
    }
    cache.syncState.set('me', JSON.stringify(snapshot.me));
    return changes;
  });
}
