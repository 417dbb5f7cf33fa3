import { describe, expect, it } from 'vitest';
import { cycleChat, focusAfterClose } from '../../../../src-renderer/chats/chat-order';

describe('cycleChat', () => {
  it('moves forward and backward with wrap-around', () => {
    expect(cycleChat(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(cycleChat(['a', 'b', 'c'], 'a', -1)).toBe('c');
  });
  it('starts at an end when nothing is focused, and gives null with no chats', () => {
    expect(cycleChat(['a', 'b'], null, 1)).toBe('a');
    expect(cycleChat(['a', 'b'], null, -1)).toBe('b');
    expect(cycleChat([], null, 1)).toBeNull();
  });
});

describe('focusAfterClose', () => {
  it('keeps the focus when another chat closes', () => {
    expect(focusAfterClose(['a', 'b'], 'a', 'b')).toBe('b');
  });
  it('moves to the right neighbour, or the left one at the end', () => {
    expect(focusAfterClose(['a', 'b', 'c'], 'b', 'b')).toBe('c');
    expect(focusAfterClose(['a', 'b', 'c'], 'c', 'c')).toBe('b');
    expect(focusAfterClose(['a'], 'a', 'a')).toBeNull();
  });
});
