// Migration 8: incident detection counted in the database, so every node sees every report: one row per report
// (a ticket counts once per key) and one state row per key whose conditional update raises each alert once.
import type { Kysely } from 'kysely';
import type { Migration } from './index';

export const incidentReports: Migration = {
  version: 8,
  name: 'incident_reports',
  async up(db: Kysely<unknown>, dialect) {
    const serial = dialect === 'sqlite' ? ('integer' as const) : ('bigserial' as const);
    await db.schema
      .createTable('incident_reports')
      .addColumn('id', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('ticket_id', 'integer', (c) => c.notNull())
      // The detector's key: category and event id (src-server/automation/incident-detector.ts incidentKeyOf).
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('incident_reports_ticket_key', ['ticket_id', 'key'])
      .execute();
    // The window count of one key, newest first; and pruning by age.
    await db.schema.createIndex('incident_reports_key_at').on('incident_reports').columns(['key', 'at']).execute();
    await db.schema.createIndex('incident_reports_at').on('incident_reports').column('at').execute();
    await db.schema
      .createTable('incident_keys')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('open', 'integer', (c) => c.notNull())
      // The newest instant a report of this key was judged at: time never runs backwards for a key.
      .addColumn('latest_at', 'bigint', (c) => c.notNull())
      // Bumped by every judgement: the conditional update that saves a judgement matches only the version it read.
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('incident_keys_latest_at').on('incident_keys').column('latest_at').execute();
  },
};
