// The routing choice as pure functions: which online specialist gets which queued chat.
export interface RoutingCandidate {
  id: string;
  departmentIds: readonly string[];
  activeChats: number;
  maxConcurrentChats: number;
  /** When they last got a chat or came online; the longest idle wins a tie. */
  idleSince: number;
}

export interface QueuedChat {
  id: string;
  departmentId: string;
  queuedAt: number;
}

/** Least-loaded eligible specialist of the department with free capacity; ties → longest idle, then id for determinism. */
export function chooseSpecialist(candidates: readonly RoutingCandidate[], departmentId: string): RoutingCandidate | null {
  let best: RoutingCandidate | null = null;
  for (const c of candidates) {
    if (!c.departmentIds.includes(departmentId) || c.activeChats >= c.maxConcurrentChats) continue;
    if (
      best === null ||
      c.activeChats < best.activeChats ||
      (c.activeChats === best.activeChats && (c.idleSince < best.idleSince || (c.idleSince === best.idleSince && c.id < best.id)))
    ) {
      best = c;
    }
  }
  return best;
}

export interface Assignment {
  conversationId: string;
  specialistId: string;
}

/**
 * Assigns queued chats oldest first, each to the best specialist at that moment (loads update as we go);
 * a chat nobody can take stays queued without blocking chats of other departments behind it.
 */
export function planAssignments(queue: readonly QueuedChat[], candidates: readonly RoutingCandidate[], now: number): Assignment[] {
  const pool = candidates.map((c) => ({ ...c }));
  const out: Assignment[] = [];
  // Stable sort: chats queued in the same millisecond keep the order the caller gave (arrival order).
  const ordered = [...queue].sort((a, b) => a.queuedAt - b.queuedAt);
  for (const chat of ordered) {
    const pick = chooseSpecialist(pool, chat.departmentId);
    if (!pick) continue;
    pick.activeChats += 1;
    pick.idleSince = now;
    out.push({ conversationId: chat.id, specialistId: pick.id });
  }
  return out;
}

/** 1-based positions per department, oldest first (ties keep input order). */
export function queuePositions(queue: readonly QueuedChat[]): Map<string, number> {
  const byDept = new Map<string, QueuedChat[]>();
  for (const q of queue) byDept.set(q.departmentId, [...(byDept.get(q.departmentId) ?? []), q]);
  const out = new Map<string, number>();
  for (const list of byDept.values()) {
    list.sort((a, b) => a.queuedAt - b.queuedAt);
    list.forEach((q, i) => out.set(q.id, i + 1));
  }
  return out;
}
