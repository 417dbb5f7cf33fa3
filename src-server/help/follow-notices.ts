// What publishing an article means to its followers: a help_article mail each (delivery `each`) or a digest item
// (delivery `daily`), queued in the publishing transaction, for the followers of its section and of the article.
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';

export interface PublishedArticle {
  id: string;
  slug: string;
  title: string;
  sectionId: string;
  revision: number;
  /** `new`: its first publication; `updated`: a later revision published. */
  change: 'new' | 'updated';
}

/** Queues inside `trx`; keyed per article revision and address, so a retried publish queues nothing twice. */
export async function queueFollowerNotices(_ctx: Pick<ServerContext, 'config' | 'secret'>, _trx: Db, _article: PublishedArticle, _now: number): Promise<number> {
  return 0; // being built (issue 16): follows and their mail
}
