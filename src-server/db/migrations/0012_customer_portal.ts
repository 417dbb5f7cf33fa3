// Migration 12: the customer portal and the email channel. A direct address per department, portal sign-in links
// and sessions (token hashes only), uploads held for a request not yet submitted, and the reply and threading
// headers of outgoing ticket mail.
import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

export const customerPortal: Migration = {
  version: 12,
  name: 'customer_portal',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('departments').addColumn('email', 'text').execute();
    // NULLs never compare equal in a unique index, so any number of departments may have no address.
    await sql`create unique index departments_email on departments (email)`.execute(db);

    await db.schema
      .createTable('portal_sign_in_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('return_to', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    // The per-address cap on links counts recent rows of one address.
    await db.schema.createIndex('portal_sign_in_links_email').on('portal_sign_in_links').columns(['email', 'created_at']).execute();

    await db.schema
      .createTable('portal_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_at', 'bigint')
      .execute();

    await db.schema.alterTable('attachments').addColumn('portal_owner', 'text').execute();

    await db.schema.alterTable('mail_outbox').addColumn('reply_to', 'text').execute();
    await db.schema.alterTable('mail_outbox').addColumn('in_reply_to', 'text').execute();
    await db.schema.alterTable('mail_outbox').addColumn('references_ids', 'text').execute();
    // Matching a reply by In-Reply-To/References looks up what was sent for one ticket.
    await db.schema.createIndex('mail_outbox_ticket').on('mail_outbox').columns(['ticket_id', 'status']).execute();
    // Threading a reply after an inbound mail, and dropping a mail delivered twice, look up by ticket and Message-ID.
    await db.schema.createIndex('inbound_mail_ticket').on('inbound_mail').column('ticket_id').execute();
    await db.schema.createIndex('inbound_mail_message_id').on('inbound_mail').column('message_id').execute();
    // The Subject as parsed when the mail was processed, so listings need not parse raw bytes.
    await db.schema.alterTable('inbound_mail').addColumn('subject', 'text').execute();
  },
};
