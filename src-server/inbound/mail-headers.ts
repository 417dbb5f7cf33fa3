// The header block of a raw mail as an admin reads it: one line per header, folded lines joined, in order.
import type { MailHeader } from '../../src-shared/inbound-mail';

/**
 * Read from the raw bytes rather than a parser's view, so a header the parser rejects or merges (a second
 * Subject, a bare "<>" Return-Path) still shows exactly as it arrived. Unfolding follows RFC 5322 2.2.3: a line
 * that starts with a space or tab continues the one before; the fold's line break goes, the whitespace stays.
 */
export function unfoldedHeaders(raw: Buffer): MailHeader[] {
  const text = raw.toString('utf8');
  const end = /\r?\n\r?\n/.exec(text);
  const block = end ? text.slice(0, end.index) : text;
  const lines: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && lines.length > 0) lines[lines.length - 1] += line;
    else lines.push(line);
  }
  return lines.flatMap((line) => {
    const colon = line.indexOf(':');
    // Not a header line (an mbox "From " line, stray text): skipped rather than shown as a header it is not.
    if (colon <= 0 || /\s/.test(line.slice(0, colon))) return [];
    return [{ name: line.slice(0, colon), value: line.slice(colon + 1).trim() }];
  });
}
