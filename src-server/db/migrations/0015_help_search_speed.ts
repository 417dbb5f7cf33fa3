// Migration 15: help search on PostgreSQL within its 20 ms (tests/bench/server/help-search.ts). Two causes, measured
// with EXPLAIN (ANALYZE, BUFFERS) on the bench's 10,000 articles: ranking read every match's `document` out of the
// TOAST table (a row of title, body and document passes the 2 kB toast threshold, and the document was moved out of
// line), and every match was ranked even when title matches alone fill the page. So the document stays in the row
// (STORAGE MAIN: the body, only read for the page's headlines, is the one moved out), and a small title-only vector
// with its own index finds the title matches, which src-server/db/help-search.ts ranks first and alone when they are
// enough. SQLite (FTS5) needs neither.
import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../schema';
import type { Migration } from './index';

export const helpSearchSpeed: Migration = {
  version: 15,
  name: 'help_search_speed',
  async up(db: Kysely<unknown>, dialect: DialectName) {
    if (dialect !== 'postgres') return;
    await sql`alter table help_search alter column document set storage main`.execute(db);
    await sql`alter table help_search add column title_document tsvector generated always as (to_tsvector('english', title)) stored`.execute(db);
    await sql`create index help_search_title_document on help_search using gin (title_document)`.execute(db);
    // Rows written before: an update recomputes the generated document, which is then stored under the new setting.
    await sql`update help_search set title = title`.execute(db);
  },
};
