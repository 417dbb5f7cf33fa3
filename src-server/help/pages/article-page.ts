// GET /help/articles/:slug: one published article (Markdown rendered by renderArticleHtml), where it sits, when it
// was last updated, its Follow button, and the way to a person when it did not help.
import type { PublishedArticle } from '../../db/help-reading';
import { html, trusted, type SafeHtml } from './html';
import { dateTime, excerpt, followButton, pageFrame, SITE_NAME } from './layout';

/** `bodyHtml`: renderArticleHtml's output (safe by construction, src-shared/help-markdown.ts). */
export function articlePage(article: PublishedArticle, bodyHtml: string): SafeHtml {
  const { product, section } = article;
  const sectionHref = `/help/${product.id}/${section.slug}`;
  return pageFrame({
    title: article.title,
    description: excerpt(article.body, 160),
    crumbs: [
      { label: SITE_NAME, href: '/help' },
      { label: product.name, href: `/help/${product.id}` },
      { label: section.title, href: sectionHref },
      { label: article.title, href: null },
    ],
    main: html`<article class="help-article" aria-labelledby="help-article-title">
<div class="help-title-row"><h1 id="help-article-title">${article.title}</h1>${followButton('article', article.id)}</div>
<p class="help-meta">In <a href="${sectionHref}">${section.title}</a> · Updated ${dateTime(article.publishedAt)}</p>
<div class="help-article-body">
${trusted(bodyHtml)}
</div>
</article>
<aside class="help-card help-contact" aria-labelledby="help-contact-title">
<h2 id="help-contact-title">Still need help?</h2>
<p>Our team is happy to help. <a href="/support">Chat with us or send us your question</a>.</p>
</aside>`,
  });
}
