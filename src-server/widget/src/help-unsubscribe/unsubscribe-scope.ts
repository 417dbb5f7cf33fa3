// What a help center unfollow link ends, read from its token (base64url JSON before the signature) so the page can ask
// the right question before anything changes. Only a hint: the server checks the signature and answers what it did.
export type LinkScope = 'section' | 'article' | 'all' | 'unknown';

export function linkScope(token: string): LinkScope {
  const payload = token.slice(0, Math.max(0, token.lastIndexOf('.')));
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const s = typeof json === 'object' && json !== null && 's' in json ? (json as { s: unknown }).s : null;
    if (s === 'all') return 'all';
    if (typeof s === 'string' && s.startsWith('section:')) return 'section';
    if (typeof s === 'string' && s.startsWith('article:')) return 'article';
  } catch {
    // A link cut short by a mail program: the server will say it is not valid.
  }
  return 'unknown';
}

export const scopeQuestion: Record<LinkScope, { heading: string; lead: string }> = {
  section: { heading: 'Unfollow this section?', lead: 'You will no longer get an email when an article in this help center section is published or updated.' },
  article: { heading: 'Unfollow this article?', lead: 'You will no longer get an email when this help center article is updated.' },
  all: { heading: 'Stop all help center emails?', lead: 'This ends every section and article you follow in the help center, and with them the daily digest.' },
  unknown: { heading: 'Stop these help center emails?', lead: 'You will no longer get the emails this link came with.' },
};
