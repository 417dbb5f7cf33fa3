// Counting what the faults did to the messages: lost, duplicated and reordered, from the database (against what
// every writer wrote) and from every client (against the database). Pure, so the rules are unit-tested.

export interface StoredMessage {
  id: string;
  conversationId: string;
  seq: number;
  body: string;
  internal: boolean;
}

/** What one writer (a customer or a specialist) wrote into one conversation, in the order written. */
export interface Written {
  conversationId: string;
  bodies: readonly string[];
}

export interface Counts {
  lost: number;
  duplicated: number;
  reordered: number;
}

export const ZERO: Counts = { lost: 0, duplicated: 0, reordered: 0 };
export const add = (a: Counts, b: Counts): Counts => ({ lost: a.lost + b.lost, duplicated: a.duplicated + b.duplicated, reordered: a.reordered + b.reordered });

function byConversation(rows: readonly StoredMessage[]): Map<string, StoredMessage[]> {
  const out = new Map<string, StoredMessage[]>();
  for (const r of rows) out.set(r.conversationId, [...(out.get(r.conversationId) ?? []), r]);
  for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
  return out;
}

/**
 * The database against the writers. Lost: written, not stored, and not shown to its writer as refused. Duplicated: stored more than once (a body is unique
 * per writer). Reordered: a writer's messages stored out of the order written, or a conversation whose seqs are not
 * 1, 2, 3, … (a hole or a repeat in the numbering every client orders by).
 */
export function countStored(rows: readonly StoredMessage[], written: readonly Written[], refused: ReadonlySet<string> = new Set()): Counts {
  const conversations = byConversation(rows);
  let lost = 0;
  let duplicated = 0;
  let reordered = 0;
  for (const w of written) {
    const stored = conversations.get(w.conversationId) ?? [];
    const seqOf = new Map<string, number[]>();
    for (const r of stored) seqOf.set(r.body, [...(seqOf.get(r.body) ?? []), r.seq]);
    let last = 0;
    for (const body of w.bodies) {
      const seqs = seqOf.get(body);
      if (!seqs) {
        // Refused by the server and shown to its writer as not sent (a reply to a chat that moved on) is not lost.
        if (!refused.has(body)) lost++;
        continue;
      }
      duplicated += seqs.length - 1;
      const first = Math.min(...seqs);
      if (first < last) reordered++;
      last = Math.max(last, first);
    }
  }
  for (const list of conversations.values()) list.forEach((r, i) => (reordered += r.seq === i + 1 ? 0 : 1));
  return { lost, duplicated, reordered };
}

/**
 * One client's transcript of one conversation, in the order it shows it, against the stored messages it may see.
 * Lost: stored, not shown. Duplicated: shown more than once. Reordered: shown out of seq order, or with another seq
 * than the stored one.
 */
export function countShown(shown: readonly Pick<StoredMessage, 'id' | 'seq'>[], stored: readonly StoredMessage[]): Counts {
  const storedSeq = new Map(stored.map((r) => [r.id, r.seq]));
  const seen = new Map<string, number>();
  let reordered = 0;
  let previous = 0;
  for (const m of shown) {
    seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
    if (m.seq <= previous) reordered++;
    previous = Math.max(previous, m.seq);
    const s = storedSeq.get(m.id);
    if (s !== undefined && s !== m.seq) reordered++;
  }
  const duplicated = [...seen.values()].reduce((n, c) => n + c - 1, 0);
  const lost = stored.filter((r) => !seen.has(r.id)).length;
  return { lost, duplicated, reordered };
}

export { byConversation };
