import { describe, expect, it } from 'vitest';
import { decideInbound } from '../../../../src-server/inbound/inbound-decision';
import type { ParsedInbound } from '../../../../src-server/inbound/inbound-parse';
import { replyAddress } from '../../../../src-server/inbound/reply-address';

const SECRET = 's'.repeat(40);
const ctx = { secret: SECRET, ownMessageIdDomain: 'support.example.com', departmentId: 'technical', envelopeTo: ['tech@support.example.com'], sentIdsForTicket: () => [] };
const mail = (over: Partial<ParsedInbound> = {}): ParsedInbound => ({
  messageId: '<m@c.example>', from: 'ann@c.example', subject: 'Printer', text: 'It jams.', recipients: ['tech@support.example.com'], referencedIds: [], headers: new Map(), attachments: [], ...over,
});

describe('decideInbound', () => {
  it('a new mail becomes a ticket in the mapped department', () => {
    expect(decideInbound(mail(), ctx)).toEqual({ action: 'ticket', departmentId: 'technical', subject: 'Printer', text: 'It jams.' });
    expect(decideInbound(mail({ subject: '  ' }), ctx)).toMatchObject({ subject: '(no subject)' });
  });
  it('a reply to the signed address becomes a comment without the quoted mail, also when only the envelope carries it', () => {
    const to = replyAddress(SECRET, 'tech@support.example.com', 12);
    expect(decideInbound(mail({ recipients: [to], text: 'Still.\n\nOn Mon, Support wrote:\n> old' }), ctx)).toEqual({ action: 'comment', ticketId: 12, text: 'Still.' });
    expect(decideInbound(mail(), { ...ctx, envelopeTo: [to] })).toMatchObject({ action: 'comment', ticketId: 12 });
  });
  it('an auto-reply to the signed address is ignored, never a comment', () => {
    const to = replyAddress(SECRET, 'tech@support.example.com', 12);
    expect(decideInbound(mail({ recipients: [to], headers: new Map([['auto-submitted', 'auto-replied']]) }), ctx)).toEqual({ action: 'ignore', reason: 'Auto-Submitted: auto-replied' });
  });
});
