import { describe, expect, it } from 'vitest';
import { baseAddress, matchReply, replyAddress, ticketFromAddress } from '../../../../src-server/inbound/reply-address';

const SECRET = 's'.repeat(40);

describe('reply addresses', () => {
  it('a signed address names its ticket and delivers to the department address', () => {
    const a = replyAddress(SECRET, 'tech@support.example.com', 42);
    expect(a).toMatch(/^tech\+t42\.[A-Za-z0-9_-]{16}@support\.example\.com$/);
    expect(ticketFromAddress(SECRET, a)).toBe(42);
    expect(baseAddress(a)).toBe('tech@support.example.com');
  });
  it('a changed ticket number, a forged signature or another secret is refused', () => {
    const a = replyAddress(SECRET, 'tech@support.example.com', 42);
    expect(ticketFromAddress(SECRET, a.replace('+t42.', '+t43.'))).toBeNull();
    expect(ticketFromAddress('x'.repeat(40), a)).toBeNull();
    expect(ticketFromAddress(SECRET, 'tech+t42.AAAAAAAAAAAAAAAA@support.example.com')).toBeNull();
    expect(ticketFromAddress(SECRET, 'tech@support.example.com')).toBeNull();
  });
});

describe('matchReply', () => {
  const base = { recipients: ['tech@support.example.com'], subject: 'Re: [#7] Printer', referencedIds: [] as string[], sentIdsForTicket: (id: number) => (id === 7 ? ['<switchboard.outbox.3.x@support.example.com>'] : []) };
  it('a signed recipient is enough', () => {
    expect(matchReply(SECRET, { ...base, subject: 'hello', recipients: [replyAddress(SECRET, 'tech@support.example.com', 9)] })).toBe(9);
  });
  it('a subject tag counts only with a reference to a Message-ID we sent for that ticket', () => {
    expect(matchReply(SECRET, base)).toBeNull();
    expect(matchReply(SECRET, { ...base, referencedIds: ['<other@x>', '<SWITCHBOARD.outbox.3.x@support.example.com>'] })).toBe(7);
    expect(matchReply(SECRET, { ...base, subject: 'Re: [#8] Printer', referencedIds: ['<switchboard.outbox.3.x@support.example.com>'] })).toBeNull();
  });
  it('a new mail with neither is no reply', () => {
    expect(matchReply(SECRET, { ...base, subject: 'Printer broken' })).toBeNull();
  });
});
