import { describe, expect, it } from 'vitest';
import { messageOptions } from '../../../../src-server/email/mailer';

describe('messageOptions (both transports)', () => {
  it('sets Reply-To, the threading headers and the ticket header on ticket mail', () => {
    const o = messageOptions('Support <s@x.example>', {
      kind: 'ticket_reply',
      to: 'ann@c.example',
      subject: 'Re: Printer [#4]',
      text: 't',
      ticketId: 4,
      messageId: '<switchboard.outbox.9.a@x.example>',
      replyTo: 'tech+t4.sig@x.example',
      inReplyTo: '<c1@c.example>',
      references: ['<c1@c.example>', '<switchboard.outbox.8.a@x.example>'],
    });
    expect(o).toMatchObject({
      replyTo: 'tech+t4.sig@x.example',
      inReplyTo: '<c1@c.example>',
      references: ['<c1@c.example>', '<switchboard.outbox.8.a@x.example>'],
      headers: { 'X-Switchboard-Ticket': '4' },
      messageId: '<switchboard.outbox.9.a@x.example>',
    });
  });
  it('leaves them out when there is nothing to set (mail about no ticket, a department without an address)', () => {
    const o = messageOptions('s@x.example', { kind: 'account_management', to: 'am@x.example', subject: 's', text: 't', ticketId: null, replyTo: null, inReplyTo: null, references: [] });
    expect(Object.keys(o).sort()).toEqual(['from', 'subject', 'text', 'to']);
  });
});
