// GET /help: a welcome with the search box, then one tile per product.
import type { HelpProduct } from '../../../src-shared/help-center';
import { html, type SafeHtml } from './html';
import { pageFrame, searchForm, SITE_NAME } from './layout';

export function homePage(products: readonly HelpProduct[]): SafeHtml {
  const tiles = products.map(
    (p) => html`<li><a class="help-tile" href="/help/${p.id}">
<span class="help-tile-name">${p.name}</span>
${p.description ? html`<span class="help-tile-text">${p.description}</span>` : ''}
${p.showsStatus ? html`<span class="help-tile-badge">System availability</span>` : ''}
</a></li>`,
  );
  return pageFrame({
    title: SITE_NAME,
    description: 'Answers, guides and release notes for every product, and the current system availability.',
    searchBox: false,
    main: html`<section class="help-hero" aria-labelledby="help-welcome">
<h1 id="help-welcome">How can we help?</h1>
${searchForm({ id: 'help-home-q', big: true })}
</section>
<h2 class="help-visually-hidden">Products</h2>
${products.length > 0 ? html`<ul class="help-tiles">${tiles}</ul>` : html`<p class="help-message">There are no articles yet. <a href="/support">Contact us</a> with your question.</p>`}`,
  });
}
