// GET /help/search?q=: hits with the query's words marked, paged; a friendly word for an empty, short or long query.
import type { HelpSearchHit } from '../../../src-shared/help-center';
import { html, type SafeHtml } from './html';
import { markedText, pageFrame, pager, SITE_NAME } from './layout';

export type SearchOutcome =
  | { kind: 'results'; query: string; hits: readonly HelpSearchHit[]; more: boolean; page: number }
  /** Nothing to search for yet: why, in the reader's words (`query` as typed, to prefill the box). */
  | { kind: 'ask'; query: string; message: string };

const hitItem = (h: HelpSearchHit) => html`<li><article aria-labelledby="hit-${h.articleId}">
<h2 id="hit-${h.articleId}"><a href="${h.url}">${markedText(h.titleParts)}</a></h2>
<p class="help-meta">${h.productName} › ${h.sectionTitle}</p>
${h.snippet.length > 0 ? html`<p class="help-snippet">${markedText(h.snippet)}</p>` : ''}
</article></li>`;

export function searchPage(outcome: SearchOutcome): SafeHtml {
  const title = outcome.kind === 'results' ? `Results for “${outcome.query}”` : 'Search';
  let body: SafeHtml;
  if (outcome.kind === 'ask') body = html`<p class="help-message" role="status">${outcome.message}</p>`;
  else if (outcome.hits.length === 0)
    body = html`<div class="help-message" role="status"><p>${outcome.page > 1 ? 'There are no more results.' : html`No articles match “${outcome.query}”.`}</p>
<p>Try fewer or other words, <a href="/help">browse the products</a>, or <a href="/support">ask us</a>.</p></div>`;
  else {
    const { query, page, more, hits } = outcome;
    const hrefOf = (p: number) => `/help/search?q=${encodeURIComponent(query)}${p > 1 ? `&page=${p}` : ''}`;
    body = html`<p class="help-muted" role="status">${page > 1 ? `Page ${page} of the results.` : more ? 'The best matches first.' : `${hits.length} ${hits.length === 1 ? 'article' : 'articles'} found.`}</p>
<ol class="help-list" aria-label="Search results">${hits.map(hitItem)}</ol>
${pager({ page, more, hrefOf, newer: 'Previous results', older: 'More results' })}`;
  }
  return pageFrame({
    title,
    query: outcome.query,
    crumbs: [
      { label: SITE_NAME, href: '/help' },
      { label: 'Search', href: null },
    ],
    main: html`<h1>${title}</h1>
${body}`,
  });
}
