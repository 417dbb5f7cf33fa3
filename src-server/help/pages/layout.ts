// The frame every help center page shares: head (our stylesheet and script only, CSP helpPage), a banner with the
// search box, breadcrumbs, the main landmark, a footer; plus the small pieces several pages use (dates, excerpts,
// follow buttons, pagers, marked text).
import type { SnippetPart } from '../../../src-shared/help-center';
import { searchableText } from '../../db/help-search-index';
import { html, type HtmlValue, type SafeHtml } from './html';
import { HELP_ASSET_PATHS } from '../assets/help-assets';

export const SITE_NAME = 'Help Center';

export interface Crumb {
  label: string;
  /** Null for the page itself (the last crumb). */
  href: string | null;
}

export interface PageFrame {
  /** The document title's first part (the site name follows). */
  title: string;
  description?: string;
  crumbs?: Crumb[];
  /** Prefilled in the banner's search box; the home page has its own box and passes `searchBox: false`. */
  query?: string;
  searchBox?: boolean;
  main: SafeHtml;
}

export function searchForm(opts: { id: string; query?: string; big?: boolean }): SafeHtml {
  return html`<form class="help-search${opts.big ? ' help-search-big' : ''}" role="search" action="/help/search" method="get">
<label class="help-visually-hidden" for="${opts.id}">Search the help center</label>
<input id="${opts.id}" type="search" name="q" value="${opts.query ?? ''}" placeholder="Search articles" maxlength="200" autocomplete="off">
<button type="submit" class="help-button">Search</button>
</form>`;
}

function breadcrumbs(crumbs: readonly Crumb[]): SafeHtml {
  return html`<nav class="help-crumbs" aria-label="Breadcrumb"><ol>${crumbs.map((c) =>
    c.href === null ? html`<li><span aria-current="page">${c.label}</span></li>` : html`<li><a href="${c.href}">${c.label}</a></li>`,
  )}</ol></nav>`;
}

export function pageFrame(f: PageFrame): SafeHtml {
  const title = f.title === SITE_NAME ? SITE_NAME : `${f.title} · ${SITE_NAME}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${f.description ? html`<meta name="description" content="${f.description}">` : ''}
<link rel="stylesheet" href="${HELP_ASSET_PATHS.css}">
<script src="${HELP_ASSET_PATHS.js}" defer></script>
</head>
<body>
<a class="help-skip" href="#main">Skip to content</a>
<header class="help-header">
<div class="help-header-inner">
<a class="help-brand" href="/help">${SITE_NAME}</a>
<nav class="help-top-links" aria-label="Support">
<a href="/status">System status</a>
<a href="/support">Contact us</a>
<a href="/portal">My activities</a>
</nav>
</div>
${f.searchBox === false ? '' : html`<div class="help-header-search">${searchForm({ id: 'help-q', query: f.query ?? '' })}</div>`}
</header>
<main id="main" class="help-main" tabindex="-1">
${f.crumbs && f.crumbs.length > 0 ? breadcrumbs(f.crumbs) : ''}
${f.main}
</main>
<footer class="help-footer">
<p>Can't find what you need? <a href="/support">Chat with us or send us your question</a>.</p>
</footer>
</body>
</html>
`;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "18 November 2026" in a <time> (UTC: the page is the same for every reader, so it can be cached). */
export function dateTime(at: number): SafeHtml {
  const d = new Date(at);
  return html`<time datetime="${d.toISOString().slice(0, 10)}">${DATE.format(d)}</time>`;
}

/** A list's few lines about an article: its first words as a reader sees them. */
export function excerpt(bodyStart: string, maxChars = 180): string {
  // Code marks become spaces in searchableText: "(`/status`)" would read "( /status )".
  const text = searchableText(bodyStart).replace(/\s+/g, ' ').replace(/([([]) /g, '$1').replace(/ ([)\],.;:!?])/g, '$1').trim();
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/**
 * A Follow button help.js brings to life (hidden until it knows whether the reader is signed in): it needs the
 * portal session, so without script there is nothing to press. The note beside it is where help.js says what happened.
 */
export function followButton(kind: 'section' | 'article', id: string): SafeHtml {
  return html`<div class="help-follow-box"><button type="button" class="help-button help-follow" data-follow-kind="${kind}" data-follow-id="${id}" aria-pressed="false" hidden>Follow</button><p class="help-follow-note" role="status"></p></div>`;
}

/** Search words marked as <mark>; every part escaped. */
export function markedText(parts: readonly SnippetPart[]): HtmlValue[] {
  return parts.map((p) => (p.match ? html`<mark>${p.text}</mark>` : p.text));
}

/** Newer / older links; `hrefOf(page)` builds a page's address. */
export function pager(opts: { page: number; more: boolean; hrefOf: (page: number) => string; newer: string; older: string }): SafeHtml | '' {
  if (opts.page <= 1 && !opts.more) return '';
  return html`<nav class="help-pager" aria-label="Pages">
${opts.page > 1 ? html`<a rel="prev" href="${opts.hrefOf(opts.page - 1)}">${opts.newer}</a>` : html`<span></span>`}
<span class="help-muted">Page ${opts.page}</span>
${opts.more ? html`<a rel="next" href="${opts.hrefOf(opts.page + 1)}">${opts.older}</a>` : html`<span></span>`}
</nav>`;
}
