// Migration 6: drops the events_department index, which no query uses, so each logged event writes one index fewer.
import type { Kysely } from 'kysely';
import type { Migration } from './index';

/*
 * eventsForAgent reads `seq > ? and (department_id is null or specialist_id = ? or department_id in (…))`.
 * specialist_id has no index, so neither SQLite (EXPLAIN QUERY PLAN: a rowid range on seq) nor PostgreSQL
 * (no BitmapOr without an index on every arm) can use events_department for it, and nothing else filters
 * events by department. It only cost a randomly placed page write per chat message (measured in the server bench).
 */
export const dropUnusedEventIndex: Migration = {
  version: 6,
  name: 'drop_unused_event_index',
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex('events_department').ifExists().execute();
  },
};
