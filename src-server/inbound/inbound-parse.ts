// Turns the raw bytes of an accepted mail into the few fields processing needs, or says why it cannot.
import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import { err, ok, type Result } from '../../src-shared/result';

export interface InboundAttachment {
  /** The sender's name for it; uploads rename it anyway, so this is only a hint. */
  filename: string;
  content: Buffer;
}

export interface ParsedInbound {
  messageId: string | null;
  /** Bare From address, lower-cased. */
  from: string;
  subject: string;
  /** Plain text: the text part, else mailparser's conversion of the HTML part (tags and scripts dropped, never rendered). */
  text: string;
  /** To and Cc addresses as written in the headers. */
  recipients: string[];
  /** In-Reply-To then References, each "<…>". */
  referencedIds: string[];
  /** Lower-cased header name → its raw value(s), for the auto-reply classifier. */
  headers: Map<string, string | string[]>;
  attachments: InboundAttachment[];
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? '')).filter((s) => s !== '');

const ids = (v: string | string[] | undefined): string[] => (v === undefined ? [] : (typeof v === 'string' ? v.split(/\s+/) : v)).filter((s) => /^<[^<>\s]+>$/.test(s));

/**
 * NUL is dropped from every text we take from a mail: PostgreSQL's text columns refuse it ("invalid byte sequence
 * for encoding UTF8: 0x00"), so one stray NUL would fail the whole mail there while SQLite keeps it. The raw bytes stay whole.
 */
const noNul = (s: string): string => s.replaceAll('\u0000', '');

function headerText(v: HeaderValue): string | null {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  // Structured headers (Content-Type and the like) carry their main value here; the classifier reads none of them.
  if (typeof v === 'object' && 'value' in v && typeof v.value === 'string') return v.value;
  return null;
}

/**
 * mailparser is lenient: it turns nearly any bytes into an object. "Cannot be parsed" is therefore decided here:
 * no header block, no From address, or a multipart body without the boundary that separates its parts (its
 * content would silently vanish). Such a mail is kept with this reason, never half-processed.
 */
export async function parseInbound(raw: Buffer): Promise<Result<ParsedInbound>> {
  let mail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch (e) {
    return err('bad_request', `Unparseable mail: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (mail.headers.size === 0) return err('bad_request', 'Unparseable mail: no header block.');
  // The top-level Content-Type as written (folded lines included), so a missing boundary parameter is seen as such.
  const contentType = mail.headerLines.find((l) => l.key === 'content-type')?.line ?? '';
  if (/:\s*multipart\//i.test(contentType) && !/;\s*boundary\s*=/i.test(contentType)) {
    return err('bad_request', 'Unparseable mail: multipart body without a boundary.');
  }
  const from = addresses(mail.from).map(noNul)[0]?.toLowerCase();
  if (!from) return err('bad_request', 'Unparseable mail: no From address.');
  const headers = new Map<string, string | string[]>();
  for (const [name, value] of mail.headers) {
    const t = headerText(value);
    if (t !== null) headers.set(name.toLowerCase(), noNul(t));
  }
  // Return-Path is dropped by mailparser's structured view when it is "<>" (a bounce); read it from the raw lines.
  for (const line of mail.headerLines) if (line.key === 'return-path') headers.set('return-path', noNul(line.line.slice(line.line.indexOf(':') + 1).trim()));
  return ok({
    messageId: mail.messageId === undefined ? null : noNul(mail.messageId),
    from,
    subject: noNul(mail.subject ?? ''),
    text: noNul(mail.text ?? '').trim(),
    recipients: [...addresses(mail.to), ...addresses(mail.cc)].map(noNul),
    referencedIds: [...ids(mail.inReplyTo), ...ids(mail.references)],
    headers,
    attachments: mail.attachments.filter((a) => a.contentDisposition !== 'inline' || a.filename).map((a) => ({ filename: noNul(a.filename ?? 'attachment'), content: a.content })),
  });
}
