import { describe, expect, it } from 'vitest';
import { parseInbound } from '../../../../src-server/inbound/inbound-parse';

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('parseInbound', () => {
  it('reads sender, subject, text, recipients, references and an attachment', async () => {
    const r = await parseInbound(crlf([
      'From: Ann <Ann@Customer.example>', 'To: tech+t4.abc@support.example.com', 'Cc: b@x.example', 'Subject: Re: [#4] Printer',
      'Message-ID: <m1@customer.example>', 'In-Reply-To: <switchboard.outbox.3.x@support.example.com>', 'References: <a@x> <switchboard.outbox.3.x@support.example.com>',
      'Return-Path: <ann@customer.example>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="zz"', '',
      '--zz', 'Content-Type: text/plain', '', 'Still broken.', '--zz', 'Content-Type: application/pdf', 'Content-Disposition: attachment; filename="log.pdf"', 'Content-Transfer-Encoding: base64', '',
      Buffer.from('%PDF-1.4 x').toString('base64'), '--zz--', '',
    ]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ messageId: '<m1@customer.example>', from: 'ann@customer.example', subject: 'Re: [#4] Printer', text: 'Still broken.', recipients: ['tech+t4.abc@support.example.com', 'b@x.example'] });
    expect(r.value.referencedIds).toEqual(['<switchboard.outbox.3.x@support.example.com>', '<a@x>', '<switchboard.outbox.3.x@support.example.com>']);
    expect(r.value.attachments).toEqual([{ filename: 'log.pdf', content: Buffer.from('%PDF-1.4 x') }]);
    expect(r.value.headers.get('message-id')).toBe('<m1@customer.example>');
  });
  it('turns an HTML-only mail into text without its scripts', async () => {
    const r = await parseInbound(crlf(['From: ann@c.example', 'Subject: x', 'Content-Type: text/html', '', '<p>Hello <b>there</b><script>alert(1)</script></p>']));
    expect(r).toMatchObject({ ok: true, value: { text: 'Hello there' } });
  });
  it('keeps an empty Return-Path so a bounce is recognised', async () => {
    const r = await parseInbound(crlf(['From: mailer-daemon@mx.example', 'Return-Path: <>', 'Subject: Undelivered', '', 'sorry']));
    expect(r.ok && r.value.headers.get('return-path')).toBe('<>');
  });
  it('refuses bytes without headers, a mail without From, and a multipart without boundary', async () => {
    expect(await parseInbound(Buffer.from('\x00\x01 not a mail'))).toMatchObject({ ok: false, error: { message: 'Unparseable mail: no header block.' } });
    expect(await parseInbound(crlf(['Subject: hi', '', 'body']))).toMatchObject({ ok: false, error: { message: 'Unparseable mail: no From address.' } });
    expect(await parseInbound(crlf(['From: a@b.example', 'Subject: x', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed', '', '--zzz', 'Content-Type: text/plain', '', 'hello', '']))).toMatchObject({ ok: false, error: { message: 'Unparseable mail: multipart body without a boundary.' } });
  });
});
