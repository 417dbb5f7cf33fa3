// Migration 2: a record of every email sent (or written to the file outbox), and an index for department-scoped event reads.
import type { Kysely } from 'kysely';
import type { Migration } from './index';

export const mailLog: Migration = {
  version: 2,
  name: 'mail_log',
  async up(db: Kysely<unknown>, dialect) {
    const serial = dialect === 'sqlite' ? ('integer' as const) : ('bigserial' as const);
    await db.schema
      .createTable('mail_log')
      .addColumn('id', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'integer')
      .addColumn('file_name', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_department').on('events').columns(['department_id', 'seq']).execute();
  },
};
