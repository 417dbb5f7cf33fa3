import { describe, expect, it } from 'vitest';
import { ticketReplyMail } from '../../../../src-server/email/ticket-reply-mail';
import { stripQuotedReply } from '../../../../src-server/inbound/quoted-text';

describe('ticketReplyMail', () => {
  const mail = ticketReplyMail({ ticket: { id: 42, subject: 'Printer jams' }, comment: { authorName: 'Dana', body: 'Please try tray 2.' }, commentUrl: 'https://s.example/comment/42?sig=x' });
  it('names the ticket in the subject and carries the comment, the link and how to answer', () => {
    expect(mail.subject).toBe('Re: Printer jams [#42]');
    expect(mail.text).toContain('Dana replied to your ticket #42:\n\nPlease try tray 2.');
    expect(mail.text).toContain('https://s.example/comment/42?sig=x');
    expect(mail.text).toContain('Replying to this email adds your reply to the ticket.');
  });
  it('starts with the marker, so a reply that quotes it without ">" keeps only the customer\'s words', () => {
    const outlookStyle = `Tray 2 works.\n\n________________________________\n${mail.text}`;
    expect(stripQuotedReply(outlookStyle)).toBe('Tray 2 works.\n\n________________________________');
  });
});
