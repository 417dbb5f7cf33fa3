// GET /help/:productId/:sectionSlug: the section's published articles, newest first, paged, with its Follow button.
import type { SectionListing } from '../../db/help-reading';
import { html, type SafeHtml } from './html';
import { dateTime, excerpt, followButton, pageFrame, pager, SITE_NAME } from './layout';

export function sectionPage(listing: SectionListing, page: number): SafeHtml {
  const { product, section, articles, more } = listing;
  const here = `/help/${product.id}/${section.slug}`;
  const items = articles.map(
    (a) => html`<li><article aria-labelledby="article-${a.id}">
<h2 id="article-${a.id}"><a href="/help/articles/${a.slug}">${a.title}</a></h2>
<p class="help-meta">Updated ${dateTime(a.publishedAt)}</p>
<p>${excerpt(a.bodyStart)}</p>
</article></li>`,
  );
  return pageFrame({
    title: `${section.title} – ${product.name}`,
    description: section.description || `${section.title} for ${product.name}`,
    crumbs: [
      { label: SITE_NAME, href: '/help' },
      { label: product.name, href: `/help/${product.id}` },
      { label: section.title, href: null },
    ],
    main: html`<div class="help-title-row"><h1>${section.title}</h1>${followButton('section', section.id)}</div>
${section.description ? html`<p class="help-lead">${section.description}</p>` : ''}
${
  articles.length > 0
    ? html`<ol class="help-list" aria-label="Articles, newest first">${items}</ol>`
    : html`<p class="help-message">${page > 1 ? html`There are no more articles. <a href="${here}">Back to the newest</a>.` : 'No articles here yet. Follow this section to hear when there are.'}</p>`
}
${pager({ page, more, hrefOf: (p) => (p === 1 ? here : `${here}?page=${p}`), newer: 'Newer articles', older: 'Older articles' })}`,
  });
}
