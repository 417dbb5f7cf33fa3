import { describe, expect, it } from 'vitest';
import { signInProblem } from '../../../../src-renderer/login/sign-in-problem';

describe('signInProblem', () => {
  it('names the address that could not be reached', () => {
    const text = signInProblem('http://127.0.0.1:9', { code: 'unavailable', message: 'The support server cannot be reached' });
    expect(text).toBe('The support server cannot be reached (http://127.0.0.1:9). Check the address, and that the server is running.');
  });

  it('names the address when a proxy answered instead of the server', () => {
    expect(signInProblem('https://help.example.com', { code: 'unavailable', message: 'The support server answered HTTP 502.' })).toContain(
      'The support server answered HTTP 502 (https://help.example.com).',
    );
  });

  it("passes the server's own refusal through unchanged", () => {
    expect(signInProblem('http://127.0.0.1:4080', { code: 'unauthorized', message: 'Wrong email or password.' })).toBe('Wrong email or password.');
  });
});
