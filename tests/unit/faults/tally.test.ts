// The fault suite's counting rules: each kind of damage is counted, and a clean run counts zero.
import { describe, expect, it } from 'vitest';
import { countShown, countStored, type StoredMessage } from '../../faults/support/tally';

const row = (seq: number, body: string, conversationId = 'c1'): StoredMessage => ({ id: `${conversationId}-${seq}`, conversationId, seq, body, internal: false });

describe('countStored (the database against what was written)', () => {
  const written = [
    { conversationId: 'c1', bodies: ['v#0', 'v#1', 'v#2'] },
    { conversationId: 'c1', bodies: ['re v#0'] },
  ];
  it('counts nothing when every message is stored once, in the order written, numbered 1…n', () => {
    expect(countStored([row(1, 'hello'), row(2, 'v#0'), row(3, 're v#0'), row(4, 'v#1'), row(5, 'v#2')], written)).toEqual({ lost: 0, duplicated: 0, reordered: 0 });
  });
  it('counts a message written but not stored as lost', () => {
    expect(countStored([row(1, 'v#0'), row(2, 're v#0'), row(3, 'v#2')], written)).toEqual({ lost: 1, duplicated: 0, reordered: 0 });
  });
  it('does not count a message the server refused and its writer was shown as refused', () => {
    expect(countStored([row(1, 'v#0'), row(2, 're v#0'), row(3, 'v#2')], written, new Set(['v#1']))).toEqual({ lost: 0, duplicated: 0, reordered: 0 });
  });
  it('counts a message stored twice as duplicated', () => {
    expect(countStored([row(1, 'v#0'), row(2, 'v#1'), row(3, 'v#1'), row(4, 'v#2'), row(5, 're v#0')], written)).toEqual({ lost: 0, duplicated: 1, reordered: 0 });
  });
  it('counts a writer’s messages stored out of the order written, and holes in the numbering, as reordered', () => {
    expect(countStored([row(1, 'v#1'), row(2, 'v#0'), row(3, 'v#2'), row(4, 're v#0')], written).reordered).toBe(1);
    expect(countStored([row(1, 'v#0'), row(2, 'v#1'), row(4, 'v#2'), row(5, 're v#0')], written).reordered).toBe(2);
  });
});

describe('countShown (a client against the database)', () => {
  const stored = [row(1, 'a'), row(2, 'b'), row(3, 'c')];
  const shown = (...seqs: number[]) => seqs.map((seq) => ({ id: `c1-${seq}`, seq }));
  it('counts nothing for the same messages in seq order', () => {
    expect(countShown(shown(1, 2, 3), stored)).toEqual({ lost: 0, duplicated: 0, reordered: 0 });
  });
  it('counts missing, repeated and out-of-order messages', () => {
    expect(countShown(shown(1, 3), stored)).toEqual({ lost: 1, duplicated: 0, reordered: 0 });
    expect(countShown(shown(1, 2, 2, 3), stored)).toEqual({ lost: 0, duplicated: 1, reordered: 1 });
    expect(countShown(shown(2, 1, 3), stored)).toEqual({ lost: 0, duplicated: 0, reordered: 1 });
  });
  it('counts a message shown with another seq than stored as reordered', () => {
    expect(countShown([{ id: 'c1-1', seq: 1 }, { id: 'c1-2', seq: 3 }, { id: 'c1-3', seq: 4 }], stored).reordered).toBe(2);
  });
});
