// Help center rows written straight to the database for tests and benches (authoring has its own tests): products,
// sections, and articles with their revision and — when published — their search index row, as publishing leaves them.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src-server/db/schema';
import type { HelpSectionKind } from '../../src-shared/help-center';
import { searchableText } from '../../src-server/db/help-search-index';

/** Who the fixtures' revisions are saved by (no specialist row needed: the column is plain text). */
const FIXTURE_AUTHOR = '00000000-0000-4000-8000-00000000f1f1';

export interface ProductFixture {
  id: string;
  name: string;
}

export async function insertHelpProduct(db: Db, opts: { id?: string; name?: string; description?: string; position?: number; showsStatus?: boolean } = {}): Promise<ProductFixture> {
  const tag = randomUUID().slice(0, 8);
  const p = { id: opts.id ?? `p-${tag}`, name: opts.name ?? `Product ${tag}` };
  await db
    .insertInto('help_products')
    .values({ id: p.id, name: p.name, description: opts.description ?? '', position: opts.position ?? 100, shows_status: opts.showsStatus ? 1 : 0 })
    .execute();
  return p;
}

export interface SectionFixture {
  id: string;
  productId: string;
  slug: string;
  title: string;
}

export async function insertHelpSection(db: Db, productId: string, opts: { slug?: string; title?: string; kind?: HelpSectionKind; position?: number; description?: string } = {}): Promise<SectionFixture> {
  const s = { id: randomUUID(), productId, slug: opts.slug ?? `section-${randomUUID().slice(0, 8)}`, title: opts.title ?? 'FAQs' };
  await db
    .insertInto('help_sections')
    .values({ id: s.id, product_id: productId, slug: s.slug, title: s.title, description: opts.description ?? '', kind: opts.kind ?? 'faq', position: opts.position ?? 1 })
    .execute();
  return s;
}

export interface ArticleInput {
  title: string;
  body: string;
  slug?: string;
  /** Default published; a draft or unpublished article has no index row (search must not find it). */
  status?: 'draft' | 'published' | 'unpublished';
  publishedAt?: number;
}

export interface ArticleFixture {
  id: string;
  slug: string;
  title: string;
  sectionId: string;
}

/** Inserts articles of one section in batches (one statement per table per batch); the bench writes 10,000 this way. */
export async function insertHelpArticles(db: Db, sectionId: string, inputs: readonly ArticleInput[], now = Date.now()): Promise<ArticleFixture[]> {
  const made = inputs.map((a) => ({ input: a, id: randomUUID(), slug: a.slug ?? `article-${randomUUID().slice(0, 12)}`, published: (a.status ?? 'published') === 'published' }));
  const BATCH = 200;
  for (let i = 0; i < made.length; i += BATCH) {
    const chunk = made.slice(i, i + BATCH);
    await db
      .insertInto('help_articles')
      .values(
        chunk.map(({ input, id, slug, published }) => {
          const at = input.publishedAt ?? now;
          const wasPublished = input.status === 'unpublished' || published;
          return {
            id,
            section_id: sectionId,
            slug,
            status: input.status ?? 'published',
            latest_revision: 1,
            published_revision: published ? 1 : null,
            published_title: published ? input.title : null,
            published_body: published ? input.body : null,
            first_published_at: wasPublished ? at : null,
            published_at: published ? at : null,
            created_at: at,
            updated_at: at,
          };
        }),
      )
      .execute();
    await db
      .insertInto('help_article_revisions')
      .values(chunk.map(({ input, id }) => ({ article_id: id, revision: 1, title: input.title, body: input.body, saved_by: FIXTURE_AUTHOR, saved_at: input.publishedAt ?? now })))
      .execute();
    const indexed = chunk.filter((a) => a.published);
    if (indexed.length > 0) {
      await db
        .insertInto('help_search')
        .values(indexed.map(({ input, id }) => ({ article_id: id, title: input.title, body: searchableText(input.body) })))
        .execute();
    }
  }
  return made.map(({ input, id, slug }) => ({ id, slug, title: input.title, sectionId }));
}

export async function insertHelpArticle(db: Db, sectionId: string, input: ArticleInput, now = Date.now()): Promise<ArticleFixture> {
  const [a] = await insertHelpArticles(db, sectionId, [input], now);
  if (!a) throw new Error('no article inserted');
  return a;
}
