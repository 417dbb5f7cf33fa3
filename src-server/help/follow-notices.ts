// What publishing an article means to its followers: a help_article mail each (delivery `each`) or a digest item
// (delivery `daily`), queued in the publishing transaction, for the followers of its section and of the article.
import type { FollowKind } from '../../src-shared/help-center';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import { enqueueMails, type NewOutboxMail } from '../db/mail-outbox';
import { articleFollowersPage, articleUrl, insertDigestItems, sectionOf } from '../db/help-follows';
import { helpUnsubscribePageUrl, helpUnsubscribeToken, helpUnsubscribeUrl } from './help-unsubscribe';

export interface PublishedArticle {
  id: string;
  slug: string;
  title: string;
  sectionId: string;
  revision: number;
  /** `new`: its first publication; `updated`: a later revision published. */
  change: 'new' | 'updated';
}

/**
 * Followers per page: a mail_outbox row binds about a dozen values, so 200 rows per INSERT stay far below SQLite's
 * and PostgreSQL's bound-parameter limits, and memory stays flat however many follow a section (as status-mail.ts).
 */
export const FOLLOW_MAIL_BATCH = 200;

/** Plain text: the article's title and link, what the reader follows that brought it, and how to stop. */
export function articleMail(opts: {
  article: Pick<PublishedArticle, 'title' | 'change'>;
  articleUrl: string;
  section: { title: string; productName: string };
  via: FollowKind;
  unsubscribePage: string;
}): { subject: string; text: string } {
  const { article, section } = opts;
  const where = `${section.title} (${section.productName})`;
  const followed = opts.via === 'section' ? `the section ${section.title} of ${section.productName}` : `the article “${article.title}”`;
  const stop = opts.via === 'section' ? 'To stop mail about this section, open:' : 'To stop mail about this article, open:';
  return {
    subject: `${article.change === 'new' ? 'New article' : 'Updated article'}: ${article.title}`,
    text: [
      article.change === 'new' ? `A new article was published in ${where}:` : `An article in ${where} was updated:`,
      '',
      article.title,
      opts.articleUrl,
      '',
      `You get this mail because you follow ${followed} in our help center. ${stop}`,
      opts.unsubscribePage,
      '',
    ].join('\n'),
  };
}

/** Queues inside `trx`; keyed per article revision and address, so a retried publish queues nothing twice. */
export async function queueFollowerNotices(ctx: Pick<ServerContext, 'config' | 'secret'>, trx: Db, article: PublishedArticle, now: number): Promise<number> {
  const section = await sectionOf(trx, article.sectionId);
  if (!section) return 0;
  const base = ctx.config.publicUrl;
  const link = `${base}${articleUrl(article.slug)}`;
  let after: string | null = null;
  let queued = 0;
  for (;;) {
    const page = await articleFollowersPage(trx, { sectionId: article.sectionId, articleId: article.id }, after, FOLLOW_MAIL_BATCH);
    if (page.length === 0) return queued;
    const mails: NewOutboxMail[] = [];
    const daily: string[] = [];
    for (const f of page) {
      if (f.delivery === 'daily') {
        daily.push(f.email);
        continue;
      }
      const token = helpUnsubscribeToken(ctx.secret, f.email, { kind: f.via, id: f.via === 'section' ? article.sectionId : article.id });
      const { subject, text } = articleMail({ article, articleUrl: link, section, via: f.via, unsubscribePage: helpUnsubscribePageUrl(base, token) });
      mails.push({ key: `help:${article.id}:${article.revision}:${f.email}`, kind: 'help_article', to: f.email, subject, text, ticketId: null, listUnsubscribe: helpUnsubscribeUrl(base, token) });
    }
    await enqueueMails(trx, mails, now);
    queued += mails.length + (await insertDigestItems(trx, { articleId: article.id, revision: article.revision, change: article.change }, daily, now));
    after = page[page.length - 1]?.email ?? null;
  }
}
