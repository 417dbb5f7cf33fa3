// The signed reply address on our outgoing ticket mail, and how an inbound mail is matched back to its ticket.
import { createHmac, timingSafeEqual } from 'node:crypto';

// A separate purpose prefix keeps a reply signature from ever verifying as a comment link or access token made with the same secret.
const sign = (secret: string, ticketId: number): string => createHmac('sha256', secret).update(`inbound-reply:${ticketId}`).digest('base64url').slice(0, 16);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** "tech@support.example.com" → "tech+t42.<sig>@support.example.com": a plus-address every mail system delivers to "tech". */
export function replyAddress(secret: string, departmentAddress: string, ticketId: number): string {
  const at = departmentAddress.lastIndexOf('@');
  return `${departmentAddress.slice(0, at)}+t${ticketId}.${sign(secret, ticketId)}${departmentAddress.slice(at)}`;
}

/** The plain department address a (possibly plus-tagged) recipient delivers to, lower-cased. */
export function baseAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  if (at < 0) return a;
  const local = a.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus < 0 ? local : local.slice(0, plus)}${a.slice(at)}`;
}

/** The ticket a recipient's signed tag names, or null when there is no tag or the signature is wrong. */
export function ticketFromAddress(secret: string, address: string): number | null {
  // The signature is base64url (A-Z a-z 0-9 - _), so matched case-sensitively on the original address.
  const m = /\+t(\d{1,12})\.([A-Za-z0-9_-]{16})@/.exec(address.trim());
  if (!m) return null;
  const ticketId = Number(m[1]);
  return safeEqual(m[2] ?? '', sign(secret, ticketId)) ? ticketId : null;
}

export interface ReplyEvidence {
  /** Every recipient address of the mail (envelope RCPT TO, To, Cc). */
  recipients: readonly string[];
  subject: string;
  /** In-Reply-To and References, each a "<…>" id. */
  referencedIds: readonly string[];
  /** Message-IDs we sent, by ticket, for the ticket the subject names (looked up by the caller). */
  sentIdsForTicket: (ticketId: number) => readonly string[];
}

/**
 * A signed recipient tag is enough on its own (only we could have made it). A "[#123]" subject tag is guessable,
 * so it counts only together with an In-Reply-To/References naming a Message-ID we actually sent for that ticket.
 */
export function matchReply(secret: string, e: ReplyEvidence): number | null {
  for (const r of e.recipients) {
    const id = ticketFromAddress(secret, r);
    if (id !== null) return id;
  }
  const tag = /\[#(\d{1,12})\]/.exec(e.subject);
  if (!tag) return null;
  const ticketId = Number(tag[1]);
  const sent = new Set(e.sentIdsForTicket(ticketId).map((s) => s.trim().toLowerCase()));
  return e.referencedIds.some((r) => sent.has(r.trim().toLowerCase())) ? ticketId : null;
}
