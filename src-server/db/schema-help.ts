// Row types of the help center's tables (migration 14), apart from schema.ts so each file keeps one subject.
import type { Generated } from 'kysely';

type Instant = number;
type Flag = number;

/** A product tile of /help. */
export interface HelpProductsTable {
  id: string;
  name: string;
  description: string;
  position: number;
  /** 1 for the tile that shows system availability. */
  shows_status: Flag;
}

export interface HelpSectionsTable {
  id: string;
  product_id: string;
  slug: string;
  title: string;
  description: string;
  kind: string;
  position: number;
}

/**
 * An article; its content lives in revisions. `latest_revision` is the newest saved one (the editor's), and
 * `published_revision` the one readers see, copied into `published_title`/`published_body` so reads need no join.
 */
export interface HelpArticlesTable {
  id: string;
  section_id: string;
  slug: string;
  status: string;
  latest_revision: number;
  published_revision: number | null;
  published_title: string | null;
  published_body: string | null;
  /** When it was first published (followers' "new" versus "updated"). */
  first_published_at: Instant | null;
  published_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface HelpArticleRevisionsTable {
  article_id: string;
  revision: number;
  title: string;
  body: string;
  saved_by: string;
  saved_at: Instant;
}

/** The search index (SQLite: an FTS5 table; PostgreSQL: a table with a weighted tsvector): published articles only. */
export interface HelpSearchTable {
  article_id: string;
  title: string;
  body: string;
}

/** An image an author uploaded for articles; the file is DATA_DIR/help-images/<stored_name>. */
export interface HelpImagesTable {
  id: string;
  stored_name: string;
  content_type: string;
  size: number;
  uploaded_by: string;
  uploaded_at: Instant;
}

export interface HelpFollowsTable {
  email: string;
  target_kind: string;
  target_id: string;
  created_at: Instant;
}

/** Per follower: how they want mail, and when the last digest went out. */
export interface HelpFollowSettingsTable {
  email: string;
  delivery: string;
  last_digest_at: Instant | null;
}

/** Published articles waiting for a follower's next daily digest; removed when the digest is queued. */
export interface HelpDigestItemsTable {
  id: Generated<number>;
  email: string;
  article_id: string;
  revision: number;
  /** 'new' or 'updated'. */
  change: string;
  queued_at: Instant;
}

/** The widget's suggestion outcomes, for the leads' numbers. */
export interface HelpSuggestionEventsTable {
  id: Generated<number>;
  session_id: string;
  kind: string;
  article_id: string | null;
  at: Instant;
}

/** What the team posted on an open incident (`incident:update`). */
export interface IncidentUpdatesTable {
  id: Generated<number>;
  incident_id: string;
  note: string;
  created_by: string;
  created_at: Instant;
}

export interface HelpDatabase {
  help_products: HelpProductsTable;
  help_sections: HelpSectionsTable;
  help_articles: HelpArticlesTable;
  help_article_revisions: HelpArticleRevisionsTable;
  help_search: HelpSearchTable;
  help_images: HelpImagesTable;
  help_follows: HelpFollowsTable;
  help_follow_settings: HelpFollowSettingsTable;
  help_digest_items: HelpDigestItemsTable;
  help_suggestion_events: HelpSuggestionEventsTable;
  incident_updates: IncidentUpdatesTable;
}
