// Migration 13: the status page's email subscriptions (one row per address; the SHA-256 of its unsubscribe token,
// so a copy of the database unsubscribes nobody) and the List-Unsubscribe URL an outgoing mail carries.
import type { Kysely } from 'kysely';
import type { Migration } from './index';

export const statusSubscriptions: Migration = {
  version: 13,
  name: 'status_subscriptions',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('status_subscriptions')
      .addColumn('email', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('unsubscribe_token_hash', 'text', (c) => c.notNull().unique())
      .execute();
    await db.schema.alterTable('mail_outbox').addColumn('list_unsubscribe', 'text').execute();
  },
};
