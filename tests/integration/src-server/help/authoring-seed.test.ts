// The first start's help center, on SQLite and PostgreSQL: a tile per seeded department (Technical shows the status),
// three sections each, and published starter articles that the search index finds; seeded once, never again.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { HelpArticleDetail, HelpTree } from '../../../../src-shared/help-center';
import { helpTreeSchema } from '../../../../src-shared/help-center';
import { callOk } from '../../../support/socket-clients';
import { SEEDED_DEPARTMENTS, startServer } from '../../../support/start-server';
import { HELP_SYSTEM_AUTHOR } from '../../../../src-server/db/help-articles';
import { seedIfEmpty } from '../../../../src-server/seed';
import { dialects, matchingArticleIds, serverPerTest } from './authoring-servers';

const ROUTE_WORDS = ['search', 'articles', 'images', 'assets', 'unsubscribe'];

// The PostgreSQL run is skipped only where PostgreSQL is not installed here; the reason is in the title (dialect-servers.ts).
describe.each(dialects)('the seeded help center on $title', ({ dialect, skipped }) => {
  const servers = serverPerTest(dialect);

  it.skipIf(skipped !== null)('has five tiles of three sections and searchable published starter articles', async () => {
    const s = servers.get();
    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const tree = helpTreeSchema.parse(await callOk<HelpTree>(lead.socket, 'help:tree', {}));

    expect(tree.products.map((p) => p.id)).toEqual([...SEEDED_DEPARTMENTS]);
    expect(tree.products.find((p) => p.id === 'production')).toMatchObject({ name: 'Production / BrandOcean / Aura', showsStatus: false });
    expect(tree.products.filter((p) => p.showsStatus).map((p) => p.id)).toEqual(['technical']);
    for (const p of tree.products) {
      expect(tree.sections.filter((x) => x.productId === p.id).map((x) => [x.slug, x.title, x.kind])).toEqual([
        ['faqs', 'FAQs', 'faq'],
        ['documentation', 'Training and Documentation', 'documentation'],
        ['release-notes', 'Release notes', 'release_notes'],
      ]);
    }

    expect(tree.articles.length).toBeGreaterThanOrEqual(6);
    expect(tree.articles.length).toBeLessThanOrEqual(10);
    for (const a of tree.articles) {
      expect(a, a.slug).toMatchObject({ status: 'published', hasUnpublishedChanges: false });
      expect(ROUTE_WORDS).not.toContain(a.slug);
    }
    const bySlug = new Map(tree.articles.map((a) => [a.slug, a.id]));
    const searchRows = await s.app.ctx.db.selectFrom('help_search').select('article_id').execute();
    expect(searchRows.map((r) => r.article_id).sort()).toEqual(tree.articles.map((a) => a.id).sort());
    // Words a customer would type find the article that answers them.
    expect(await matchingArticleIds(s, 'business hours')).toContain(bySlug.get('support-hours'));
    expect(await matchingArticleIds(s, 'awaiting reply')).toContain(bySlug.get('ticket-statuses'));
    expect(await matchingArticleIds(s, 'drop box')).toEqual([bySlug.get('attach-files-in-a-chat')]);

    const hours = await callOk<HelpArticleDetail>(lead.socket, 'help:article:get', { articleId: bySlug.get('support-hours') });
    // Hours come from the departments, so the article cannot disagree with the chat form.
    expect(hours.latest.body).toContain('| Finance | Mon–Fri 9 am to 5 pm Eastern Time |');
    // No admin account at the first start here: the system author saved them.
    expect(hours.latest).toMatchObject({ revision: 1, savedBy: HELP_SYSTEM_AUTHOR.id, savedByName: 'Support team' });
    expect(hours).toMatchObject({ publishedRevision: 1, url: '/help/articles/support-hours' });
  });

  it.skipIf(skipped !== null)('is seeded once: a later start changes nothing an author did', async () => {
    const s = servers.get();
    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const tree = await callOk<HelpTree>(lead.socket, 'help:tree', {});
    const hoursId = tree.articles.find((a) => a.slug === 'support-hours')?.id;
    await callOk(lead.socket, 'help:article:unpublish', { clientId: randomUUID(), articleId: hoursId });
    await seedIfEmpty({ db: s.app.ctx.db, clock: s.clock }, { demoPassword: null, accounts: false });
    const after = await callOk<HelpTree>(lead.socket, 'help:tree', {});
    expect(after.products).toHaveLength(tree.products.length);
    expect(after.sections).toHaveLength(tree.sections.length);
    expect(after.articles).toHaveLength(tree.articles.length);
    expect(after.articles.find((a) => a.id === hoursId)?.status).toBe('unpublished');
  });
});

describe('the seeded help center with demo accounts', () => {
  it('names the seeded admin as the starter articles\u2019 author', async () => {
    const s = await startServer({ demoPassword: 'demo-password-123' });
    try {
      const admin = await s.app.ctx.db.selectFrom('specialists').select(['id']).where('email', '=', 'admin@switchboard.local').executeTakeFirstOrThrow();
      const revisions = await s.app.ctx.db.selectFrom('help_article_revisions').select('saved_by').execute();
      expect(revisions.length).toBeGreaterThan(0);
      expect(new Set(revisions.map((r) => r.saved_by))).toEqual(new Set([admin.id]));
    } finally {
      await s.stop();
    }
  });
});
