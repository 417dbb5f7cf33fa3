// Merging message batches into a conversation's ordered transcript: server seq defines the order, pending
// messages (sent from this console, not yet confirmed: seq 0) follow in send order, and a confirmed message
// replaces its pending copy by client id.
import type { ConsoleMessage } from '../../src-shared/console-api';

export const isPending = (m: ConsoleMessage): boolean => m.pending === true || m.seq === 0;

/**
 * Returns `existing` plus `incoming` without duplicates. The common case — confirmed messages after the last
 * one, nothing pending — appends without re-sorting, so a 10k transcript is not re-sorted per arriving message.
 */
export function mergeMessages(existing: readonly ConsoleMessage[], incoming: readonly ConsoleMessage[]): ConsoleMessage[] {
  if (incoming.length === 0) return existing as ConsoleMessage[];
  const last = existing[existing.length - 1];
  if ((last === undefined || !isPending(last)) && incoming.every((m) => !isPending(m))) {
    const sorted = [...incoming].sort((a, b) => a.seq - b.seq);
    if (sorted[0]!.seq > (last?.seq ?? 0) && isStrictlyIncreasing(sorted)) return [...existing, ...sorted];
  }
  const confirmed = new Map<number, ConsoleMessage>();
  const pending = new Map<string, ConsoleMessage>();
  for (const m of [...existing, ...incoming]) {
    if (isPending(m)) pending.set(m.clientId, m);
    else confirmed.set(m.seq, m);
  }
  for (const m of confirmed.values()) pending.delete(m.clientId);
  return [...[...confirmed.values()].sort((a, b) => a.seq - b.seq), ...[...pending.values()].sort((a, b) => a.createdAt - b.createdAt)];
}

function isStrictlyIncreasing(list: readonly ConsoleMessage[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.seq <= list[i - 1]!.seq) return false;
  return true;
}

/** Messages that arrived after `seq` and were written by someone else (what an unread marker counts). */
export function countForeignAfter(list: readonly ConsoleMessage[], seq: number, myId: string | null): number {
  let n = 0;
  for (let i = list.length - 1; i >= 0 && list[i]!.seq > seq; i--) if (list[i]!.authorId !== myId) n++;
  return n;
}
