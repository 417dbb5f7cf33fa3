// Articles beside an open chat, the pure part: which words to ask about (the visitor's latest message, else the
// question they opened the chat with), and the line a click puts in the reply box ("Title — <link>").
import { HELP_QUERY_MAX_CHARS, type HelpSearchHit } from '../../src-shared/help-center';

/** The fewest characters worth asking about (the server refuses fewer: helpQuerySchema). */
export const SUGGEST_MIN_CHARS = 2;

/** The words to look up, or null when there are too few; long messages are cut at a word break, never refused. */
export function suggestionQuery(question: string, messages: readonly { authorKind: string; body: string; internal?: boolean }[]): string | null {
  let latest: string | null = null;
  for (let i = messages.length - 1; i >= 0 && latest === null; i--) {
    const m = messages[i];
    if (m && m.authorKind === 'visitor' && !m.internal && m.body.trim() !== '') latest = m.body;
  }
  const text = (latest ?? question).replace(/\s+/g, ' ').trim();
  if (text.length < SUGGEST_MIN_CHARS) return null;
  if (text.length <= HELP_QUERY_MAX_CHARS) return text;
  const cut = text.slice(0, HELP_QUERY_MAX_CHARS + 1);
  const space = cut.lastIndexOf(' ');
  return (space > SUGGEST_MIN_CHARS ? cut.slice(0, space) : cut.slice(0, HELP_QUERY_MAX_CHARS)).trim();
}

/**
 * Where readers open a help page: `url` as is when the server answered a full http(s) address, else the path on the
 * server this console signed in to (the console does not know PUBLIC_URL; a server behind a proxy answers full URLs).
 */
export function publicHelpUrl(url: string, serverUrl: string | null): string {
  if (/^https?:\/\//i.test(url)) return url;
  const base = (serverUrl ?? '').replace(/\/+$/, '');
  return `${base}${url.startsWith('/') ? url : `/${url}`}`;
}

/** "Resetting your password — https://help.example.com/help/articles/reset-password". */
export function suggestionLine(hit: Pick<HelpSearchHit, 'title' | 'slug'>, serverUrl: string | null): string {
  return `${hit.title} — ${publicHelpUrl(`/help/articles/${hit.slug}`, serverUrl)}`;
}

/** The draft with `line` added: on its own line after what is already typed, never replacing it. */
export function withSuggestion(draft: string, line: string): string {
  if (draft.trim() === '') return line;
  return `${draft.replace(/[ \t]+$/, '')}${draft.endsWith('\n') ? '' : '\n'}${line}`;
}
