// What the "Show original email" disclosure and the Inbound mail screen show of a received mail: the headers a
// specialist looks for first, the whole header list as copyable text, and a name for each mail on a ticket. Pure.
import type { InboundMailSummary, MailHeader } from '../../src-shared/inbound-mail';

/** The headers asked about first, in this order ("who sent it, to whom, when, which message"). */
export const KEY_HEADERS = ['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID'] as const;

/**
 * The first of each key header present, matched without regard to case (a sender may write "Message-Id"), named as
 * in KEY_HEADERS. Missing ones are left out rather than shown empty.
 */
export function keyHeaders(headers: readonly MailHeader[]): MailHeader[] {
  const out: MailHeader[] = [];
  for (const name of KEY_HEADERS) {
    const found = headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
    if (found) out.push({ name, value: found.value });
  }
  return out;
}

/** Every header line as received, one per line ("Name: value"), for the monospace block and the clipboard. */
export function headerText(headers: readonly MailHeader[]): string {
  return headers.map((h) => `${h.name}: ${h.value}`).join('\n');
}

/** "Original email" for the first mail on a ticket (oldest first), then "Reply 1", "Reply 2"… */
export function mailTitle(index: number): string {
  return index === 0 ? 'Original email' : `Reply ${index}`;
}

/** Who sent it, as best known: the From address, else the envelope sender, else "<>" (a bounce has none). */
export function senderOf(mail: Pick<InboundMailSummary, 'fromAddress' | 'envelopeFrom'>): string {
  return mail.fromAddress ?? (mail.envelopeFrom || '<>');
}

/** A mail's size in words: "812 bytes", "14 KB", "2.3 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
