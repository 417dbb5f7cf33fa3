// Issue 16, answers before asking: GET /api/help/suggest finds published articles for a question being typed (the
// department's product first, three at most, cacheable), POST /api/help/suggestion-events logs what came of them
// within per-session bounds, and stats:get shows the leads today's numbers. Run on SQLite and on PostgreSQL (skipped
// only where PostgreSQL is not installed; the reason is in the title).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { helpSuggestAnswerSchema, type HelpSuggestAnswer } from '../../../../src-shared/protocol/help';
import type { DashboardStats } from '../../../../src-shared/stats';
import { indexArticle } from '../../../../src-server/db/help-search-index';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../../support/postgres';
import { startServer, type TestServer } from '../../../support/start-server';
import { callOk } from '../../../support/socket-clients';

const H = 3_600_000;

/** Help rows written straight to the database (authoring has its own tests); fresh ids, so seeded tiles never clash. */
async function addProduct(s: TestServer, name: string): Promise<{ productId: string; sectionId: string }> {
  const tag = randomUUID().slice(0, 8);
  const ids = { productId: `sg-${tag}`, sectionId: randomUUID() };
  await s.app.ctx.writes.run(async (trx) => {
    await trx.insertInto('help_products').values({ id: ids.productId, name, description: '', position: 50, shows_status: 0 }).execute();
    await trx.insertInto('help_sections').values({ id: ids.sectionId, product_id: ids.productId, slug: `faqs-${tag}`, title: 'FAQs', description: '', kind: 'faq', position: 1 }).execute();
  });
  return ids;
}

/** A published article (indexed for search, as publishing does) or a draft (never indexed). */
async function addArticle(s: TestServer, sectionId: string, a: { title: string; body: string; status?: 'published' | 'draft' }): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = `${a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${id.slice(0, 6)}`;
  const published = (a.status ?? 'published') === 'published';
  const now = s.clock.now();
  await s.app.ctx.writes.run(async (trx) => {
    await trx
      .insertInto('help_articles')
      .values({
        id,
        section_id: sectionId,
        slug,
        status: published ? 'published' : 'draft',
        latest_revision: 1,
        published_revision: published ? 1 : null,
        published_title: published ? a.title : null,
        published_body: published ? a.body : null,
        first_published_at: published ? now : null,
        published_at: published ? now : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx.insertInto('help_article_revisions').values({ article_id: id, revision: 1, title: a.title, body: a.body, saved_by: 'test', saved_at: now }).execute();
    if (published) await indexArticle(trx, { id, title: a.title, body: a.body });
  });
  return { id, slug };
}

async function suggest(s: TestServer, query: Record<string, string>): Promise<{ status: number; body: { ok: boolean; value?: HelpSuggestAnswer; error?: { code: string } }; cacheControl: string | null; retryAfter: string | null }> {
  const res = await fetch(`${s.url}/api/help/suggest?${new URLSearchParams(query).toString()}`);
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
  return {
    status: res.status,
    body: body.ok ? { ok: true, value: helpSuggestAnswerSchema.parse(body.value) } : (body as { ok: false; error: { code: string } }),
    cacheControl: res.headers.get('cache-control'),
    retryAfter: res.headers.get('retry-after'),
  };
}

const event = (s: TestServer, e: unknown) => s.http<{ recorded: true }>('POST', '/api/help/suggestion-events', e);

async function storedEvents(s: TestServer, sessionId: string): Promise<string[]> {
  const rows = await s.app.ctx.db.selectFrom('help_suggestion_events').select(['kind', 'article_id']).where('session_id', '=', sessionId).orderBy('id').execute();
  return rows.map((r) => (r.article_id ? `${r.kind}:${r.article_id}` : r.kind));
}

const reason = postgresUnavailableReason();
const dialects = [
  { name: 'SQLite', postgres: false, skip: null },
  { name: 'PostgreSQL', postgres: true, skip: reason },
] as const;

describe.each(dialects)('help suggestions on $name', ({ name, postgres, skip }) => {
  let cluster: TestPostgres | null = null;
  let server: TestServer | null = null;
  beforeAll(async () => {
    if (postgres && skip === null) cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  /** A server on a database of its own (a fresh one in the shared cluster on PostgreSQL). */
  async function start(env: Record<string, string> = {}): Promise<TestServer> {
    let databaseUrl: string | undefined;
    if (cluster) {
      const db = `suggest_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`create database ${db}`);
      await admin.end();
      databaseUrl = cluster.url.replace(/\/postgres$/, `/${db}`);
    }
    server = await startServer({ env, ...(databaseUrl ? { databaseUrl } : {}) });
    return server;
  }

  const title = (t: string) => `${t}${skip ? ` (skipped: ${skip})` : ''}`;

  it.skipIf(skip !== null)(title('suggests up to three published articles with the words marked, cacheable for 30 s'), async () => {
    const s = await start();
    const { sectionId } = await addProduct(s, 'Gadgets');
    const a = await addArticle(s, sectionId, { title: 'Recalibrate the quokkatron', body: 'Hold the quokkatron button for ten seconds to recalibrate it.' });
    for (let i = 0; i < 4; i++) await addArticle(s, sectionId, { title: `Quokkatron tip ${i + 1}`, body: 'Another quokkatron tip.' });
    const draft = await addArticle(s, sectionId, { title: 'Quokkatron secrets', body: 'Not yet.', status: 'draft' });

    const res = await suggest(s, { q: 'recalibrate quokkatron' });
    expect(res.status).toBe(200);
    expect(res.cacheControl).toBe('public, max-age=30');
    expect(res.body.value?.hits[0]).toMatchObject({ articleId: a.id, slug: a.slug, url: `/help/articles/${a.slug}`, productName: 'Gadgets' });
    expect(res.body.value?.hits[0]?.titleParts.filter((p) => p.match).map((p) => p.text.toLowerCase())).toContain('quokkatron');

    const many = await suggest(s, { q: 'quokkatron' });
    expect(many.body.value?.hits).toHaveLength(3);
    expect(many.body.value?.hits.map((h) => h.articleId)).not.toContain(draft.id);
    expect((await suggest(s, { q: 'zzyzxnothing' })).body.value?.hits).toEqual([]);
  });

  it.skipIf(skip !== null)(title('puts the chosen department’s product first'), async () => {
    const s = await start();
    const one = await addProduct(s, 'First');
    const two = await addProduct(s, 'Second');
    const inOne = await addArticle(s, one.sectionId, { title: 'Flibbergast pairing', body: 'Pair the flibbergast.' });
    const inTwo = await addArticle(s, two.sectionId, { title: 'Flibbergast pairing', body: 'Pair the flibbergast.' });
    const first = async (productId: string) => (await suggest(s, { q: 'flibbergast pairing', productId })).body.value?.hits[0]?.articleId;
    expect(await first(one.productId)).toBe(inOne.id);
    expect(await first(two.productId)).toBe(inTwo.id);
    // An unknown product is a preference for nothing, not an error.
    expect((await suggest(s, { q: 'flibbergast pairing', productId: 'no-such-product' })).body.value?.hits).toHaveLength(2);
  });

  it.skipIf(skip !== null)(title('refuses bad input with a typed 400 that is never cached'), async () => {
    const s = await start();
    const queries: Record<string, string>[] = [{}, { q: 'a' }, { q: '   x   ' }, { q: 'x'.repeat(201) }, { q: 'billing', productId: 'Not A Product' }];
    for (const query of queries) {
      const res = await suggest(s, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error?.code).toBe('bad_request');
      expect(res.cacheControl).toBe('no-store');
    }
  });

  it.skipIf(skip !== null)(title('answers 429 with Retry-After once the caller’s public_read budget is spent, for both endpoints'), async () => {
    const s = await start({ RATE_LIMIT_PUBLIC_READ: 'ip=3/10m' });
    expect((await suggest(s, { q: 'billing' })).status).toBe(200);
    expect((await suggest(s, { q: 'invoice' })).status).toBe(200);
    expect((await event(s, { sessionId: randomUUID(), kind: 'shown' })).status).toBe(200);
    const limited = await suggest(s, { q: 'refund' });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe('rate_limited');
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect(limited.cacheControl).toBe('no-store');
    const sessionId = randomUUID();
    expect((await event(s, { sessionId, kind: 'shown' })).body).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await storedEvents(s, sessionId)).toEqual([]);
  });

  it.skipIf(skip !== null)(title('stores one shown and one asked per session and at most ten opened'), async () => {
    const s = await start();
    const { sectionId } = await addProduct(s, 'Gadgets');
    const a = await addArticle(s, sectionId, { title: 'Reset the widget', body: 'Reset it.' });
    const sessionId = randomUUID();
    for (let i = 0; i < 3; i++) expect((await event(s, { sessionId, kind: 'shown', articleId: null })).body).toEqual({ ok: true, value: { recorded: true } });
    for (let i = 0; i < 12; i++) expect((await event(s, { sessionId, kind: 'opened', articleId: a.id })).status).toBe(200);
    await Promise.all([event(s, { sessionId, kind: 'asked' }), event(s, { sessionId, kind: 'asked' })]);
    expect(await storedEvents(s, sessionId)).toEqual(['shown', ...Array.from({ length: 10 }, () => `opened:${a.id}`), 'asked']);
    // Another session has bounds of its own.
    const other = randomUUID();
    await event(s, { sessionId: other, kind: 'shown' });
    expect(await storedEvents(s, other)).toEqual(['shown']);
  });

  it.skipIf(skip !== null)(title('refuses an opened event naming no published article, and malformed events, storing nothing'), async () => {
    const s = await start();
    const { sectionId } = await addProduct(s, 'Gadgets');
    const draft = await addArticle(s, sectionId, { title: 'Draft only', body: 'Hidden.', status: 'draft' });
    const shownArticle = await addArticle(s, sectionId, { title: 'Published one', body: 'Visible.' });
    const sessionId = randomUUID();
    for (const bad of [
      { sessionId, kind: 'opened', articleId: randomUUID() },
      { sessionId, kind: 'opened', articleId: draft.id },
      { sessionId, kind: 'opened' },
      { sessionId, kind: 'shown', articleId: shownArticle.id },
      { sessionId, kind: 'clicked' },
      { sessionId: 'not-a-uuid', kind: 'shown' },
      { sessionId, kind: 'opened', articleId: 'not-a-uuid' },
    ]) {
      const res = await event(s, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await storedEvents(s, sessionId)).toEqual([]);
    expect(await s.app.ctx.db.selectFrom('help_suggestion_events').select('id').execute()).toEqual([]);
  });

  it.skipIf(skip !== null)(title(`shows leads today’s sessions shown, opened and chats avoided through stats:get (${name})`), async () => {
    const s = await start();
    const { sectionId } = await addProduct(s, 'Gadgets');
    const a = await addArticle(s, sectionId, { title: 'Reset the widget', body: 'Reset it.' });
    const [avoided, askedAnyway, justLooked] = [randomUUID(), randomUUID(), randomUUID()];
    for (const sessionId of [avoided, askedAnyway, justLooked]) await event(s, { sessionId, kind: 'shown' });
    await event(s, { sessionId: avoided, kind: 'opened', articleId: a.id });
    await event(s, { sessionId: askedAnyway, kind: 'opened', articleId: a.id });
    await event(s, { sessionId: askedAnyway, kind: 'asked' });
    await event(s, { sessionId: justLooked, kind: 'asked' });

    const lead = await s.connectSpecialist({ role: 'lead' });
    const today = await callOk<DashboardStats>(lead.socket, 'stats:get', {});
    expect(today.helpSuggestions).toEqual({ sessionsShown: 3, sessionsOpened: 2, chatsAvoided: 1, openedRate: 2 / 3 });

    // The dashboard's day: tomorrow starts from nothing.
    await s.clock.advance(24 * H);
    const tomorrow = await callOk<DashboardStats>(lead.socket, 'stats:get', {});
    expect(tomorrow.helpSuggestions).toEqual({ sessionsShown: 0, sessionsOpened: 0, chatsAvoided: 0, openedRate: null });
  });
});
