import { describe, expect, it } from 'vitest';
import { TYPING_THROTTLE_MS, TypingThrottle } from '../../../../src-server/chat/typing-signals';

describe('TypingThrottle', () => {
  it('sends the first signal and every change between typing and stopped', () => {
    const t = new TypingThrottle();
    expect(t.shouldSend('v:c1', true, 0)).toBe(true);
    expect(t.shouldSend('v:c1', false, 1)).toBe(true);
    expect(t.shouldSend('v:c1', true, 2)).toBe(true);
  });

  it('repeats "still typing" once per throttle window', () => {
    const t = new TypingThrottle();
    expect(t.shouldSend('v:c1', true, 0)).toBe(true);
    expect(t.shouldSend('v:c1', true, TYPING_THROTTLE_MS - 1)).toBe(false);
    expect(t.shouldSend('v:c1', true, TYPING_THROTTLE_MS)).toBe(true);
  });

  it('never repeats "stopped"', () => {
    const t = new TypingThrottle();
    expect(t.shouldSend('v:c1', false, 0)).toBe(true);
    expect(t.shouldSend('v:c1', false, 10 * TYPING_THROTTLE_MS)).toBe(false);
  });

  it('throttles each sender in each conversation on its own', () => {
    const t = new TypingThrottle();
    expect(t.shouldSend('v:c1', true, 0)).toBe(true);
    expect(t.shouldSend('s:dana:c1', true, 1)).toBe(true);
    expect(t.shouldSend('v:c2', true, 2)).toBe(true);
  });
});
