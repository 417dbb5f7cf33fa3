// Migration 4: the status stamp of tickets and the automation job table (src-server/automation/automation-port.ts).
import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

export const ticketAutomation: Migration = {
  version: 4,
  name: 'ticket_automation',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('tickets').addColumn('status_changed_at', 'bigint').execute();
    // Existing rows: the last update is the best cheap estimate of when their status was set.
    await sql`update tickets set status_changed_at = updated_at`.execute(db);
    await db.schema
      .createTable('automation_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_since', 'bigint', (c) => c.notNull())
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_at', 'bigint')
      .addColumn('done_at', 'bigint')
      .addColumn('outcome', 'text')
      .execute();
    await db.schema
      .createIndex('automation_jobs_due')
      .on('automation_jobs')
      .column('due_at')
      .where(sql.ref('done_at'), 'is', null)
      .where(sql.ref('claimed_by'), 'is', null)
      .execute();
  },
};
