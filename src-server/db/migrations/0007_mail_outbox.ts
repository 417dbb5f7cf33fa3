// Migration 7: the durable mail outbox (one row per outgoing mail, written with the change that causes it) and
// mail_log as its attempt log (which row, which attempt, why it failed).
import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

export const mailOutbox: Migration = {
  version: 7,
  name: 'mail_outbox',
  async up(db: Kysely<unknown>, dialect) {
    const serial = dialect === 'sqlite' ? ('integer' as const) : ('bigserial' as const);
    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      // What caused the mail (e.g. "chat_recap:<conversation id>"): enqueuing the same mail twice inserts nothing.
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'integer')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_at', 'bigint')
      .addColumn('sent_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('mail_outbox_due')
      .on('mail_outbox')
      .column('next_attempt_at')
      .where(sql.ref('status'), '=', 'queued')
      .execute();
    await db.schema.alterTable('mail_log').addColumn('outbox_id', 'bigint').execute();
    await db.schema.alterTable('mail_log').addColumn('attempt', 'integer').execute();
    await db.schema.alterTable('mail_log').addColumn('error', 'text').execute();
  },
};
