import { describe, expect, it } from 'vitest';
import { queueStatsOf } from '../../../../src-server/chat/queue-status';

describe('queueStatsOf', () => {
  it('counts the waiting chats of each department and the earliest queued time among them', () => {
    const stats = queueStatsOf([
      { departmentId: 'finance', queuedAt: 300 },
      { departmentId: 'technical', queuedAt: 200 },
      { departmentId: 'finance', queuedAt: 100 },
    ]);
    expect(stats).toEqual([
      { departmentId: 'finance', waiting: 2, longestWaitSince: 100 },
      { departmentId: 'technical', waiting: 1, longestWaitSince: 200 },
    ]);
  });

  it('lists no department for an empty queue', () => {
    expect(queueStatsOf([])).toEqual([]);
  });
});
