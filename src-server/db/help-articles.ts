// Help center articles and their revisions (tables help_articles, help_article_revisions): the authoring side (every
// status, every revision) and the reading side (published copies only).
import type { HelpArticleStatus, HelpArticleSummary, HelpRevision } from '../../src-shared/help-center';
import type { Db } from './schema';
import type { HelpArticlesTable } from './schema-help';

/**
 * Who saved revisions nobody signed in wrote (the starter articles when no admin account exists yet). A fixed UUID,
 * as revisions name their author by specialist id; no specialist has it, so its name comes from here.
 */
export const HELP_SYSTEM_AUTHOR = { id: '00000000-0000-4000-8000-000000000000', name: 'Support team' } as const;

/** An article row as the server works with it. */
export interface HelpArticleRecord {
  id: string;
  sectionId: string;
  slug: string;
  status: HelpArticleStatus;
  latestRevision: number;
  /** The revision readers see (with its title and body), or null while draft or unpublished. */
  publishedRevision: number | null;
  publishedTitle: string | null;
  publishedBody: string | null;
  firstPublishedAt: number | null;
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

const num = (v: number | null): number | null => (v === null ? null : Number(v));

const toRecord = (r: HelpArticlesTable): HelpArticleRecord => ({
  id: r.id,
  sectionId: r.section_id,
  slug: r.slug,
  status: r.status as HelpArticleStatus,
  latestRevision: Number(r.latest_revision),
  publishedRevision: num(r.published_revision),
  publishedTitle: r.published_title,
  publishedBody: r.published_body,
  firstPublishedAt: num(r.first_published_at),
  publishedAt: num(r.published_at),
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const toRow = (a: HelpArticleRecord): HelpArticlesTable => ({
  id: a.id,
  section_id: a.sectionId,
  slug: a.slug,
  status: a.status,
  latest_revision: a.latestRevision,
  published_revision: a.publishedRevision,
  published_title: a.publishedTitle,
  published_body: a.publishedBody,
  first_published_at: a.firstPublishedAt,
  published_at: a.publishedAt,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

export async function getHelpArticle(db: Db, id: string): Promise<HelpArticleRecord | null> {
  const r = await db.selectFrom('help_articles').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** Any status: slugs are unique across the whole help center (`/help/articles/<slug>`). */
export async function helpArticleBySlug(db: Db, slug: string): Promise<HelpArticleRecord | null> {
  const r = await db.selectFrom('help_articles').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** What readers may open: the article at this slug when it is published (its `published*` fields are set). */
export async function publishedHelpArticleBySlug(db: Db, slug: string): Promise<HelpArticleRecord | null> {
  const r = await db.selectFrom('help_articles').selectAll().where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst();
  return r && r.published_title !== null && r.published_body !== null ? toRecord(r) : null;
}

export interface PublishedArticleListing {
  id: string;
  slug: string;
  title: string;
  publishedAt: number;
}

/** A section page's list: its published articles, newest publication first. */
export async function listPublishedHelpArticles(db: Db, sectionId: string, limit: number): Promise<PublishedArticleListing[]> {
  const rows = await db
    .selectFrom('help_articles')
    .select(['id', 'slug', 'published_title', 'published_at'])
    .where('section_id', '=', sectionId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('slug')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.published_title ?? '', publishedAt: Number(r.published_at ?? 0) }));
}

function selectSummaries(db: Db) {
  return db
    .selectFrom('help_articles as a')
    .innerJoin('help_article_revisions as r', (j) => j.onRef('r.article_id', '=', 'a.id').onRef('r.revision', '=', 'a.latest_revision'))
    .select(['a.id', 'a.section_id', 'a.slug', 'a.status', 'a.latest_revision', 'a.published_revision', 'a.published_at', 'a.updated_at', 'r.title']);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['executeTakeFirstOrThrow']>>;

const toSummary = (r: SummaryRow): HelpArticleSummary => ({
  id: r.id,
  sectionId: r.section_id,
  slug: r.slug,
  title: r.title,
  status: r.status as HelpArticleStatus,
  hasUnpublishedChanges: r.published_revision === null || Number(r.published_revision) !== Number(r.latest_revision),
  publishedAt: num(r.published_at),
  updatedAt: Number(r.updated_at),
});

/** Every article of every status for the authoring tree, by section then slug. */
export async function listHelpArticleSummaries(db: Db): Promise<HelpArticleSummary[]> {
  const rows = await selectSummaries(db).orderBy('a.section_id').orderBy('a.slug').execute();
  return rows.map(toSummary);
}

export async function helpArticleSummary(db: Db, id: string): Promise<HelpArticleSummary | null> {
  const r = await selectSummaries(db).where('a.id', '=', id).executeTakeFirst();
  return r ? toSummary(r) : null;
}

export async function insertHelpArticle(db: Db, a: HelpArticleRecord): Promise<void> {
  await db.insertInto('help_articles').values(toRow(a)).execute();
}

export interface NewHelpRevision {
  articleId: string;
  revision: number;
  title: string;
  body: string;
  savedBy: string;
  savedAt: number;
}

export async function insertHelpRevision(db: Db, r: NewHelpRevision): Promise<void> {
  await db
    .insertInto('help_article_revisions')
    .values({ article_id: r.articleId, revision: r.revision, title: r.title, body: r.body, saved_by: r.savedBy, saved_at: r.savedAt })
    .execute();
}

function selectRevisions(db: Db, articleId: string) {
  return db
    .selectFrom('help_article_revisions as r')
    .leftJoin('specialists as s', 's.id', 'r.saved_by')
    .select(['r.revision', 'r.title', 'r.saved_by', 'r.saved_at', 's.display_name'])
    .where('r.article_id', '=', articleId);
}

const authorName = (id: string, displayName: string | null): string => displayName ?? (id === HELP_SYSTEM_AUTHOR.id ? HELP_SYSTEM_AUTHOR.name : 'Former team member');

/** One revision with its body, or null when the article has no such revision. */
export async function getHelpRevision(db: Db, articleId: string, revision: number): Promise<HelpRevision | null> {
  const r = await selectRevisions(db, articleId).select('r.body').where('r.revision', '=', revision).executeTakeFirst();
  if (!r) return null;
  return { revision: Number(r.revision), title: r.title, body: r.body, savedBy: r.saved_by, savedByName: authorName(r.saved_by, r.display_name), savedAt: Number(r.saved_at) };
}

/** The newest `limit` revisions, newest first, without their bodies (the history list). */
export async function listHelpRevisions(db: Db, articleId: string, limit: number): Promise<Omit<HelpRevision, 'body'>[]> {
  const rows = await selectRevisions(db, articleId).orderBy('r.revision', 'desc').limit(limit).execute();
  return rows.map((r) => ({ revision: Number(r.revision), title: r.title, savedBy: r.saved_by, savedByName: authorName(r.saved_by, r.display_name), savedAt: Number(r.saved_at) }));
}

export async function setHelpLatestRevision(db: Db, id: string, revision: number, now: number): Promise<void> {
  await db.updateTable('help_articles').set({ latest_revision: revision, updated_at: now }).where('id', '=', id).execute();
}

/** Readers now see this revision; `first_published_at` is set only by the first publication. */
export async function markHelpArticlePublished(db: Db, id: string, p: { revision: number; title: string; body: string; firstPublishedAt: number; now: number }): Promise<void> {
  await db
    .updateTable('help_articles')
    .set({
      status: 'published',
      published_revision: p.revision,
      published_title: p.title,
      published_body: p.body,
      first_published_at: p.firstPublishedAt,
      published_at: p.now,
      updated_at: p.now,
    })
    .where('id', '=', id)
    .execute();
}

/** Taken down: the published copy is cleared (readers get 404); revisions and `first_published_at` stay. */
export async function markHelpArticleUnpublished(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('help_articles')
    .set({ status: 'unpublished', published_revision: null, published_title: null, published_body: null, published_at: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}
