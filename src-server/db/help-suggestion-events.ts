// The widget's suggestion outcomes (table help_suggestion_events): one row per shown / opened / asked event of a page
// load's session, and today's sessions grouped by what happened in them (the lead dashboard's numbers).
import type { ExpressionBuilder } from 'kysely';
import type { SuggestionEventKind } from '../../src-shared/help-center';
import type { Database, Db } from './schema';

/** True when readers can see the article (suggestion events may only name those). */
export async function isPublishedArticle(db: Db, articleId: string): Promise<boolean> {
  const r = await db.selectFrom('help_articles').select('id').where('id', '=', articleId).where('status', '=', 'published').executeTakeFirst();
  return r !== undefined;
}

/**
 * Events of one kind a session logged since `since`. The table is indexed by (at, session_id), not by session, so the
 * count reads a bounded recent slice of it: a page load's session lives minutes, not days.
 */
export async function countSessionEvents(db: Db, sessionId: string, kind: SuggestionEventKind, since: number): Promise<number> {
  const r = await db
    .selectFrom('help_suggestion_events')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('at', '>=', since)
    .where('session_id', '=', sessionId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertSuggestionEvent(db: Db, e: { sessionId: string; kind: SuggestionEventKind; articleId: string | null; at: number }): Promise<void> {
  await db.insertInto('help_suggestion_events').values({ session_id: e.sessionId, kind: e.kind, article_id: e.articleId, at: e.at }).execute();
}

/** How many sessions had each combination of outcomes (at most eight rows, however many sessions there were). */
export interface SessionOutcomeGroup {
  shown: boolean;
  opened: boolean;
  asked: boolean;
  sessions: number;
}

/** Sessions with any event since `from`, grouped by which kinds they logged; one statement, counted in the database. */
export async function sessionOutcomesSince(db: Db, from: number): Promise<SessionOutcomeGroup[]> {
  // 1 when the session logged `kind`, else 0 (max over its rows).
  const flag = (eb: ExpressionBuilder<Database, 'help_suggestion_events'>, kind: SuggestionEventKind) =>
    eb.fn.max<number>(eb.case().when('kind', '=', kind).then(1).else(0).end());
  const perSession = db
    .selectFrom('help_suggestion_events')
    .select((eb) => [flag(eb, 'shown').as('shown'), flag(eb, 'opened').as('opened'), flag(eb, 'asked').as('asked')])
    .where('at', '>=', from)
    .groupBy('session_id')
    .as('s');
  const rows = await db
    .selectFrom(perSession)
    .select((eb) => ['s.shown', 's.opened', 's.asked', eb.fn.countAll<number | string>().as('sessions')])
    .groupBy(['s.shown', 's.opened', 's.asked'])
    .execute();
  return rows.map((r) => ({ shown: Number(r.shown) === 1, opened: Number(r.opened) === 1, asked: Number(r.asked) === 1, sessions: Number(r.sessions) }));
}
