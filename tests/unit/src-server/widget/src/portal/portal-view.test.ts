import { describe, expect, it } from 'vitest';
import { addCcChips, expiryText, MAX_CCS, signInLinkProblem, statusesFor, statusFilters } from '../../../../../../src-server/widget/src/portal/portal-view';

describe('addCcChips', () => {
  it('turns comma-, semicolon- or space-separated addresses into lower-cased chips', () => {
    expect(addCcChips([], 'Pat@Example.com, sam@example.org;lee@example.net  kim@example.com')).toEqual({
      chips: ['pat@example.com', 'sam@example.org', 'lee@example.net', 'kim@example.com'],
      rest: '',
      error: null,
    });
  });

  it('skips duplicates of a chip and of an address already copied on the ticket', () => {
    expect(addCcChips(['pat@example.com'], 'PAT@example.com, old@example.com, new@example.com', ['Old@Example.com']).chips).toEqual(['pat@example.com', 'new@example.com']);
  });

  it('keeps the first address that is not an email (and everything after it) in the box, with the reason', () => {
    expect(addCcChips([], 'ok@example.com, not-an-email, later@example.com')).toEqual({
      chips: ['ok@example.com'],
      rest: 'not-an-email, later@example.com',
      error: '“not-an-email” is not a valid email address.',
    });
  });

  it('refuses more CCs than a request may carry', () => {
    const full = Array.from({ length: MAX_CCS }, (_, i) => `p${i}@example.com`);
    const res = addCcChips(full, 'one-more@example.com');
    expect(res.chips).toHaveLength(MAX_CCS);
    expect(res.rest).toBe('one-more@example.com');
    expect(res.error).toMatch(/at most 20/);
  });

  it('adds nothing and complains about nothing for an empty box', () => {
    expect(addCcChips(['a@example.com'], '  ')).toEqual({ chips: ['a@example.com'], rest: '', error: null });
  });
});

describe('signInLinkProblem', () => {
  it('tells a used link (conflict) from an expired one and from a broken one', () => {
    expect(signInLinkProblem({ code: 'conflict', message: 'This sign-in link was already used; ask for a new one.' })).toBe('used');
    expect(signInLinkProblem({ code: 'expired', message: 'expired' })).toBe('expired');
    expect(signInLinkProblem({ code: 'unauthorized', message: 'This sign-in link is not valid' })).toBe('invalid');
    expect(signInLinkProblem({ code: 'bad_request', message: 'token too short' })).toBe('invalid');
    expect(signInLinkProblem({ code: 'unavailable', message: 'offline' })).toBe('other');
  });
});

describe('statusFilters', () => {
  it('offers every status by the docs’ names, plus all and in-progress', () => {
    expect(statusFilters.map((f) => f.label)).toEqual([
      'All requests',
      'In progress (not solved or closed)',
      'Open',
      'Awaiting your reply',
      'Fixed – Pending RCA',
      'Solved',
      'Closed',
    ]);
    expect(statusesFor('all')).toEqual([]);
    expect(statusesFor('active')).toEqual(['open', 'awaiting_reply', 'fixed_pending_rca']);
    expect(statusesFor('solved')).toEqual(['solved']);
    expect(statusesFor('bogus')).toEqual([]);
  });
});

describe('expiryText', () => {
  const at = Date.UTC(2026, 10, 18, 15, 15);
  const opts = { locale: 'en-US', timeZone: 'UTC' };
  const plain = (s: string) => s.replace(/\u202f/g, ' ');

  it('names the time and how long is left while that is plausible', () => {
    expect(plain(expiryText(at, at - 15 * 60_000, opts))).toBe('until 3:15 PM (in 15 minutes)');
    expect(plain(expiryText(at, at - 60_000, opts))).toBe('until 3:15 PM (in 1 minute)');
    expect(plain(expiryText(at, at - 3 * 3_600_000, opts))).toBe('until 3:15 PM (in 3 hours)');
  });

  it('gives the date and time only when the browser clock disagrees with the server (already past, or days away)', () => {
    expect(plain(expiryText(at, at + 60_000, opts))).toBe('until Nov 18, 3:15 PM');
    expect(plain(expiryText(at, at - 3 * 86_400_000, opts))).toBe('until Nov 18, 3:15 PM');
  });
});
