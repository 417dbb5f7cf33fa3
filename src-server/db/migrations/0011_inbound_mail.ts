// Migration 11: every mail the inbound SMTP listener accepted, raw bytes included, written before the 250 answer
// so an accepted mail is never lost, whatever processing does with it afterwards.
import type { Kysely } from 'kysely';
import type { Migration } from './index';

export const inboundMail: Migration = {
  version: 11,
  name: 'inbound_mail',
  async up(db: Kysely<unknown>, dialect) {
    const serial = dialect === 'sqlite' ? ('integer' as const) : ('bigserial' as const);
    // The raw mail lives in the row, not in a file under DATA_DIR: one insert commits it together with its status
    // (no orphan file, no row without its file after a crash), backups carry it, and several PostgreSQL nodes
    // see it without a shared disk. INBOUND_MAX_BYTES bounds each row.
    const bytes = dialect === 'sqlite' ? ('blob' as const) : ('bytea' as const);
    await db.schema
      .createTable('inbound_mail')
      .addColumn('id', serial, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('envelope_from', 'text', (c) => c.notNull())
      .addColumn('envelope_to', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull())
      .addColumn('raw', bytes, (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('message_id', 'text')
      .addColumn('from_address', 'text')
      .addColumn('ticket_id', 'integer')
      .addColumn('processed_at', 'bigint')
      .execute();
    // The admin listing (newest first, optionally by status) and the restart pass over mails still 'received'.
    await db.schema.createIndex('inbound_mail_status_received').on('inbound_mail').columns(['status', 'received_at']).execute();
    await db.schema.createIndex('inbound_mail_received').on('inbound_mail').column('received_at').execute();
  },
};
