// What customers follow in the help center (migration 14): follows, each follower's delivery setting, the followers
// of a published article (paged), and the items waiting for a daily digest.
import type { FollowDelivery, FollowKind, HelpFollow } from '../../src-shared/help-center';
import type { Db } from './schema';

/** What a follow points at, as a follower sees it; null when it does not exist (or, for an article, is not published). */
export interface FollowTarget {
  kind: FollowKind;
  id: string;
  title: string;
  productName: string;
  url: string;
}

export const sectionUrl = (productId: string, sectionSlug: string): string => `/help/${productId}/${sectionSlug}`;
export const articleUrl = (slug: string): string => `/help/articles/${slug}`;

export async function findSectionTarget(db: Db, sectionId: string): Promise<FollowTarget | null> {
  const r = await db
    .selectFrom('help_sections as s')
    .innerJoin('help_products as p', 'p.id', 's.product_id')
    .select(['s.id', 's.title', 's.slug', 's.product_id', 'p.name as product_name'])
    .where('s.id', '=', sectionId)
    .executeTakeFirst();
  return r ? { kind: 'section', id: r.id, title: r.title, productName: r.product_name, url: sectionUrl(r.product_id, r.slug) } : null;
}

/** Only a published article can be followed: readers cannot see the others. */
export async function findPublishedArticleTarget(db: Db, articleId: string): Promise<FollowTarget | null> {
  const r = await db
    .selectFrom('help_articles as a')
    .innerJoin('help_sections as s', 's.id', 'a.section_id')
    .innerJoin('help_products as p', 'p.id', 's.product_id')
    .select(['a.id', 'a.slug', 'a.published_title', 'p.name as product_name'])
    .where('a.id', '=', articleId)
    .where('a.status', '=', 'published')
    .executeTakeFirst();
  return r ? { kind: 'article', id: r.id, title: r.published_title ?? r.slug, productName: r.product_name, url: articleUrl(r.slug) } : null;
}

/** Following twice keeps the first row (and its date); the first follow also creates the delivery setting ('each'). */
export async function insertFollow(db: Db, f: { email: string; kind: FollowKind; id: string; now: number }): Promise<void> {
  await db
    .insertInto('help_follows')
    .values({ email: f.email, target_kind: f.kind, target_id: f.id, created_at: f.now })
    .onConflict((oc) => oc.columns(['email', 'target_kind', 'target_id']).doNothing())
    .execute();
  await db
    .insertInto('help_follow_settings')
    .values({ email: f.email, delivery: 'each', last_digest_at: null })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
}

/** True when a follow was there (and is gone now). */
export async function deleteFollow(db: Db, email: string, kind: FollowKind, id: string): Promise<boolean> {
  const res = await db.deleteFrom('help_follows').where('email', '=', email).where('target_kind', '=', kind).where('target_id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Every follow of the address and what waits for its digest; the delivery setting stays (it is a preference). */
export async function deleteAllFollows(db: Db, email: string): Promise<number> {
  const res = await db.deleteFrom('help_follows').where('email', '=', email).executeTakeFirst();
  await db.deleteFrom('help_digest_items').where('email', '=', email).execute();
  return Number(res.numDeletedRows);
}

/** The caller's follows, newest first, with what the Subscriptions screen shows (sections and articles read apart). */
export async function listFollows(db: Db, email: string): Promise<HelpFollow[]> {
  const [sections, articles] = await Promise.all([
    db
      .selectFrom('help_follows as f')
      .innerJoin('help_sections as s', 's.id', 'f.target_id')
      .innerJoin('help_products as p', 'p.id', 's.product_id')
      .select(['s.id', 's.title', 's.slug', 's.product_id', 'p.name as product_name', 'f.created_at'])
      .where('f.email', '=', email)
      .where('f.target_kind', '=', 'section')
      .execute(),
    db
      .selectFrom('help_follows as f')
      .innerJoin('help_articles as a', 'a.id', 'f.target_id')
      .innerJoin('help_sections as s', 's.id', 'a.section_id')
      .innerJoin('help_products as p', 'p.id', 's.product_id')
      .select(['a.id', 'a.slug', 'a.published_title', 'p.name as product_name', 'f.created_at'])
      .where('f.email', '=', email)
      .where('f.target_kind', '=', 'article')
      .execute(),
  ]);
  const follows: HelpFollow[] = [
    ...sections.map((r) => ({ kind: 'section' as const, id: r.id, title: r.title, productName: r.product_name, url: sectionUrl(r.product_id, r.slug), since: Number(r.created_at) })),
    // An article taken down since stays listed (so it can be unfollowed) under its last published title.
    ...articles.map((r) => ({ kind: 'article' as const, id: r.id, title: r.published_title ?? r.slug, productName: r.product_name, url: articleUrl(r.slug), since: Number(r.created_at) })),
  ];
  return follows.sort((a, b) => b.since - a.since || a.title.localeCompare(b.title));
}

export async function getDelivery(db: Db, email: string): Promise<FollowDelivery> {
  const r = await db.selectFrom('help_follow_settings').select('delivery').where('email', '=', email).executeTakeFirst();
  return r?.delivery === 'daily' ? 'daily' : 'each';
}

export async function setDelivery(db: Db, email: string, delivery: FollowDelivery): Promise<void> {
  await db
    .insertInto('help_follow_settings')
    .values({ email, delivery, last_digest_at: null })
    .onConflict((oc) => oc.column('email').doUpdateSet({ delivery }))
    .execute();
}

export interface ArticleFollower {
  email: string;
  /** Why they hear of it: they follow its section (preferred when both) or the article itself. */
  via: FollowKind;
  delivery: FollowDelivery;
}

/**
 * One page of the followers of a section or an article, one row per address (someone following both counts once),
 * in address order after `afterEmail`: keyset paging, so a section with many followers never sits in memory at once.
 */
export async function articleFollowersPage(db: Db, target: { sectionId: string; articleId: string }, afterEmail: string | null, limit: number): Promise<ArticleFollower[]> {
  let q = db
    .selectFrom('help_follows as f')
    .leftJoin('help_follow_settings as st', 'st.email', 'f.email')
    // 'section' > 'article': the max names the section when the address follows both.
    .select((eb) => ['f.email', eb.fn.max('f.target_kind').as('via'), eb.fn.max('st.delivery').as('delivery')])
    .where((eb) =>
      eb.or([eb.and([eb('f.target_kind', '=', 'section'), eb('f.target_id', '=', target.sectionId)]), eb.and([eb('f.target_kind', '=', 'article'), eb('f.target_id', '=', target.articleId)])]),
    );
  if (afterEmail !== null) q = q.where('f.email', '>', afterEmail);
  const rows = await q.groupBy('f.email').orderBy('f.email').limit(limit).execute();
  return rows.map((r) => ({ email: r.email, via: r.via === 'section' ? 'section' : 'article', delivery: r.delivery === 'daily' ? 'daily' : 'each' }));
}

/** One published revision of an article, waiting in its followers' digests. */
export interface DigestEntry {
  articleId: string;
  revision: number;
  change: 'new' | 'updated';
}

/**
 * Queues `entry` for each address. A retried publish must not list the article twice: an address that already has
 * this article revision waiting is skipped (read in the same transaction; the write queue serialises publishers).
 */
export async function insertDigestItems(db: Db, entry: DigestEntry, emails: readonly string[], now: number): Promise<number> {
  if (emails.length === 0) return 0;
  const present = await db
    .selectFrom('help_digest_items')
    .select('email')
    .where('article_id', '=', entry.articleId)
    .where('revision', '=', entry.revision)
    .where('email', 'in', emails)
    .execute();
  const skip = new Set(present.map((r) => r.email));
  const fresh = emails.filter((e) => !skip.has(e));
  if (fresh.length === 0) return 0;
  await db
    .insertInto('help_digest_items')
    .values(fresh.map((email) => ({ email, article_id: entry.articleId, revision: entry.revision, change: entry.change, queued_at: now })))
    .execute();
  return fresh.length;
}

/** Addresses with digest items whose last digest went out at or before `dueBefore` (or never), in address order. */
export async function dueDigestEmails(db: Db, dueBefore: number, afterEmail: string | null, limit: number): Promise<string[]> {
  let q = db
    .selectFrom('help_digest_items as i')
    .leftJoin('help_follow_settings as st', 'st.email', 'i.email')
    .select('i.email')
    .where((eb) => eb.or([eb('st.last_digest_at', 'is', null), eb('st.last_digest_at', '<=', dueBefore)]));
  if (afterEmail !== null) q = q.where('i.email', '>', afterEmail);
  const rows = await q.groupBy('i.email').orderBy('i.email').limit(limit).execute();
  return rows.map((r) => r.email);
}

export async function lastDigestAt(db: Db, email: string): Promise<number | null> {
  const r = await db.selectFrom('help_follow_settings').select('last_digest_at').where('email', '=', email).executeTakeFirst();
  return r?.last_digest_at === null || r?.last_digest_at === undefined ? null : Number(r.last_digest_at);
}

export interface DigestItem {
  id: number;
  articleId: string;
  revision: number;
  change: 'new' | 'updated';
  /** Null when the article is no longer published (the digest leaves it out). */
  title: string | null;
  slug: string;
  sectionTitle: string;
  productName: string;
}

/** Everything waiting for one address's digest, oldest first. */
export async function digestItemsOf(db: Db, email: string): Promise<DigestItem[]> {
  const rows = await db
    .selectFrom('help_digest_items as i')
    .innerJoin('help_articles as a', 'a.id', 'i.article_id')
    .innerJoin('help_sections as s', 's.id', 'a.section_id')
    .innerJoin('help_products as p', 'p.id', 's.product_id')
    .select(['i.id', 'i.article_id', 'i.revision', 'i.change', 'a.status', 'a.published_title', 'a.slug', 's.title as section_title', 'p.name as product_name'])
    .where('i.email', '=', email)
    .orderBy('i.queued_at')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    articleId: r.article_id,
    revision: Number(r.revision),
    change: r.change === 'new' ? 'new' : 'updated',
    title: r.status === 'published' ? (r.published_title ?? r.slug) : null,
    slug: r.slug,
    sectionTitle: r.section_title,
    productName: r.product_name,
  }));
}

/** The digest went out: its items go, and the address waits a day for the next one. */
export async function markDigestSent(db: Db, email: string, itemIds: readonly number[], now: number): Promise<void> {
  if (itemIds.length > 0) await db.deleteFrom('help_digest_items').where('id', 'in', itemIds).execute();
  await db
    .insertInto('help_follow_settings')
    .values({ email, delivery: 'daily', last_digest_at: now })
    .onConflict((oc) => oc.column('email').doUpdateSet({ last_digest_at: now }))
    .execute();
}

/** The section and product an article is published in, for the followers' mail. */
export async function sectionOf(db: Db, sectionId: string): Promise<{ title: string; productName: string } | null> {
  const r = await db
    .selectFrom('help_sections as s')
    .innerJoin('help_products as p', 'p.id', 's.product_id')
    .select(['s.title', 'p.name as product_name'])
    .where('s.id', '=', sectionId)
    .executeTakeFirst();
  return r ? { title: r.title, productName: r.product_name } : null;
}
