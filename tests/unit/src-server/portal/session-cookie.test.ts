import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, readCookie, sessionCookie } from '../../../../src-server/portal/session-cookie';

describe('readCookie', () => {
  it('finds the portal cookie among others, by exact name', () => {
    expect(readCookie('a=1; sb_portal=tok_en-1; b=2')).toBe('tok_en-1');
    expect(readCookie('xsb_portal=no; sb_portalx=no')).toBeNull();
    expect(readCookie('sb_portal=first; sb_portal=second')).toBe('first');
  });

  it('answers null without a header, with an empty value or a malformed pair', () => {
    expect(readCookie(undefined)).toBeNull();
    expect(readCookie('sb_portal=')).toBeNull();
    expect(readCookie('sb_portal')).toBeNull();
    expect(readCookie(';;')).toBeNull();
  });
});

describe('sessionCookie', () => {
  it('sets HttpOnly, SameSite=Lax, the portal API path and Max-Age in seconds; Secure only when asked', () => {
    expect(sessionCookie('abc', { maxAgeMs: 90_500, secure: false })).toBe('sb_portal=abc; Path=/api/portal; Max-Age=90; HttpOnly; SameSite=Lax');
    expect(sessionCookie('abc', { maxAgeMs: 1000, secure: true })).toBe('sb_portal=abc; Path=/api/portal; Max-Age=1; HttpOnly; SameSite=Lax; Secure');
  });

  it('clears with the same path and flags, so the browser drops the very cookie it holds', () => {
    expect(clearedSessionCookie({ secure: true })).toBe('sb_portal=; Path=/api/portal; Max-Age=0; HttpOnly; SameSite=Lax; Secure');
  });
});
