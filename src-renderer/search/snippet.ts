// Splits a search snippet with \u0002…\u0003 match markers into plain and highlighted parts (rendered as text).
export type SnippetPart = { text: string; match: boolean };

const START = '\u0002';
const END = '\u0003';

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let buffer = '';
  const flush = () => {
    if (buffer) parts.push({ text: buffer, match });
    buffer = '';
  };
  for (const ch of snippet) {
    if (ch === START && !match) {
      flush();
      match = true;
    } else if (ch === END && match) {
      flush();
      match = false;
    } else if (ch !== START && ch !== END) {
      buffer += ch;
    }
  }
  flush();
  return parts;
}
