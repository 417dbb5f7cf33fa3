// Cuts the quoted earlier mail off a reply, so a comment holds what the customer wrote this time.

const ATTRIBUTION = /^On\b.{0,300}\bwrote:\s*$/;

/**
 * Only the two shapes that are unambiguous: an "On … wrote:" line (Gmail, Apple Mail, Thunderbird) and a trailing
 * block of ">" lines. Anything else keeps the full text — a too-long comment is better than a lost sentence.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let end = lines.findIndex((l) => ATTRIBUTION.test(l.trim()));
  if (end < 0) end = lines.length;
  // Drop a trailing run of quoted or blank lines; a ">" line followed by the customer's own text is kept.
  while (end > 0 && /^\s*(>.*)?$/.test(lines[end - 1] ?? '')) end--;
  const kept = lines.slice(0, end).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
