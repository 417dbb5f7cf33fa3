import { describe, expect, it } from 'vitest';
import { chooseSpecialist, planAssignments, queuePositions, type RoutingCandidate } from '../../../../src-server/chat/routing';

const c = (id: string, activeChats: number, idleSince: number, max = 3, departmentIds = ['d']): RoutingCandidate => ({ id, activeChats, idleSince, maxConcurrentChats: max, departmentIds });

describe('chooseSpecialist', () => {
  it('picks the least-loaded eligible specialist', () => {
    expect(chooseSpecialist([c('a', 2, 0), c('b', 1, 5), c('x', 0, 0, 3, ['other'])], 'd')?.id).toBe('b');
  });
  it('breaks a load tie by the longest idle', () => {
    expect(chooseSpecialist([c('a', 1, 50), c('b', 1, 10)], 'd')?.id).toBe('b');
  });
  it('skips specialists at their maximum and answers null when nobody fits', () => {
    expect(chooseSpecialist([c('a', 3, 0), c('b', 1, 0, 1)], 'd')).toBeNull();
  });
});

describe('planAssignments', () => {
  it('assigns oldest first and counts load as it goes', () => {
    const plan = planAssignments(
      [
        { id: 'q2', departmentId: 'd', queuedAt: 20 },
        { id: 'q1', departmentId: 'd', queuedAt: 10 },
        { id: 'q3', departmentId: 'd', queuedAt: 30 },
      ],
      [c('a', 0, 0, 1), c('b', 0, 1, 1)],
      100,
    );
    expect(plan).toEqual([
      { conversationId: 'q1', specialistId: 'a' },
      { conversationId: 'q2', specialistId: 'b' },
    ]);
  });
  it('a chat nobody can take does not block another department', () => {
    const plan = planAssignments(
      [
        { id: 'x', departmentId: 'none', queuedAt: 1 },
        { id: 'y', departmentId: 'd', queuedAt: 2 },
      ],
      [c('a', 0, 0)],
      5,
    );
    expect(plan).toEqual([{ conversationId: 'y', specialistId: 'a' }]);
  });
});

describe('queuePositions', () => {
  it('numbers each department from 1, keeping arrival order on equal times', () => {
    const p = queuePositions([
      { id: 'a', departmentId: 'd', queuedAt: 5 },
      { id: 'b', departmentId: 'e', queuedAt: 1 },
      { id: 'c', departmentId: 'd', queuedAt: 5 },
      { id: 'd', departmentId: 'd', queuedAt: 1 },
    ]);
    expect(Object.fromEntries(p)).toEqual({ d: 1, a: 2, c: 3, b: 1 });
  });
});
