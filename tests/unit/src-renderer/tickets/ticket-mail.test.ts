import { describe, expect, it } from 'vitest';
import { headerText, keyHeaders, mailTitle, senderOf, sizeText } from '../../../../src-renderer/tickets/ticket-mail';

const headers = [
  { name: 'Received', value: 'from mx.example.com by support.example.com' },
  { name: 'Message-Id', value: '<abc@example.com>' },
  { name: 'From', value: 'Ana <ana@example.com>' },
  { name: 'Subject', value: 'Invoice 42' },
  { name: 'To', value: 'finance@support.example.com' },
  { name: 'Received', value: 'from laptop by mx.example.com' },
  { name: 'Date', value: 'Mon, 30 Nov 2026 10:00:00 +0000' },
];

describe('ticket mail', () => {
  it('picks the key headers in reading order whatever their case, leaving out the ones the mail lacks', () => {
    expect(keyHeaders(headers)).toEqual([
      { name: 'From', value: 'Ana <ana@example.com>' },
      { name: 'To', value: 'finance@support.example.com' },
      { name: 'Subject', value: 'Invoice 42' },
      { name: 'Date', value: 'Mon, 30 Nov 2026 10:00:00 +0000' },
      { name: 'Message-ID', value: '<abc@example.com>' },
    ]);
    expect(keyHeaders([])).toEqual([]);
  });

  it('writes every header line as received, repeated ones included, in order', () => {
    expect(headerText(headers).split('\n')).toEqual([
      'Received: from mx.example.com by support.example.com',
      'Message-Id: <abc@example.com>',
      'From: Ana <ana@example.com>',
      'Subject: Invoice 42',
      'To: finance@support.example.com',
      'Received: from laptop by mx.example.com',
      'Date: Mon, 30 Nov 2026 10:00:00 +0000',
    ]);
  });

  it('names the original and the replies, the sender and the size', () => {
    expect([0, 1, 2].map(mailTitle)).toEqual(['Original email', 'Reply 1', 'Reply 2']);
    expect(senderOf({ fromAddress: 'ana@example.com', envelopeFrom: 'bounce@example.com' })).toBe('ana@example.com');
    expect(senderOf({ fromAddress: null, envelopeFrom: 'bounce@example.com' })).toBe('bounce@example.com');
    expect(senderOf({ fromAddress: null, envelopeFrom: '' })).toBe('<>');
    expect([812, 14_500, 2_400_000].map(sizeText)).toEqual(['812 bytes', '14 KB', '2.3 MB']);
  });
});
