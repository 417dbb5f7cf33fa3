// What the help center's reading pages read (http/help-routes.ts): product tiles, a product's sections with their
// newest published articles, a section's published articles, one published article with where it sits. Published
// only: a draft or a taken-down article is never in these answers.
import { sql } from 'kysely';
import type { HelpProduct, HelpSection } from '../../src-shared/help-center';
import type { Db } from './schema';
import { toProduct } from './help-products';
import { toSection } from './help-sections';

/** An article as a list shows it: the start of its body is enough for an excerpt. */
export interface ArticleListing {
  id: string;
  slug: string;
  title: string;
  publishedAt: number;
  /** The first EXCERPT_SOURCE_CHARS characters of the published Markdown. */
  bodyStart: string;
}

export interface PublishedArticle {
  id: string;
  slug: string;
  title: string;
  body: string;
  publishedAt: number;
  section: HelpSection;
  product: HelpProduct;
}

const EXCERPT_SOURCE_CHARS = 600;

interface ListingRow {
  id: string;
  slug: string;
  title: string | null;
  published_at: number | string | null;
  body_start: string | null;
}

const toListing = (r: ListingRow): ArticleListing => ({
  id: r.id,
  slug: r.slug,
  title: r.title ?? '',
  publishedAt: Number(r.published_at ?? 0),
  bodyStart: r.body_start ?? '',
});

export async function readerProducts(db: Db): Promise<HelpProduct[]> {
  const rows = await db.selectFrom('help_products').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toProduct);
}

export interface ProductOverview {
  product: HelpProduct;
  sections: { section: HelpSection; newest: ArticleListing[]; total: number }[];
}

/** A product with every section and each section's `perSection` newest articles (one statement for all sections). */
export async function readerProduct(db: Db, productId: string, perSection: number): Promise<ProductOverview | null> {
  const product = await db.selectFrom('help_products').selectAll().where('id', '=', productId).executeTakeFirst();
  if (!product) return null;
  const sections = await db.selectFrom('help_sections').selectAll().where('product_id', '=', productId).orderBy('position').orderBy('slug').execute();
  const { rows } = await sql<ListingRow & { section_id: string; n: number | string; total: number | string }>`
    select id, slug, title, published_at, body_start, section_id, n, total from (
      select a.id, a.slug, a.published_title as title, a.published_at, substr(a.published_body, 1, ${EXCERPT_SOURCE_CHARS}) as body_start, a.section_id,
        row_number() over (partition by a.section_id order by a.published_at desc, a.id) as n,
        count(*) over (partition by a.section_id) as total
      from help_articles a
      join help_sections s on s.id = a.section_id
      where s.product_id = ${productId} and a.status = 'published'
    ) ranked
    where n <= ${perSection}
    order by section_id, n`.execute(db);
  return {
    product: toProduct(product),
    sections: sections.map((s) => {
      const mine = rows.filter((r) => r.section_id === s.id);
      return { section: toSection(s), newest: mine.map(toListing), total: Number(mine[0]?.total ?? 0) };
    }),
  };
}

export interface SectionListing {
  product: HelpProduct;
  section: HelpSection;
  articles: ArticleListing[];
  more: boolean;
}

/** The section at /help/<productId>/<slug> and one page of its published articles, newest first. */
export async function readerSection(db: Db, productId: string, slug: string, page: { limit: number; offset: number }): Promise<SectionListing | null> {
  const found = await db
    .selectFrom('help_sections as s')
    .innerJoin('help_products as p', 'p.id', 's.product_id')
    .selectAll('s')
    .select(['p.name as product_name', 'p.description as product_description', 'p.position as product_position', 'p.shows_status as product_shows_status'])
    .where('s.product_id', '=', productId)
    .where('s.slug', '=', slug)
    .executeTakeFirst();
  if (!found) return null;
  const rows = await db
    .selectFrom('help_articles')
    .select(['id', 'slug', 'published_title as title', 'published_at', sql<string | null>`substr(published_body, 1, ${EXCERPT_SOURCE_CHARS})`.as('body_start')])
    .where('section_id', '=', found.id)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return {
    product: toProduct({ id: found.product_id, name: found.product_name, description: found.product_description, position: found.product_position, shows_status: found.product_shows_status }),
    section: toSection(found),
    articles: rows.slice(0, page.limit).map(toListing),
    more: rows.length > page.limit,
  };
}

/** The published article at /help/articles/<slug>, or null (unknown, draft or unpublished). */
export async function readerArticle(db: Db, slug: string): Promise<PublishedArticle | null> {
  const r = await db
    .selectFrom('help_articles as a')
    .innerJoin('help_sections as s', 's.id', 'a.section_id')
    .innerJoin('help_products as p', 'p.id', 's.product_id')
    .select(['a.id', 'a.slug', 'a.published_title', 'a.published_body', 'a.published_at'])
    .select(['s.id as section_id', 's.slug as section_slug', 's.title as section_title', 's.description as section_description', 's.kind as section_kind', 's.position as section_position'])
    .select(['p.id as product_id', 'p.name as product_name', 'p.description as product_description', 'p.position as product_position', 'p.shows_status as product_shows_status'])
    .where('a.slug', '=', slug)
    .where('a.status', '=', 'published')
    .executeTakeFirst();
  if (!r || r.published_title === null || r.published_body === null) return null;
  return {
    id: r.id,
    slug: r.slug,
    title: r.published_title,
    body: r.published_body,
    publishedAt: Number(r.published_at ?? 0),
    section: toSection({ id: r.section_id, product_id: r.product_id, slug: r.section_slug, title: r.section_title, description: r.section_description, kind: r.section_kind, position: r.section_position }),
    product: toProduct({ id: r.product_id, name: r.product_name, description: r.product_description, position: r.product_position, shows_status: r.product_shows_status }),
  };
}
