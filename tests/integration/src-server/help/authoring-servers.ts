// The help authoring tests' servers (tests/support/dialect-servers.ts) and a check by the dialect's own full-text match.
import { sql } from 'kysely';
import type { TestServer } from '../../../support/start-server';

export { dialects, serverPerTest } from '../../../support/dialect-servers';

/** The ids of indexed articles matching the words, by the dialect's own full-text match (not the search service). */
export async function matchingArticleIds(server: TestServer, words: string): Promise<string[]> {
  const { db, dialect } = server.app.ctx;
  const rows =
    dialect === 'sqlite'
      ? await sql<{ article_id: string }>`select article_id from help_search where help_search match ${words}`.execute(db)
      : await sql<{ article_id: string }>`select article_id from help_search where document @@ plainto_tsquery('english', ${words})`.execute(db);
  return rows.rows.map((r) => r.article_id).sort();
}
