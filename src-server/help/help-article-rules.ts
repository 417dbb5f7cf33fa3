// The authoring rules as pure functions: who may author, when a save is stale, and what publishing changes.
import { err, ok, type Err, type Result } from '../../src-shared/result';
import type { AgentActor } from '../context';
import type { HelpArticleRecord } from '../db/help-articles';

/** How many revisions the editor's history lists (enough to restore any recent one). */
export const HELP_HISTORY_LIMIT = 50;

/** Where readers find an article; the same path whatever its section, so moving a section breaks no link. */
export const helpArticleUrl = (slug: string): string => `/help/articles/${slug}`;

/** Leads and admins author the help center; agents only read it (suggestions beside a chat). */
export function refuseAgents(actor: Pick<AgentActor, 'role'>): Err | null {
  return actor.role === 'agent' ? err('forbidden', 'Only leads and admins edit the help center.') : null;
}

/**
 * The revision a save creates: the next one after the newest, but only when the editor started from the newest.
 * Someone else's save in between is a conflict, so no one's words are silently replaced.
 */
export function nextRevision(article: Pick<HelpArticleRecord, 'latestRevision'>, baseRevision: number): Result<number> {
  if (baseRevision !== article.latestRevision) {
    return err(
      'conflict',
      `Revision ${article.latestRevision} was saved after revision ${baseRevision}, which you edited. Reload the article, then save your changes again.`,
    );
  }
  return ok(article.latestRevision + 1);
}

export type PublishPlan =
  | { kind: 'unchanged' }
  | { kind: 'publish'; revision: number; change: 'new' | 'updated'; firstPublishedAt: number };

/**
 * Publishing the newest revision: nothing to do when readers already see it; otherwise followers hear of a `new`
 * article the first time it is ever published and of an `updated` one after (re-publishing after a take-down too).
 */
export function publishPlan(article: Pick<HelpArticleRecord, 'status' | 'latestRevision' | 'publishedRevision' | 'firstPublishedAt'>, now: number): PublishPlan {
  if (article.status === 'published' && article.publishedRevision === article.latestRevision) return { kind: 'unchanged' };
  const first = article.firstPublishedAt === null;
  return { kind: 'publish', revision: article.latestRevision, change: first ? 'new' : 'updated', firstPublishedAt: article.firstPublishedAt ?? now };
}
