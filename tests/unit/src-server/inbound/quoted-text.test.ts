import { describe, expect, it } from 'vitest';
import { REPLY_ABOVE_MARKER, stripQuotedReply } from '../../../../src-server/inbound/quoted-text';

describe('stripQuotedReply', () => {
  it('cuts at an "On … wrote:" line', () => {
    expect(stripQuotedReply('Still broken.\r\n\r\nOn Mon, 30 Nov 2026 at 10:00, Support <tech@s.example> wrote:\r\n> We fixed it\r\n')).toBe('Still broken.');
  });
  it('drops a trailing block of ">" lines', () => {
    expect(stripQuotedReply('Thanks!\n\n> old text\n> more\n')).toBe('Thanks!');
  });
  it('keeps quotes the customer answers in between', () => {
    expect(stripQuotedReply('> Which model?\nThe X200.\n')).toBe('> Which model?\nThe X200.');
  });
  it('keeps the full text when everything is quoted', () => {
    expect(stripQuotedReply('> only a quote')).toBe('> only a quote');
  });
  it('cuts at our reply marker, quoted or not, with the attribution line above it', () => {
    expect(stripQuotedReply(`Works now, thanks.\n\nOn Tue, 1 Dec 2026, Support <tech+t4.x@s.example> wrote:\n> ${REPLY_ABOVE_MARKER}\n> \n> Dana wrote: try a restart\n`)).toBe('Works now, thanks.');
    expect(stripQuotedReply(`Works now.\n\nFrom: Support <tech@s.example>\nSent: Tuesday\n\n${REPLY_ABOVE_MARKER}\nDana wrote: try a restart\n`)).toBe('Works now.\n\nFrom: Support <tech@s.example>\nSent: Tuesday');
  });
});
