// Migration 14: the help center (products, sections, articles and their revisions, images, the search index), what
// customers follow and their digests, the widget's suggestion outcomes, and updates posted on open incidents.
// Search differs by dialect behind one repository (src-server/db/help-search.ts): SQLite an FTS5 table, PostgreSQL a
// weighted tsvector with a GIN index; both hold published articles only.
import { sql, type Kysely } from 'kysely';
import type { Migration } from './index';

export const helpCenter: Migration = {
  version: 14,
  name: 'help_center',
  async up(db: Kysely<unknown>, dialect) {
    const serial = dialect === 'sqlite' ? ('integer' as const) : ('bigserial' as const);
    const autoId = <T extends { primaryKey(): T; autoIncrement(): T }>(c: T) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());

    await db.schema
      .createTable('help_products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('shows_status', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('help_sections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('help_products.id'))
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addUniqueConstraint('help_sections_product_slug', ['product_id', 'slug'])
      .execute();

    await db.schema
      .createTable('help_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('section_id', 'text', (c) => c.notNull().references('help_sections.id'))
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('latest_revision', 'integer', (c) => c.notNull())
      .addColumn('published_revision', 'integer')
      .addColumn('published_title', 'text')
      .addColumn('published_body', 'text')
      .addColumn('first_published_at', 'bigint')
      .addColumn('published_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    // A section page lists its published articles, newest first.
    await db.schema.createIndex('help_articles_section').on('help_articles').columns(['section_id', 'status', 'published_at']).execute();

    await db.schema
      .createTable('help_article_revisions')
      .addColumn('article_id', 'text', (c) => c.notNull().references('help_articles.id'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('saved_by', 'text', (c) => c.notNull())
      .addColumn('saved_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('help_article_revisions_pk', ['article_id', 'revision'])
      .execute();

    if (dialect === 'sqlite') {
      // Porter stemming over unicode61 (diacritics folded), as English readers expect "billing" to find "bill".
      await sql`create virtual table help_search using fts5(article_id unindexed, title, body, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
    } else {
      await sql`create table help_search (
        article_id text primary key references help_articles(id),
        title text not null,
        body text not null,
        document tsvector generated always as (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) stored
      )`.execute(db);
      await sql`create index help_search_document on help_search using gin (document)`.execute(db);
    }

    await db.schema
      .createTable('help_images')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('stored_name', 'text', (c) => c.notNull().unique())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('help_follows')
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('help_follows_pk', ['email', 'target_kind', 'target_id'])
      .execute();
    // Publishing reads the followers of one section or article.
    await db.schema.createIndex('help_follows_target').on('help_follows').columns(['target_kind', 'target_id', 'email']).execute();

    await db.schema
      .createTable('help_follow_settings')
      .addColumn('email', 'text', (c) => c.primaryKey())
      .addColumn('delivery', 'text', (c) => c.notNull())
      .addColumn('last_digest_at', 'bigint')
      .execute();

    await db.schema
      .createTable('help_digest_items')
      .addColumn('id', serial, autoId)
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('queued_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('help_digest_items_email').on('help_digest_items').columns(['email', 'queued_at']).execute();

    await db.schema
      .createTable('help_suggestion_events')
      .addColumn('id', serial, autoId)
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text')
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('help_suggestion_events_at').on('help_suggestion_events').columns(['at', 'session_id']).execute();

    await db.schema
      .createTable('incident_updates')
      .addColumn('id', serial, autoId)
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('incident_updates_incident').on('incident_updates').columns(['incident_id', 'created_at']).execute();
  },
};
