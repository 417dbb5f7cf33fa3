// Records what the widget's suggestions led to (POST /api/help/suggestion-events), anyone may post, so each page
// load's session is bounded: one `shown`, one `asked`, at most ten `opened`; repeats are answered but not stored.
import { err, ok, type Result } from '../../src-shared/result';
import type { SuggestionEventKind } from '../../src-shared/help-center';
import type { SuggestionEvent } from '../../src-shared/protocol/help';
import type { ServerContext } from '../context';
import { countSessionEvents, insertSuggestionEvent, isPublishedArticle } from '../db/help-suggestion-events';

/** The most rows one session may write per kind; beyond them an event is ignored (the numbers need no more). */
export const SUGGESTION_EVENTS_PER_SESSION: Record<SuggestionEventKind, number> = { shown: 1, opened: 10, asked: 1 };
/** How far back a session's earlier events are looked for: a page load lives minutes, a day is far beyond it. */
export const SUGGESTION_SESSION_WINDOW_MS = 24 * 3_600_000;

export async function recordSuggestionEvent(ctx: Pick<ServerContext, 'writes' | 'clock'>, e: SuggestionEvent): Promise<Result<{ recorded: true }>> {
  if (e.kind === 'opened' && e.articleId === null) return err('bad_request', 'An opened suggestion names its article.');
  if (e.kind !== 'opened' && e.articleId !== null) return err('bad_request', `A ${e.kind} event names no article.`);
  const now = ctx.clock.now();
  // In the write queue, so two racing posts of one session cannot both find "none yet" and both insert.
  return ctx.writes.run(async (trx) => {
    if (e.articleId !== null && !(await isPublishedArticle(trx, e.articleId))) return err('bad_request', 'No such published article.');
    const earlier = await countSessionEvents(trx, e.sessionId, e.kind, now - SUGGESTION_SESSION_WINDOW_MS);
    if (earlier < SUGGESTION_EVENTS_PER_SESSION[e.kind]) await insertSuggestionEvent(trx, { ...e, at: now });
    return ok({ recorded: true as const });
  });
}
