import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../../../../src-shared/limits';
import { counterText, lengthStatus } from '../../../../../src-server/widget/src/message-limit';

describe('lengthStatus', () => {
  it('hides the counter for ordinary messages', () => {
    expect(lengthStatus('Hello')).toMatchObject({ length: 5, showCounter: false, tooLong: false });
    expect(lengthStatus('x'.repeat(4499)).showCounter).toBe(false);
  });

  it('shows the counter from 90% of the limit and allows exactly the limit', () => {
    expect(lengthStatus('x'.repeat(4500))).toMatchObject({ showCounter: true, remaining: 500, tooLong: false });
    expect(lengthStatus('x'.repeat(MAX_MESSAGE_CHARS))).toMatchObject({ remaining: 0, tooLong: false });
  });

  it('marks a message one character over the server limit as too long', () => {
    expect(lengthStatus('x'.repeat(MAX_MESSAGE_CHARS + 1))).toMatchObject({ remaining: -1, tooLong: true, showCounter: true });
  });

  it('counts UTF-16 units like the server does, so an emoji costs two', () => {
    expect(lengthStatus('😀').length).toBe(2);
  });
});

describe('counterText', () => {
  it('says how many characters are left or over, singular for one', () => {
    expect(counterText(lengthStatus('x'.repeat(4880)))).toBe('120 characters left');
    expect(counterText(lengthStatus('x'.repeat(4999)))).toBe('1 character left');
    expect(counterText(lengthStatus('x'.repeat(5035)))).toBe('35 characters over the limit');
  });
});
