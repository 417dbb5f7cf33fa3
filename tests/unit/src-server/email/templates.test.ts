import { describe, expect, it } from 'vitest';
import { chatRecap, emailAcknowledgement } from '../../../../src-server/email/templates';
import { makeMessage, makeTicket } from '../../../support/entity-factories';

const SPAM = 'CLAIM YOUR PRIZE at http://spam.example';
const transcript = [
  makeMessage(1, { authorKind: 'visitor', authorName: 'victim@example.com', body: SPAM }),
  makeMessage(2, { authorKind: 'specialist', authorName: 'Dana', body: "Hi, I'm Dana. How can I help?" }),
  makeMessage(3, { authorKind: 'system', authorName: 'Switchboard', body: 'The visitor left the chat.' }),
];

describe('mails to addresses that never proved themselves', () => {
  it('the EMAIL US acknowledgement carries none of the requester’s text, only ours and the link', () => {
    const ticket = makeTicket({ id: 42, subject: SPAM });
    const mail = emailAcknowledgement({ ticket, expectedReplyText: 'Our Finance team will reply during business hours.', commentUrl: 'http://x/comment/42?sig=s', departmentName: 'Finance' });
    expect(`${mail.subject}\n${mail.text}`).not.toContain('PRIZE');
    expect(mail.subject).toBe('We received your request — ticket #42');
    expect(mail.text).toContain('http://x/comment/42?sig=s');
  });

  it('a chat recap quotes the visitor only when a specialist ended the chat', () => {
    const ticket = makeTicket({ id: 7, subject: SPAM });
    const left = chatRecap({ ticket, transcript, endReason: 'visitor_left', commentUrl: 'http://x/c', departmentName: 'Technical' });
    expect(`${left.subject}\n${left.text}`).not.toContain('PRIZE');
    expect(left.text).toContain("Dana: Hi, I'm Dana.");
    expect(left.text).toContain('http://x/c');
    const ended = chatRecap({ ticket, transcript, endReason: 'specialist', commentUrl: 'http://x/c', departmentName: 'Technical' });
    expect(ended.text).toContain(SPAM);
    expect(ended.subject).not.toContain('PRIZE');
  });
});
