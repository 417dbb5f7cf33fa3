// Splits message text into plain text and safe links (http/https only), so both UIs render messages as text, never as HTML.

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// URL exists in every runtime that runs this (browsers, Node 20), but the contract compiles with neither DOM nor
// Node types, so the slice used here is declared for this module only.
declare const URL: new (input: string) => { protocol: string; href: string };

// Only explicit http(s) URLs and bare "www." hosts become links; anything else (javascript:, data:) stays text.
const candidate = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/gi;
// Sentence punctuation after a URL belongs to the sentence, not the link.
const trailing = /[.,;:!?'"]+$/;

function trimUrl(raw: string): string {
  let url = raw.replace(trailing, '');
  // Keep a closing parenthesis only when the URL opened one, e.g. Wikipedia links; "(see https://x.com)" drops it.
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    url = url.slice(0, -1).replace(trailing, '');
  }
  return url;
}

/** The absolute http(s) URL a candidate points to, or null when it is not one. */
export function safeHref(text: string): string | null {
  const absolute = /^www\./i.test(text) ? `https://${text}` : text;
  try {
    const url = new URL(absolute);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(candidate)) {
    const start = match.index;
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href || url.length === 0) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: url, href });
    last = start + url.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
