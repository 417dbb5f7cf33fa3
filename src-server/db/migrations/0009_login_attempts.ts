// Migration 9: the login audit (every attempt that reached the password check, by account and address: the backoff
// per account and address is counted from it, an admin reads it), and an index to count mails per address.
import type { Kysely } from 'kysely';
import type { Migration } from './index';

export const loginAttempts: Migration = {
  version: 9,
  name: 'login_attempts',
  async up(db: Kysely<unknown>, dialect) {
    const serial = dialect === 'sqlite' ? ('integer' as const) : ('bigserial' as const);
    await db.schema
      .createTable('login_attempts')
      .addColumn('id', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('success', 'integer', (c) => c.notNull())
      .execute();
    // The backoff of one account from one address, newest first; pruning and the admin's listing by age.
    await db.schema.createIndex('login_attempts_email_address_at').on('login_attempts').columns(['email', 'address', 'at']).execute();
    await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute();
    // The hourly cap on mails to addresses that never proved themselves (email/unverified-mail.ts).
    await db.schema.createIndex('mail_outbox_to_created').on('mail_outbox').columns(['to_address', 'created_at']).execute();
  },
};
