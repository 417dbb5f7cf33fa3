import { describe, expect, it } from 'vitest';
import { canProcessAgain, countText, failedNotice, statusChoices } from '../../../../src-renderer/admin/inbound-list';

describe('inbound mail list', () => {
  it('offers All, then every status, with the failed count on its choice only', () => {
    const choices = statusChoices(3, 200);
    expect(choices.map((c) => c.status)).toEqual([null, 'received', 'processed', 'ignored', 'failed']);
    expect(choices.map((c) => c.label)).toEqual(['All', 'Waiting to be processed', 'On a ticket', 'Ignored (automatic mail)', 'Could not be read']);
    expect(choices.map((c) => c.count)).toEqual([null, null, null, null, '3']);
    // Unknown before the first read: no number rather than a wrong 0.
    expect(statusChoices(null, 200).every((c) => c.count === null)).toBe(true);
  });

  it('says "200+" when the server answered as many as it lists', () => {
    expect(countText(199, 200)).toBe('199');
    expect(countText(200, 200)).toBe('200+');
    expect(failedNotice(200, 200)).toBe('200+ mails could not be read.');
    expect(failedNotice(1, 200)).toBe('1 mail could not be read.');
    expect(failedNotice(0, 200)).toBeNull();
    expect(failedNotice(null, 200)).toBeNull();
  });

  it('processes again only a mail that failed or is still waiting', () => {
    expect(canProcessAgain('failed')).toBe(true);
    expect(canProcessAgain('received')).toBe(true);
    expect(canProcessAgain('processed')).toBe(false);
    expect(canProcessAgain('ignored')).toBe(false);
  });
});
