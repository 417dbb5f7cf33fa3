// Migration 5: declared incidents and the tickets linked to them, and the chat-time indexes the lead dashboard reads.
import type { Kysely } from 'kysely';
import type { Migration } from './index';

export const incidents: Migration = {
  version: 5,
  name: 'incidents',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('incidents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('eid', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('notice_id', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .addColumn('resolution_note', 'text')
      .execute();
    await db.schema
      .createTable('incident_tickets')
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
      .addColumn('linked_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('incident_tickets_pk', ['incident_id', 'ticket_id'])
      .execute();
    await db.schema.createIndex('incident_tickets_ticket').on('incident_tickets').column('ticket_id').execute();
    // stats:get reads "today" by each of these instants; without them every figure scans the whole chat history.
    for (const column of ['queued_at', 'assigned_at', 'first_response_at', 'ended_at']) {
      await db.schema.createIndex(`conversations_${column}`).on('conversations').column(column).execute();
    }
  },
};
