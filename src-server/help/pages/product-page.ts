// GET /help/:productId: the product's sections, each with its newest articles, and — on the tile that shows it —
// the system availability block.
import type { StatusPage } from '../../../src-shared/protocol/status';
import type { ProductOverview } from '../../db/help-reading';
import { html, type SafeHtml } from './html';
import { pageFrame, SITE_NAME } from './layout';
import { statusBlock } from './status-block';

export function productPage(overview: ProductOverview, status: StatusPage | null): SafeHtml {
  const { product, sections } = overview;
  const cards = sections.map(({ section, newest, total }) => {
    const href = `/help/${product.id}/${section.slug}`;
    const headingId = `section-${section.slug}`;
    return html`<section class="help-card" aria-labelledby="${headingId}">
<h2 id="${headingId}"><a href="${href}">${section.title}</a></h2>
${section.description ? html`<p class="help-muted">${section.description}</p>` : ''}
${
  newest.length > 0
    ? html`<ul class="help-links">${newest.map((a) => html`<li><a href="/help/articles/${a.slug}">${a.title}</a></li>`)}</ul>`
    : html`<p class="help-muted">No articles yet.</p>`
}
${total > newest.length ? html`<p><a href="${href}">See all ${total} articles<span class="help-visually-hidden"> in ${section.title}</span></a></p>` : ''}
</section>`;
  });
  return pageFrame({
    title: product.name,
    description: product.description || `Help for ${product.name}`,
    crumbs: [
      { label: SITE_NAME, href: '/help' },
      { label: product.name, href: null },
    ],
    main: html`<h1>${product.name}</h1>
${product.description ? html`<p class="help-lead">${product.description}</p>` : ''}
${status ? statusBlock(status) : ''}
${sections.length > 0 ? html`<div class="help-sections">${cards}</div>` : html`<p class="help-message">No sections yet.</p>`}`,
  });
}
