// Which outbox items may go out now. Items are ordered per lane — one chat, one ticket, one incident — and lanes are
// independent: an item that is slow or keeps failing delays only what was queued after it in its own lane, and
// several lanes send at once, so a console with many busy chats is not limited to one round trip per action.
import { isTransient } from './outbox-retry';

/**
 * The lane of an action: its chat, else its ticket, else its incident. An action tied to none of them (accept the
 * next chat, declare an incident) has nothing to keep in order with, so it gets a lane of its own.
 */
export function laneOf(payload: Readonly<Record<string, unknown>>, clientId: string): string {
  const key = (name: string) => {
    const v = payload[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
  };
  const conversationId = key('conversationId');
  if (conversationId !== null) return `chat:${conversationId}`;
  const ticketId = key('ticketId');
  if (ticketId !== null) return `ticket:${ticketId}`;
  const incidentId = key('incidentId');
  if (incidentId !== null) return `incident:${incidentId}`;
  return `own:${clientId}`;
}

/** What planning needs of a stored item (no payload), in the order the actions were taken. */
export interface QueuedEntry {
  clientId: string;
  lane: string;
  state: 'pending' | 'sending' | 'failed';
  nextAttemptAt: number;
  errorCode: string | null;
}

export interface SendPlan {
  /** Client ids to send now, oldest first, at most one per lane. */
  due: string[];
  /** The earliest moment a lane head that is not due yet becomes due (null: nothing to wait for). */
  wakeAt: number | null;
}

/**
 * A failed item whose last error was transient ran out of retries: later actions of its lane wait behind it
 * (a chat's messages must not overtake one the specialist may still retry). A permanent refusal (`forbidden`:
 * the chat went to someone else) does not hold its lane: what follows gets its own answer.
 */
export const holdsLane = (e: QueuedEntry): boolean => e.state === 'failed' && e.errorCode !== null && isTransient({ code: e.errorCode });

/** Pure: the lane heads due at `now`, skipping lanes with an item in flight (`busy`), at most `slots` of them. */
export function planSends(queue: readonly QueuedEntry[], now: number, busy: ReadonlySet<string>, slots: number): SendPlan {
  const decided = new Set<string>(busy);
  const due: string[] = [];
  let wakeAt: number | null = null;
  for (const e of queue) {
    if (decided.has(e.lane)) continue;
    if (e.state === 'failed') {
      if (holdsLane(e)) decided.add(e.lane);
      continue;
    }
    decided.add(e.lane);
    if (e.nextAttemptAt > now) wakeAt = wakeAt === null ? e.nextAttemptAt : Math.min(wakeAt, e.nextAttemptAt);
    else if (due.length < slots) due.push(e.clientId);
    // A due head beyond the free slots goes out when a send finishes (that re-plans).
  }
  return { due, wakeAt };
}
