// The authoring view of one article (HelpArticleDetail): its summary, one revision with its body, what readers see
// and the recent history, read in one place for every authoring answer.
import { err, ok, type Result } from '../../src-shared/result';
import type { HelpArticleDetail } from '../../src-shared/help-center';
import type { Db } from '../db/schema';
import { getHelpArticle, getHelpRevision, helpArticleSummary, listHelpRevisions } from '../db/help-articles';
import { HELP_HISTORY_LIMIT, helpArticleUrl } from './help-article-rules';

/** `revision`: answer that revision as `latest` instead of the newest (the editor opens it to restore it). */
export async function helpArticleDetail(db: Db, articleId: string, revision?: number): Promise<Result<HelpArticleDetail>> {
  const [article, summary] = await Promise.all([getHelpArticle(db, articleId), helpArticleSummary(db, articleId)]);
  if (!article || !summary) return err('not_found', 'Article not found.');
  const [latest, revisions] = await Promise.all([getHelpRevision(db, articleId, revision ?? article.latestRevision), listHelpRevisions(db, articleId, HELP_HISTORY_LIMIT)]);
  if (!latest) return err('not_found', `This article has no revision ${revision ?? article.latestRevision}.`);
  return ok({
    summary,
    latest,
    publishedRevision: article.status === 'published' ? article.publishedRevision : null,
    revisions,
    url: helpArticleUrl(article.slug),
  });
}
