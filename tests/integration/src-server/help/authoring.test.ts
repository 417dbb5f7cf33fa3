// Help center authoring over the agent socket, on SQLite and PostgreSQL: sections, articles as revisions with stale
// saves refused, publish (search index and published copy in one step), unpublish, agents refused, bad payloads
// refused with nothing changed, and a retried command with the same client id applied once.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { HelpArticleDetail, HelpSection, HelpTree } from '../../../../src-shared/help-center';
import { helpArticleDetailSchema, helpSectionSchema, helpTreeSchema } from '../../../../src-shared/help-center';
import { call, callOk, type AgentSocket } from '../../../support/socket-clients';
import type { TestServer } from '../../../support/start-server';
import { dialects, matchingArticleIds, serverPerTest } from './authoring-servers';

/** Row counts of every authoring table: "nothing changed" means these stay equal. */
async function counts(s: TestServer): Promise<Record<string, number>> {
  const db = s.app.ctx.db;
  const n = async (table: 'help_sections' | 'help_articles' | 'help_article_revisions' | 'help_search') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { sections: await n('help_sections'), articles: await n('help_articles'), revisions: await n('help_article_revisions'), search: await n('help_search') };
}

const articleRow = (s: TestServer, id: string) => s.app.ctx.db.selectFrom('help_articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function newArticle(lead: AgentSocket, sectionId: string, slug: string, title: string, body: string): Promise<HelpArticleDetail> {
  return helpArticleDetailSchema.parse(await callOk(lead, 'help:article:create', { clientId: randomUUID(), sectionId, slug, draft: { title, body } }));
}

async function financeFaqs(lead: AgentSocket): Promise<string> {
  const tree = helpTreeSchema.parse(await callOk<HelpTree>(lead, 'help:tree', {}));
  const faqs = tree.sections.find((x) => x.productId === 'finance' && x.slug === 'faqs');
  if (!faqs) throw new Error('seeded finance FAQs missing');
  return faqs.id;
}

// The PostgreSQL run is skipped only where PostgreSQL is not installed here; the reason is in the title (dialect-servers.ts).
describe.each(dialects)('help authoring on $title', ({ dialect, skipped }) => {
  const servers = serverPerTest(dialect);

  it.skipIf(skipped !== null)('a lead creates a section and an article, saves revisions, publishes, republishes and unpublishes', async () => {
    const s = servers.get();
    const lead = await s.connectSpecialist({ role: 'lead', displayName: 'Lee Lead', departmentIds: [] });

    const section = helpSectionSchema.parse(
      await callOk<HelpSection>(lead.socket, 'help:section:save', { clientId: randomUUID(), section: { productId: 'finance', slug: 'billing-guides', title: 'Billing guides', kind: 'documentation' } }),
    );
    expect(section).toMatchObject({ productId: 'finance', slug: 'billing-guides', title: 'Billing guides', description: '', kind: 'documentation', position: 4 });
    const taken = await call(lead.socket, 'help:section:save', { clientId: randomUUID(), section: { productId: 'finance', slug: 'billing-guides', title: 'Again', kind: 'faq' } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const unknownProduct = await call(lead.socket, 'help:section:save', { clientId: randomUUID(), section: { productId: 'nowhere', slug: 'x', title: 'X', kind: 'faq' } });
    expect(unknownProduct).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const unknownSection = await call(lead.socket, 'help:section:save', { clientId: randomUUID(), section: { id: randomUUID(), productId: 'finance', slug: 'x', title: 'X', kind: 'faq' } });
    expect(unknownSection).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Renaming keeps the id, the position and the slug it already has.
    const renamed = await callOk<HelpSection>(lead.socket, 'help:section:save', { clientId: randomUUID(), section: { ...section, title: 'Billing, step by step' } });
    expect(renamed).toEqual({ ...section, title: 'Billing, step by step' });

    const created = await newArticle(lead.socket, section.id, 'paying-invoices', 'Paying invoices', 'Pay each **invoice** by bank transfer.');
    expect(created.summary).toMatchObject({ slug: 'paying-invoices', status: 'draft', title: 'Paying invoices', publishedAt: null });
    expect(created.latest).toMatchObject({ revision: 1, body: 'Pay each **invoice** by bank transfer.', savedBy: lead.specialist.id, savedByName: 'Lee Lead' });
    expect(created.publishedRevision).toBeNull();
    expect(created.url).toBe('/help/articles/paying-invoices');
    const id = created.summary.id;
    expect(await call(lead.socket, 'help:article:create', { clientId: randomUUID(), sectionId: section.id, slug: 'paying-invoices', draft: { title: 'T', body: '' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    const second = await callOk<HelpArticleDetail>(lead.socket, 'help:article:save', { clientId: randomUUID(), articleId: id, baseRevision: 1, draft: { title: 'Paying invoices', body: 'Pay each invoice by bank transfer or card.' } });
    expect(second.latest.revision).toBe(2);
    // A save from revision 1 after revision 2 exists is stale: refused, nothing saved.
    const before = await counts(s);
    const stale = await call(lead.socket, 'help:article:save', { clientId: randomUUID(), articleId: id, baseRevision: 1, draft: { title: 'Mine', body: 'Overwrites?' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!stale.ok && stale.error.message).toContain('Reload');
    expect(await counts(s)).toEqual(before);
    expect((await callOk<HelpArticleDetail>(lead.socket, 'help:article:get', { articleId: id })).latest).toMatchObject({ revision: 2, title: 'Paying invoices' });
    expect(await matchingArticleIds(s, 'invoice')).not.toContain(id);

    await s.clock.advance(60_000);
    const published = await callOk<HelpArticleDetail>(lead.socket, 'help:article:publish', { clientId: randomUUID(), articleId: id });
    expect(published.publishedRevision).toBe(2);
    expect(published.summary).toMatchObject({ status: 'published', hasUnpublishedChanges: false, publishedAt: s.clock.now() });
    expect(await matchingArticleIds(s, 'invoice card')).toEqual([id]);
    const firstPublishedAt = (await articleRow(s, id)).first_published_at;
    expect(Number(firstPublishedAt)).toBe(s.clock.now());

    // Publishing again with nothing new is an answer, not an error, and changes nothing.
    await s.clock.advance(60_000);
    const again = await callOk<HelpArticleDetail>(lead.socket, 'help:article:publish', { clientId: randomUUID(), articleId: id });
    expect(again.summary.publishedAt).toBe(published.summary.publishedAt);

    // A new revision waits as the draft: readers and search keep revision 2 until it is published.
    const third = await callOk<HelpArticleDetail>(lead.socket, 'help:article:save', { clientId: randomUUID(), articleId: id, baseRevision: 2, draft: { title: 'Paying invoices and receipts', body: 'Receipts arrive by email.' } });
    expect(third.summary).toMatchObject({ status: 'published', hasUnpublishedChanges: true, title: 'Paying invoices and receipts' });
    expect(third.publishedRevision).toBe(2);
    expect(await articleRow(s, id)).toMatchObject({ published_revision: 2, published_title: 'Paying invoices', published_body: 'Pay each invoice by bank transfer or card.' });
    expect(await matchingArticleIds(s, 'receipts')).toEqual([]);

    const republished = await callOk<HelpArticleDetail>(lead.socket, 'help:article:publish', { clientId: randomUUID(), articleId: id });
    expect(republished.publishedRevision).toBe(3);
    expect(await matchingArticleIds(s, 'receipts')).toEqual([id]);
    expect(await matchingArticleIds(s, 'card')).toEqual([]);
    expect((await articleRow(s, id)).first_published_at).toBe(firstPublishedAt);

    // An older revision opens as `latest` (to restore it); the history lists all three, newest first, without bodies.
    const old = await callOk<HelpArticleDetail>(lead.socket, 'help:article:get', { articleId: id, revision: 1 });
    expect(old.latest).toMatchObject({ revision: 1, body: 'Pay each **invoice** by bank transfer.' });
    expect(old.revisions.map((r) => r.revision)).toEqual([3, 2, 1]);
    expect(old.revisions[0]).not.toHaveProperty('body');
    expect(await call(lead.socket, 'help:article:get', { articleId: id, revision: 9 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(lead.socket, 'help:article:get', { articleId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const down = await callOk<HelpArticleDetail>(lead.socket, 'help:article:unpublish', { clientId: randomUUID(), articleId: id });
    expect(down.summary).toMatchObject({ status: 'unpublished', publishedAt: null });
    expect(down.publishedRevision).toBeNull();
    expect(await matchingArticleIds(s, 'receipts')).toEqual([]);
    expect(await articleRow(s, id)).toMatchObject({ status: 'unpublished', published_title: null, published_body: null });
    expect(down.revisions).toHaveLength(3);

    const tree = await callOk<HelpTree>(lead.socket, 'help:tree', {});
    expect(tree.sections.find((x) => x.id === section.id)?.title).toBe('Billing, step by step');
    expect(tree.articles.find((a) => a.id === id)).toMatchObject({ status: 'unpublished', title: 'Paying invoices and receipts' });
  });

  it.skipIf(skipped !== null)('an agent is refused every authoring command, and nothing changes', async () => {
    const s = servers.get();
    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const sectionId = await financeFaqs(lead.socket);
    const article = await newArticle(lead.socket, sectionId, 'refunds', 'Refunds', 'Refunds take five days.');
    const agent = await s.connectSpecialist({ role: 'agent' });
    const before = await counts(s);
    const attempts: [string, unknown][] = [
      ['help:tree', {}],
      ['help:section:save', { clientId: randomUUID(), section: { productId: 'finance', slug: 'agent-made', title: 'Mine', kind: 'faq' } }],
      ['help:article:get', { articleId: article.summary.id }],
      ['help:article:create', { clientId: randomUUID(), sectionId, slug: 'agent-article', draft: { title: 'T', body: 'B' } }],
      ['help:article:save', { clientId: randomUUID(), articleId: article.summary.id, baseRevision: 1, draft: { title: 'T', body: 'B' } }],
      ['help:article:publish', { clientId: randomUUID(), articleId: article.summary.id }],
      ['help:article:unpublish', { clientId: randomUUID(), articleId: article.summary.id }],
    ];
    for (const [event, payload] of attempts) expect(await call(agent.socket, event, payload), event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await counts(s)).toEqual(before);
    expect((await articleRow(s, article.summary.id)).status).toBe('draft');
  });

  it.skipIf(skipped !== null)('bad payloads are refused as bad_request and change nothing', async () => {
    const s = servers.get();
    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const sectionId = await financeFaqs(lead.socket);
    const article = await newArticle(lead.socket, sectionId, 'late-fees', 'Late fees', 'None.');
    const before = await counts(s);
    const attempts: [string, unknown][] = [
      ['help:section:save', { clientId: randomUUID(), section: { productId: 'finance', slug: 'Not A Slug', title: 'X', kind: 'faq' } }],
      ['help:section:save', { clientId: randomUUID(), section: { productId: 'finance', slug: 'ok', title: '   ', kind: 'faq' } }],
      ['help:section:save', { clientId: randomUUID(), section: { productId: 'finance', slug: 'ok', title: 'X', kind: 'blog' } }],
      ['help:section:save', { section: { productId: 'finance', slug: 'ok', title: 'X', kind: 'faq' } }],
      ['help:article:create', { clientId: randomUUID(), sectionId, slug: 'ok', draft: { title: 'T', body: 'x'.repeat(100_001) } }],
      ['help:article:create', { clientId: randomUUID(), sectionId: 'not-a-uuid', slug: 'ok', draft: { title: 'T', body: '' } }],
      ['help:article:create', { clientId: randomUUID(), sectionId, slug: 'ok/../x', draft: { title: 'T', body: '' } }],
      ['help:article:save', { clientId: randomUUID(), articleId: article.summary.id, baseRevision: 0, draft: { title: 'T', body: '' } }],
      ['help:article:save', { clientId: randomUUID(), articleId: article.summary.id, baseRevision: 1, draft: { body: 'no title' } }],
      ['help:article:publish', { articleId: article.summary.id }],
      ['help:article:get', { articleId: article.summary.id, revision: -1 }],
    ];
    for (const [event, payload] of attempts) expect(await call(lead.socket, event, payload), `${event} ${JSON.stringify(payload).slice(0, 120)}`).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await counts(s)).toEqual(before);
    expect(await articleRow(s, article.summary.id)).toMatchObject({ status: 'draft', latest_revision: 1 });
  });

  it.skipIf(skipped !== null)('a retried command with the same client id answers the first result and is applied once', async () => {
    const s = servers.get();
    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const sectionId = await financeFaqs(lead.socket);

    const create = { clientId: randomUUID(), sectionId, slug: 'wire-transfers', draft: { title: 'Wire transfers', body: 'Use the reference.' } };
    const first = await callOk<HelpArticleDetail>(lead.socket, 'help:article:create', create);
    expect(await callOk<HelpArticleDetail>(lead.socket, 'help:article:create', create)).toEqual(first);
    const id = first.summary.id;

    const save = { clientId: randomUUID(), articleId: id, baseRevision: 1, draft: { title: 'Wire transfers', body: 'Always use the invoice reference.' } };
    const saved = await callOk<HelpArticleDetail>(lead.socket, 'help:article:save', save);
    // Without the client id the retry would be a stale save (conflict); with it, it is the same answer.
    expect(await callOk<HelpArticleDetail>(lead.socket, 'help:article:save', save)).toEqual(saved);
    expect((await callOk<HelpArticleDetail>(lead.socket, 'help:article:get', { articleId: id })).revisions.map((r) => r.revision)).toEqual([2, 1]);

    const section = { clientId: randomUUID(), section: { productId: 'finance', slug: 'payments', title: 'Payments', kind: 'other' as const } };
    const made = await callOk<HelpSection>(lead.socket, 'help:section:save', section);
    expect(await callOk<HelpSection>(lead.socket, 'help:section:save', section)).toEqual(made);

    const publish = { clientId: randomUUID(), articleId: id };
    const published = await callOk<HelpArticleDetail>(lead.socket, 'help:article:publish', publish);
    await s.clock.advance(60_000);
    expect(await callOk<HelpArticleDetail>(lead.socket, 'help:article:publish', publish)).toEqual(published);

    const tree = await callOk<HelpTree>(lead.socket, 'help:tree', {});
    expect(tree.articles.filter((a) => a.slug === 'wire-transfers')).toHaveLength(1);
    expect(tree.sections.filter((x) => x.productId === 'finance' && x.slug === 'payments')).toHaveLength(1);
    expect(await matchingArticleIds(s, 'reference')).toEqual([id]);
  });
});
