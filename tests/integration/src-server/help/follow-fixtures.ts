// Help center rows for the follow tests, written straight to the database (authoring has its own tests): a product with
// one section, and articles in it at a given status and revision. Ids and slugs are fresh, so the seeded tiles never clash.
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../../../support/start-server';
import { queueFollowerNotices, type PublishedArticle } from '../../../../src-server/help/follow-notices';

export interface SectionFixture {
  productId: string;
  productName: string;
  sectionId: string;
  sectionSlug: string;
  sectionTitle: string;
}

export async function addSection(server: TestServer, opts: { productName?: string; sectionTitle?: string; kind?: string } = {}): Promise<SectionFixture> {
  const tag = randomUUID().slice(0, 8);
  const f: SectionFixture = {
    productId: `p-${tag}`,
    productName: opts.productName ?? `Product ${tag}`,
    sectionId: randomUUID(),
    sectionSlug: `faqs-${tag}`,
    sectionTitle: opts.sectionTitle ?? 'FAQs',
  };
  await server.app.ctx.writes.run(async (trx) => {
    await trx.insertInto('help_products').values({ id: f.productId, name: f.productName, description: '', position: 100, shows_status: 0 }).execute();
    await trx
      .insertInto('help_sections')
      .values({ id: f.sectionId, product_id: f.productId, slug: f.sectionSlug, title: f.sectionTitle, description: '', kind: opts.kind ?? 'faq', position: 1 })
      .execute();
  });
  return f;
}

export interface ArticleFixture {
  id: string;
  slug: string;
  title: string;
  sectionId: string;
}

/** An article with `revision` saved revisions; published at the newest unless `status` says otherwise. */
export async function addArticle(server: TestServer, sectionId: string, opts: { title?: string; status?: 'draft' | 'published' } = {}): Promise<ArticleFixture> {
  const tag = randomUUID().slice(0, 8);
  const a: ArticleFixture = { id: randomUUID(), slug: `article-${tag}`, title: opts.title ?? `Article ${tag}`, sectionId };
  const published = (opts.status ?? 'published') === 'published';
  const now = server.clock.now();
  await server.app.ctx.writes.run((trx) =>
    trx
      .insertInto('help_articles')
      .values({
        id: a.id,
        section_id: sectionId,
        slug: a.slug,
        status: published ? 'published' : 'draft',
        latest_revision: 1,
        published_revision: published ? 1 : null,
        published_title: published ? a.title : null,
        published_body: published ? 'Body.' : null,
        first_published_at: published ? now : null,
        published_at: published ? now : null,
        created_at: now,
        updated_at: now,
      })
      .execute(),
  );
  return a;
}

/** Stands in for the publishing transaction (HelpAuthoring.publish): the article row gets the revision, and its followers hear of it. */
export function notifyFollowers(server: TestServer, a: ArticleFixture, revision: number, change: 'new' | 'updated', title = a.title): Promise<number> {
  const article: PublishedArticle = { id: a.id, slug: a.slug, title, sectionId: a.sectionId, revision, change };
  const now = server.clock.now();
  return server.app.ctx.writes.run(async (trx) => {
    await trx
      .updateTable('help_articles')
      .set({ status: 'published', latest_revision: revision, published_revision: revision, published_title: title, published_body: 'Body.', published_at: now, updated_at: now })
      .where('id', '=', a.id)
      .execute();
    return queueFollowerNotices(server.app.ctx, trx, article, now);
  });
}
