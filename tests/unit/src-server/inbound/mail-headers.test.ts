import { describe, expect, it } from 'vitest';
import { unfoldedHeaders } from '../../../../src-server/inbound/mail-headers';

describe('unfoldedHeaders', () => {
  it('joins folded lines, keeps order and repeats, and stops at the body', () => {
    const raw = Buffer.from('Received: from a\r\n\tby b; Mon\r\nSubject: Hi\r\nReceived: from c\r\nReturn-Path: <>\r\n\r\nBody: not a header\r\n');
    expect(unfoldedHeaders(raw)).toEqual([
      { name: 'Received', value: 'from a\tby b; Mon' },
      { name: 'Subject', value: 'Hi' },
      { name: 'Received', value: 'from c' },
      { name: 'Return-Path', value: '<>' },
    ]);
  });
  it('skips lines that are not headers and reads bare LF mail', () => {
    expect(unfoldedHeaders(Buffer.from('From ann Mon Nov 30\nnot a header\nTo: a@b.example\n\nx'))).toEqual([{ name: 'To', value: 'a@b.example' }]);
  });
});
