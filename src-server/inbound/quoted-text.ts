// Cuts the quoted earlier mail off a reply, so a comment holds what the customer wrote this time.

const ATTRIBUTION = /^On\b.{0,300}\bwrote:\s*$/;

/** The first line of our reply mails (ticket-reply-mail.ts); whatever follows it in a reply is our own mail, quoted. */
export const REPLY_ABOVE_MARKER = '-- Reply above this line to add to your ticket --';
const MARKER = /^[\s>]*-- Reply above this line to add to your ticket --/;

/**
 * Only the shapes that are unambiguous: our own "reply above this line" marker (quoted or not — some mail programs
 * put the original below a From:/Sent: block without ">"), an "On … wrote:" line (Gmail, Apple Mail, Thunderbird)
 * and a trailing block of ">" lines. Anything else keeps the full text — a too-long comment is better than a lost sentence.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const cuts = [lines.findIndex((l) => MARKER.test(l)), lines.findIndex((l) => ATTRIBUTION.test(l.trim()))].filter((i) => i >= 0);
  let end = cuts.length > 0 ? Math.min(...cuts) : lines.length;
  // An attribution right above the marker ("On … wrote:" then "> -- Reply above …") goes with it.
  while (end > 0 && ATTRIBUTION.test((lines[end - 1] ?? '').trim())) end--;
  // Drop a trailing run of quoted or blank lines; a ">" line followed by the customer's own text is kept.
  while (end > 0 && /^\s*(>.*)?$/.test(lines[end - 1] ?? '')) end--;
  const kept = lines.slice(0, end).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
