// Pure text helpers for offline search: what the typed words are, and a short excerpt with the matches
// wrapped in \u0002…\u0003 (computed here rather than by FTS5 snippet(): a prefix query makes snippet()
// re-scan the whole term list per row, ~3 ms each at 300k messages).

/** The searchable words of what a person typed (quotes, control characters and a leading # dropped). */
export function searchWords(input: string): string[] {
  return (
    input
      // Control characters (including the snippet markers) and quotes carry no meaning in a search box.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f"]/g, ' ')
      .split(/\s+/)
      .map((w) => w.replace(/^#/, ''))
      .filter((w) => /[\p{L}\p{N}]/u.test(w))
  );
}

/** Folded like FTS5's unicode61 tokenizer with remove_diacritics: case and accents ignored. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * An excerpt of `text` around the first match, at most `maxTokens` words, matches marked. The last typed
 * token matches as a prefix (search-as-you-type), like the FTS query.
 */
export function makeSnippet(text: string, words: readonly string[], maxTokens = 16): string {
  const queryTokens = words.flatMap((w) => fold(w).match(TOKEN) ?? []);
  const last = queryTokens.length - 1;
  const matches = (token: string) => {
    const t = fold(token);
    return queryTokens.some((q, i) => (i === last ? t.startsWith(q) : t === q));
  };
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: matches(m[0]) }));
  if (tokens.length === 0) return text;
  const first = Math.max(0, tokens.findIndex((t) => t.hit));
  const from = Math.max(0, Math.min(first - 3, tokens.length - maxTokens));
  const to = Math.min(tokens.length - 1, from + maxTokens - 1);
  let out = from > 0 ? '…' : '';
  let cursor = from > 0 ? (tokens[from]?.start ?? 0) : 0;
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (!t) break;
    out += text.slice(cursor, t.start);
    const word = text.slice(t.start, t.end);
    out += t.hit ? `\u0002${word}\u0003` : word;
    cursor = t.end;
  }
  const lastToken = tokens[to];
  out += to < tokens.length - 1 ? '…' : text.slice(lastToken ? lastToken.end : cursor);
  return out;
}
