// The queue seen from outside: each waiting visitor's position (pushed when it changed), and the waiting figures per department for consoles.
import type { Conversation } from '../../src-shared/conversation';
import type { ServerContext } from '../context';
import type { QueueStat } from '../sockets/broadcaster';
import * as conversations from '../db/conversations';
import { queuePositions } from './routing';

export function queueStatsOf(queue: readonly Pick<Conversation, 'departmentId' | 'queuedAt'>[]): QueueStat[] {
  const stats = new Map<string, { waiting: number; longestWaitSince: number | null }>();
  for (const q of queue) {
    const s = stats.get(q.departmentId) ?? { waiting: 0, longestWaitSince: null };
    s.waiting += 1;
    s.longestWaitSince = s.longestWaitSince === null ? q.queuedAt : Math.min(s.longestWaitSince, q.queuedAt);
    stats.set(q.departmentId, s);
  }
  return [...stats].map(([departmentId, s]) => ({ departmentId, ...s }));
}

export class QueueStatus {
  /** The position each visitor was last told, so an unchanged one is not sent again. */
  private readonly lastPositions = new Map<string, number>();

  constructor(private readonly ctx: ServerContext) {}

  /** Pushes the positions that changed to their visitors, and the queue's figures to the consoles. */
  async push(): Promise<void> {
    const queue = await conversations.listQueued(this.ctx.db);
    const positions = queuePositions(queue);
    for (const [id, position] of positions) {
      if (this.lastPositions.get(id) === position) continue;
      this.lastPositions.set(id, position);
      this.ctx.broadcaster.queuePosition(id, position);
    }
    for (const id of [...this.lastPositions.keys()]) if (!positions.has(id)) this.lastPositions.delete(id);
    this.ctx.broadcaster.queueStats(queueStatsOf(queue));
  }

  /** Waiting chats per department right now (sent to a console when it connects). */
  async stats(): Promise<QueueStat[]> {
    return queueStatsOf(await conversations.listQueued(this.ctx.db));
  }

  /** The chat ended: it has no place in the queue to remember. */
  forget(conversationId: string): void {
    this.lastPositions.delete(conversationId);
  }
}
