import { describe, expect, it } from 'vitest';
import { countForeignAfter, mergeMessages } from '../../../../src-renderer/store/message-list';
import { ME, message } from '../factories';

describe('mergeMessages', () => {
  it('appends newer messages in seq order', () => {
    const merged = mergeMessages([message(1), message(2)], [message(4), message(3)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('drops a re-delivered message instead of showing it twice', () => {
    const first = message(2);
    const merged = mergeMessages([message(1), first], [{ ...first }, message(3)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('merges an older page in front', () => {
    const merged = mergeMessages([message(5), message(6)], [message(3), message(4)]);
    expect(merged.map((m) => m.seq)).toEqual([3, 4, 5, 6]);
  });

  it('returns the same array when nothing arrives, so subscribers do not re-render', () => {
    const list = [message(1)];
    expect(mergeMessages(list, [])).toBe(list);
  });
});

describe('pending messages', () => {
  it('keeps a pending message after the confirmed ones even when it was sent earlier', () => {
    const pending = message(0, { pending: true, createdAt: 1, authorKind: 'specialist', authorId: ME });
    const merged = mergeMessages(mergeMessages([message(1)], [pending]), [message(2, { createdAt: 5000 })]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 0]);
  });

  it('replaces the pending copy when the server confirms it', () => {
    const pending = message(0, { pending: true, authorKind: 'specialist', authorId: ME });
    const confirmed = message(2, { clientId: pending.clientId, authorKind: 'specialist', authorId: ME });
    const merged = mergeMessages([message(1), pending], [confirmed]);
    expect(merged.map((m) => [m.seq, m.pending ?? false])).toEqual([
      [1, false],
      [2, false],
    ]);
  });

  it('ignores a late pending copy of an already confirmed message', () => {
    const confirmed = message(2);
    const merged = mergeMessages([message(1), confirmed], [{ ...confirmed, seq: 0, pending: true, id: 'x' }]);
    expect(merged).toHaveLength(2);
  });
});

describe('countForeignAfter', () => {
  it('counts only other people’s messages after the seq', () => {
    const list = [message(1), message(2, { authorId: ME, authorKind: 'specialist' }), message(3), message(4)];
    expect(countForeignAfter(list, 1, ME)).toBe(2);
  });
});
