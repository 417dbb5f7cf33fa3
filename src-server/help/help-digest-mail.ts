// The daily digest's text: the articles published for a follower since their last digest, one line each (an article
// published twice in the day is listed once, at its newest revision), and the link that ends every follow.
import type { DigestItem } from '../db/help-follows';
import { articleUrl } from '../db/help-follows';

export interface DigestArticle {
  articleId: string;
  revision: number;
  /** `new` when any of its waiting items was its first publication: still news to this reader. */
  change: 'new' | 'updated';
  title: string;
  slug: string;
  sectionTitle: string;
  productName: string;
}

/** One entry per article still published, at its newest revision, in the order they were first queued. */
export function digestArticles(items: readonly DigestItem[]): DigestArticle[] {
  const byArticle = new Map<string, DigestArticle>();
  for (const i of items) {
    if (i.title === null) continue;
    const seen = byArticle.get(i.articleId);
    if (seen && seen.revision > i.revision) {
      if (i.change === 'new') seen.change = 'new';
      continue;
    }
    byArticle.set(i.articleId, {
      articleId: i.articleId,
      revision: i.revision,
      change: i.change === 'new' || seen?.change === 'new' ? 'new' : 'updated',
      title: i.title,
      slug: i.slug,
      sectionTitle: i.sectionTitle,
      productName: i.productName,
    });
  }
  return [...byArticle.values()];
}

export function digestMail(opts: { articles: readonly DigestArticle[]; publicUrl: string; unsubscribePage: string }): { subject: string; text: string } {
  const n = opts.articles.length;
  const lines = opts.articles.flatMap((a) => [`${a.change === 'new' ? 'New' : 'Updated'}: ${a.title} — ${a.sectionTitle} (${a.productName})`, `${opts.publicUrl}${articleUrl(a.slug)}`, '']);
  return {
    subject: `Help center digest: ${n} ${n === 1 ? 'article' : 'articles'} new or updated`,
    text: [
      'New and updated articles in what you follow in our help center:',
      '',
      ...lines,
      'You get this daily digest because you follow sections or articles in our help center. To stop all of it, open:',
      opts.unsubscribePage,
      '',
    ].join('\n'),
  };
}
