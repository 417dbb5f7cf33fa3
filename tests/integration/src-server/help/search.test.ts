// Help search on both databases (SQLite FTS5 and PostgreSQL tsvector), against the real migrated schema: stemming,
// prefixes while typing, title over body, marked snippets, only published articles, hostile queries, paging and the
// product preference. PostgreSQL runs are skipped only where it is not installed (the reason is in the title).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openPostgres, openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';
import { searchHelp } from '../../../../src-server/db/help-search';
import { helpSearchHitSchema } from '../../../../src-shared/help-center';
import { insertHelpArticle, insertHelpArticles, insertHelpProduct, insertHelpSection, type SectionFixture } from '../../../support/help-fixtures';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../../support/postgres';

interface Backend {
  name: 'sqlite' | 'postgres';
  skip: string | null;
  open(): Promise<{ handle: DbHandle; close(): Promise<void> }>;
}

const pgReason = postgresUnavailableReason();
const backends: Backend[] = [
  {
    name: 'sqlite',
    skip: null,
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'switchboard-help-search-'));
      const handle = openSqlite(join(dir, 'switchboard.db'));
      return {
        handle,
        async close() {
          await handle.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    skip: pgReason,
    async open() {
      const pg: TestPostgres = await startPostgres();
      const handle = openPostgres(pg.url);
      return {
        handle,
        async close() {
          await handle.close();
          await pg.stop();
        },
      };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip !== null)(`help search on ${backend.name}${backend.skip ? ` (skipped: ${backend.skip})` : ''}`, () => {
    let handle: DbHandle;
    let close: () => Promise<void>;
    let faq: SectionFixture;
    let otherProduct: SectionFixture;
    const search = (query: string, opts: { limit?: number; offset?: number; productId?: string; match?: 'all' | 'any' } = {}) =>
      searchHelp(handle.db, handle.dialect, { query, limit: opts.limit ?? 20, offset: opts.offset ?? 0, ...(opts.productId ? { productId: opts.productId } : {}), ...(opts.match ? { match: opts.match } : {}) });

    beforeAll(async () => {
      ({ handle, close } = await backend.open());
      await migrate(handle.db, handle.dialect, 0);
      const product = await insertHelpProduct(handle.db, { id: 'finance', name: 'Finance' });
      faq = await insertHelpSection(handle.db, product.id, { slug: 'faqs', title: 'FAQs' });
      const other = await insertHelpProduct(handle.db, { id: 'technical', name: 'Technical' });
      otherProduct = await insertHelpSection(handle.db, other.id, { slug: 'documentation', title: 'Training and Documentation', kind: 'documentation' });
      const t0 = Date.UTC(2026, 0, 1);
      await insertHelpArticle(handle.db, faq.id, { slug: 'pay-a-bill', title: 'How do I pay a bill?', body: 'Open **Invoices**, pick the bill and choose a card. Receipts arrive by mail.' }, t0);
      await insertHelpArticle(handle.db, faq.id, { slug: 'reset-password', title: 'Resetting your password', body: 'Use the *Forgot password* link on the sign-in page.' }, t0);
      // "transcoding" in the title of one and only the body (three times) of the other: the title must win.
      await insertHelpArticle(handle.db, otherProduct.id, { slug: 'transcoding-basics', title: 'Transcoding basics', body: 'Start here to set things up.' }, t0);
      await insertHelpArticle(handle.db, otherProduct.id, { slug: 'encoder-settings', title: 'Encoder settings', body: 'Transcoding needs a stable upload. Transcoding at 1080p needs more. Test transcoding first.' }, t0);
      await insertHelpArticle(handle.db, faq.id, { slug: 'draft-article', title: 'Quasar draft', body: 'Only authors see quasar yet.', status: 'draft' }, t0);
      await insertHelpArticle(handle.db, faq.id, { slug: 'gone-article', title: 'Pulsar notes', body: 'Taken down pulsar article.', status: 'unpublished' }, t0);
      await insertHelpArticles(
        handle.db,
        faq.id,
        Array.from({ length: 25 }, (_, i) => ({ slug: `paging-${String(i).padStart(2, '0')}`, title: `Widget tip ${i}`, body: `A tip about the zephyr widget, number ${i}.` })),
        t0,
      );
      // Both products answer "refund"; the finance one a little worse (word only in the body).
      await insertHelpArticle(handle.db, otherProduct.id, { slug: 'refund-technical', title: 'Refund for a failed stream', body: 'Ask for a refund when a stream failed.' }, t0);
      await insertHelpArticle(handle.db, faq.id, { slug: 'refund-finance', title: 'Money back', body: 'A refund takes five days.' }, t0);
      // Suggestions ('any'): one article has two of a question's key words once each, in the body; the other has one
      // of them everywhere, so by word weight alone it would come first.
      await insertHelpArticle(handle.db, otherProduct.id, { slug: 'black-screen', title: 'When the player stays dark', body: 'A black screen during a keynote means the stream has not reached the player yet.' }, t0);
      // A long manual page whose only match sits deep in the body: the snippet must still show it, marked.
      const filler = Array.from({ length: 600 }, (_, i) => `step ${i} checks the cabling carefully`).join('. ');
      await insertHelpArticle(handle.db, otherProduct.id, { slug: 'long-manual', title: 'Studio manual', body: `${filler}. Finally recalibrating the gyroscope fixes drift.` }, t0);
      await insertHelpArticle(handle.db, otherProduct.id, { slug: 'keynote-tips', title: 'Keynote tips: keynote timing', body: 'Keynote speakers: rehearse the keynote. Every keynote starts on time.' }, t0);
    }, 60_000);
    afterAll(async () => {
      await close?.();
    });

    it('finds stemmed forms ("billing" finds "bill")', async () => {
      const { hits } = await search('billing');
      expect(hits.map((h) => h.slug)).toContain('pay-a-bill');
      for (const h of hits) expect(helpSearchHitSchema.parse(h)).toEqual(h);
    });

    it('treats the last word as a prefix while the reader is typing', async () => {
      expect((await search('passw')).hits.map((h) => h.slug)).toEqual(['reset-password']);
      expect((await search('forgot passwo')).hits.map((h) => h.slug)).toEqual(['reset-password']);
      // Earlier words are whole words: "passw" alone before another word finds nothing.
      expect((await search('passw forgot')).hits).toEqual([]);
    });

    it('ranks a title match over body matches', async () => {
      const slugs = (await search('transcoding')).hits.map((h) => h.slug);
      expect(slugs.slice(0, 2)).toEqual(['transcoding-basics', 'encoder-settings']);
    });

    it('marks the query words in the title and the snippet, as text parts', async () => {
      const [hit] = (await search('invoices bill')).hits;
      expect(hit?.slug).toBe('pay-a-bill');
      expect(hit?.titleParts.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(['bill']);
      expect(hit?.titleParts.map((p) => p.text).join('')).toBe('How do I pay a bill?');
      const marked = hit?.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase()) ?? [];
      expect(marked).toEqual(expect.arrayContaining(['invoices', 'bill']));
      // Markdown emphasis is not part of the snippet; the words are.
      expect(hit?.snippet.map((p) => p.text).join('')).not.toContain('**');
      expect(hit).toMatchObject({ sectionTitle: 'FAQs', productName: 'Finance', url: '/help/articles/pay-a-bill' });
    });

    it('snippets a match deep in a long article, marked', async () => {
      const [hit] = (await search('gyroscope')).hits;
      expect(hit?.slug).toBe('long-manual');
      expect(hit?.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(['gyroscope']);
      const stemmed = (await search('recalibrate')).hits[0];
      expect(stemmed?.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(['recalibrating']);
    });

    it('never finds a draft or an unpublished article', async () => {
      expect((await search('quasar')).hits).toEqual([]);
      expect((await search('pulsar')).hits).toEqual([]);
    });

    it('searches quotes, operators and SQL as plain words', async () => {
      const hostile = [
        '"',
        'bill"',
        'bill" OR "password',
        "'; drop table help_articles; --",
        'NEAR(bill password)',
        'title:bill',
        'bill*',
        '-bill',
        'bill & !password | x',
        'bill:*',
        "bill' OR '1'='1",
        '\\',
        '(((',
        'AND OR NOT',
        '^bill',
        '{title}: bill',
      ];
      for (const q of hostile) {
        const res = await search(q);
        expect(Array.isArray(res.hits), q).toBe(true);
      }
      // The words still count: a quote glued to a word does not hide it.
      expect((await search('bill"')).hits.map((h) => h.slug)).toContain('pay-a-bill');
      expect((await search('bill" OR "password')).hits).toEqual([]);
      const count = await handle.db.selectFrom('help_articles').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBeGreaterThan(25);
    });

    it('answers nothing for a query with no words', async () => {
      expect(await search('"" -- ** &&')).toEqual({ hits: [], more: false });
    });

    it('pages through the hits without repeating one', async () => {
      const first = await search('zephyr', { limit: 10, offset: 0 });
      const second = await search('zephyr', { limit: 10, offset: 10 });
      const third = await search('zephyr', { limit: 10, offset: 20 });
      expect([first.hits.length, second.hits.length, third.hits.length]).toEqual([10, 10, 5]);
      expect([first.more, second.more, third.more]).toEqual([true, true, false]);
      expect(new Set([...first.hits, ...second.hits, ...third.hits].map((h) => h.articleId)).size).toBe(25);
    });

    it("puts the given product's hits first", async () => {
      const plain = (await search('refund')).hits.map((h) => h.slug);
      expect(plain[0]).toBe('refund-technical');
      const preferred = (await search('refund', { productId: 'finance' })).hits.map((h) => h.slug);
      expect(preferred).toEqual(['refund-finance', 'refund-technical']);
    });

    it("with 'any', a customer's whole question finds the article matching its key words (every word required finds nothing)", async () => {
      const question = 'Since the keynote started I only see a black screen';
      expect((await search(question)).hits).toEqual([]);
      const { hits } = await search(question, { match: 'any' });
      expect(hits[0]?.slug).toBe('black-screen');
      expect(hits.map((h) => h.slug)).toContain('keynote-tips');
    });

    it("with 'any', an article matching two of the words outranks one matching one", async () => {
      const { hits } = await search('keynote black', { match: 'any' });
      expect(hits.map((h) => h.slug)).toEqual(['black-screen', 'keynote-tips']);
      expect(hits[0]?.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(['black', 'keynote']));
    });

    it("with 'any', a question of stop words only finds nothing", async () => {
      expect(await search('how do I do this', { match: 'any' })).toEqual({ hits: [], more: false });
    });
  });
}
