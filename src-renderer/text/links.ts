// Splits message text into plain and link segments; only http(s) URLs become links, everything stays text.
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Conservative: a URL ends at whitespace or a closing bracket/quote; trailing punctuation is left as text.
const urlPattern = /\bhttps?:\/\/[^\s<>"'`()[\]{}]+/gi;
const trailingPunctuation = /[.,;:!?]+$/;

/** A link is only safe when it parses and its scheme is http or https. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index;
    let raw = match[0];
    const trailing = trailingPunctuation.exec(raw)?.[0] ?? '';
    raw = raw.slice(0, raw.length - trailing.length);
    const href = safeHref(raw);
    if (!href) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
