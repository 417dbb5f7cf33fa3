// Migration 1: accounts, departments, conversations, messages, drop boxes, attachments, tickets, the event log.
import type { Kysely } from 'kysely';
import type { Migration } from './index';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  async up(db: Kysely<unknown>, dialect) {
    // Auto-increment keys differ by dialect; everything else is portable.
    const serial = dialect === 'sqlite' ? ('integer' as const) : ('bigserial' as const);
    const autoId = <T extends { primaryKey(): T; autoIncrement(): T }>(c: T) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());

    await db.schema
      .createTable('departments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('schedule_json', 'text', (c) => c.notNull())
      .addColumn('routing', 'text', (c) => c.notNull().defaultTo('auto'))
      .addColumn('product', 'text')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('specialists')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('offline'))
      .addColumn('max_concurrent_chats', 'integer', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('idle_since', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('specialist_departments')
      .addColumn('specialist_id', 'text', (c) => c.notNull().references('specialists.id').onDelete('cascade'))
      .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('specialist_departments_pk', ['specialist_id', 'department_id'])
      .execute();

    await db.schema
      .createTable('refresh_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('specialist_id', 'text', (c) => c.notNull().references('specialists.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();

    await db.schema
      .createTable('tickets')
      .addColumn('id', serial, autoId)
      .addColumn('client_id', 'text', (c) => c.unique())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
      .addColumn('requester_email', 'text', (c) => c.notNull())
      .addColumn('ccs_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('context_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('category', 'text')
      .addColumn('product', 'text')
      .addColumn('resolution_json', 'text')
      .addColumn('assignee_id', 'text', (c) => c.references('specialists.id'))
      .addColumn('conversation_id', 'text')
      .addColumn('follow_up_of', 'integer')
      .addColumn('escalation_json', 'text')
      .addColumn('workaround', 'text')
      .addColumn('rca_note', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('solved_at', 'bigint')
      .addColumn('closed_at', 'bigint')
      .execute();
    await db.schema.createIndex('tickets_department_status').on('tickets').columns(['department_id', 'status', 'id']).execute();
    await db.schema.createIndex('tickets_requester').on('tickets').columns(['requester_email']).execute();

    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull().unique())
      .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
      .addColumn('visitor_email', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('context_json', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('specialist_id', 'text', (c) => c.references('specialists.id'))
      .addColumn('ticket_id', 'integer')
      .addColumn('visitor_token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('queued_at', 'bigint', (c) => c.notNull())
      .addColumn('assigned_at', 'bigint')
      .addColumn('first_response_at', 'bigint')
      .addColumn('ended_at', 'bigint')
      .addColumn('end_reason', 'text')
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_activity_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('conversations_open').on('conversations').columns(['state', 'department_id', 'queued_at']).execute();
    await db.schema.createIndex('conversations_specialist').on('conversations').columns(['specialist_id', 'state']).execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('attachments_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      // The retry key: one client id answers one message per conversation.
      .addUniqueConstraint('messages_client_id', ['conversation_id', 'client_id'])
      .addUniqueConstraint('messages_seq', ['conversation_id', 'seq'])
      .execute();

    await db.schema
      .createTable('drop_boxes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull().unique())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attachments_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text')
      .addColumn('ticket_id', 'integer')
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('storage_name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('ticket_comments')
      // seq keeps insertion order for comments written in the same millisecond.
      .addColumn('seq', serial, autoId)
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('client_id', 'text', (c) => c.unique())
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('attachments_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('internal', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_comments_ticket').on('ticket_comments').columns(['ticket_id', 'seq']).execute();

    await db.schema
      .createTable('ticket_audit')
      .addColumn('id', serial, autoId)
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('from_json', 'text', (c) => c.notNull())
      .addColumn('to_json', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('events')
      .addColumn('seq', serial, autoId)
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text')
      .addColumn('department_id', 'text')
      .addColumn('specialist_id', 'text')
      .addColumn('visitor_visible', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_conversation').on('events').columns(['conversation_id', 'seq']).execute();

    await db.schema
      .createTable('command_results')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('result_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

  },
};
