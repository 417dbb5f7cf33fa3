// The help center's reading pages over real HTTP on the real server (seeded tiles plus our own rows): what each page
// shows, what it never shows (drafts, taken-down articles, markup from authors or readers), 404s, caching with weak
// ETags, the page CSP, the search page's messages and budget, and GET /api/help/search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Incident } from '../../../../src-shared/incident';
import { helpSearchAnswerSchema } from '../../../../src-shared/protocol/help';
import { resultSchema } from '../../../../src-shared/result';
import { startServer, type TestServer } from '../../../support/start-server';
import { callOk } from '../../../support/socket-clients';
import { insertHelpArticle, insertHelpArticles, insertHelpProduct, insertHelpSection, type ArticleFixture, type SectionFixture } from '../../../support/help-fixtures';

let server: TestServer;
let section: SectionFixture;
let emptySection: SectionFixture;
let article: ArticleFixture;
const DAY = 24 * 3600_000;

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

beforeAll(async () => {
  server = await startServer();
  const now = server.clock.now();
  await server.app.ctx.writes.run(async (db) => {
    await insertHelpProduct(db, { id: 'orbit', name: 'Orbit <Suite>', description: 'Our "orbit" tools & more', position: 50 });
    section = await insertHelpSection(db, 'orbit', { slug: 'guides', title: 'Guides', description: 'How to use Orbit.', kind: 'documentation' });
    emptySection = await insertHelpSection(db, 'orbit', { slug: 'empty', title: 'Empty one', position: 2 });
    article = await insertHelpArticle(
      db,
      section.id,
      {
        slug: 'launch-checklist',
        title: 'Launch <script>alert(1)</script> checklist',
        body: '# Before launch\n\nCheck the **telemetry** feed. <img src=x onerror=alert(1)>\n\n[Evil](javascript:alert(1)) [Docs](https://docs.example.com)\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ',
        publishedAt: now - DAY,
      },
      now,
    );
    await insertHelpArticle(db, section.id, { slug: 'secret-draft', title: 'Secret draft', body: 'Draft telemetry words.', status: 'draft' }, now);
    await insertHelpArticle(db, section.id, { slug: 'taken-down', title: 'Taken down', body: 'Old telemetry words.', status: 'unpublished' }, now);
    // 24 more, a day apart: the section page pages them, newest first.
    await insertHelpArticles(
      db,
      section.id,
      Array.from({ length: 24 }, (_, i) => ({ slug: `orbit-tip-${String(i).padStart(2, '0')}`, title: `Orbit tip ${i}`, body: `Tip ${i} about gravitons.`, publishedAt: now - (i + 2) * DAY })),
      now,
    );
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('help center pages', () => {
  it('lists the product tiles on /help, with the page CSP and a cacheable answer', async () => {
    const res = await get('/help');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<a class="help-tile" href="/help/technical">');
    expect(res.text).toContain('<span class="help-tile-name">Orbit &lt;Suite&gt;</span>');
    expect(res.text).toContain('Our &quot;orbit&quot; tools &amp; more');
    expect(res.text.match(/<h1[ >]/g)).toHaveLength(1);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", 'frame-src https://www.youtube-nocookie.com https://player.vimeo.com', "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"]) {
      expect(csp).toContain(d);
    }
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('etag')).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
  });

  it('answers 304 to a matching If-None-Match, and the page again once it changed', async () => {
    const first = await get('/help/orbit/guides');
    const etag = first.headers.get('etag') ?? '';
    const again = await get('/help/orbit/guides', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await get('/help/orbit/guides', { 'if-none-match': `"other", ${etag.replace(/^W\//, '')}` })).status).toBe(304);
    await server.app.ctx.writes.run((db) => insertHelpArticle(db, section.id, { title: 'Brand new tip', body: 'New.' }, server.clock.now()));
    const changed = await get('/help/orbit/guides', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.text).toContain('Brand new tip');
  });

  it('shows a product with its sections and newest articles, and system availability only on the status tile', async () => {
    const orbit = await get('/help/orbit');
    expect(orbit.text).toContain('<h1>Orbit &lt;Suite&gt;</h1>');
    expect(orbit.text).toContain('<a href="/help/orbit/guides">Guides</a>');
    expect(orbit.text.match(/<li><a href="\/help\/articles\//g)).toHaveLength(5);
    expect(orbit.text).toMatch(/See all 2\d articles/);
    expect(orbit.text).toContain('No articles yet.');
    expect(orbit.text).not.toContain('System availability');

    const lead = await server.connectSpecialist({ role: 'lead', departmentIds: [] });
    await callOk<Incident>(lead.socket, 'incident:create', { clientId: randomUUID(), title: 'Logins <slow>', category: 'platform_access' });
    const technical = await get('/help/technical');
    expect(technical.text).toContain('System availability');
    expect(technical.text).toContain('Some systems are degraded');
    expect(technical.text).toContain('<strong>Logins &lt;slow&gt;</strong>');
    expect(technical.text).toContain('<a href="/status">');
  });

  it('lists a section newest first, pages it, and never lists drafts or taken-down articles', async () => {
    const first = await get('/help/orbit/guides');
    const slugs = [...first.text.matchAll(/href="\/help\/articles\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(slugs).toHaveLength(20);
    expect(slugs.indexOf('launch-checklist')).toBeLessThan(slugs.indexOf('orbit-tip-00'));
    expect(slugs.indexOf('orbit-tip-00')).toBeLessThan(slugs.indexOf('orbit-tip-01'));
    expect(first.text).toContain('data-follow-kind="section"');
    expect(first.text).toContain(`data-follow-id="${section.id}"`);
    expect(first.text).toContain('<a rel="next" href="/help/orbit/guides?page=2">');
    const second = await get('/help/orbit/guides?page=2');
    expect(second.text).toContain('orbit-tip-23');
    expect(second.text).toContain('<a rel="prev" href="/help/orbit/guides">');
    for (const page of [first.text, second.text]) {
      expect(page).not.toContain('secret-draft');
      expect(page).not.toContain('taken-down');
    }
    expect((await get(`/help/orbit/${emptySection.slug}`)).text).toContain('No articles here yet.');
    expect((await get('/help/orbit/guides?page=zero')).status).toBe(400);
  });

  it('renders an article safely, with breadcrumbs, its date and a Follow button', async () => {
    const res = await get('/help/articles/launch-checklist');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>Launch &lt;script&gt;alert(1)&lt;/script&gt; checklist · Help Center</title>');
    expect(res.text).not.toMatch(/<script>alert/);
    expect(res.text).not.toMatch(/<img src=x/);
    expect(res.text).not.toContain('href="javascript:');
    expect(res.text).toContain('<h2>Before launch</h2>');
    expect(res.text).toContain('<strong>telemetry</strong>');
    expect(res.text).toContain('<a href="https://docs.example.com" rel="noopener noreferrer nofollow" target="_blank">Docs</a>');
    expect(res.text).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(res.text).toContain('<li><a href="/help/orbit">Orbit &lt;Suite&gt;</a></li><li><a href="/help/orbit/guides">Guides</a></li>');
    expect(res.text).toMatch(/Updated <time datetime="\d{4}-\d{2}-\d{2}">/);
    expect(res.text).toContain(`data-follow-kind="article" data-follow-id="${article.id}"`);
    expect(res.text.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('answers 404 pages for unknown products, sections and articles, drafts and taken-down ones', async () => {
    for (const path of ['/help/nowhere', '/help/orbit/nowhere', '/help/articles/nowhere', '/help/articles/secret-draft', '/help/articles/taken-down', '/help/Bad_Id', '/help/articles/UPPER']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).toContain('We could not find that page');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('serves help.js and help.css for an hour, as files of their types', async () => {
    const js = await get('/help/assets/help.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(js.text).toContain('/api/portal/help/follows');
    const css = await get('/help/assets/help.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/help/assets/other.js')).status).toBe(404);
    // Pages link them by versioned URLs.
    expect((await get('/help')).text).toMatch(/<script src="\/help\/assets\/help\.js\?v=[A-Za-z0-9_-]+" defer><\/script>/);
  });
});

describe('the search page', () => {
  it('shows hits with the words marked, escaped, linking to the article', async () => {
    const res = await get('/help/search?q=telemetry');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Results for “telemetry”</h1>');
    expect(res.text).toContain('<a href="/help/articles/launch-checklist">Launch &lt;script&gt;alert(1)&lt;/script&gt; checklist</a>');
    expect(res.text).toContain('<mark>telemetry</mark>');
    expect(res.text).toContain('Orbit &lt;Suite&gt; › Guides');
    expect(res.text).not.toContain('secret-draft');
    expect(res.text).toContain('value="telemetry"');
  });

  it('escapes the query wherever it shows', async () => {
    const res = await get(`/help/search?q=${encodeURIComponent('"><script>x</script>')}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>x');
    expect(res.text).toContain('&quot;&gt;&lt;script&gt;x&lt;/script&gt;');
  });

  it('says what to do for an empty, a one-letter or an overlong query', async () => {
    expect((await get('/help/search')).text).toContain('Type a word or two');
    expect((await get('/help/search?q=%20')).text).toContain('Type a word or two');
    expect((await get('/help/search?q=a')).text).toContain('Type at least 2 characters');
    expect((await get(`/help/search?q=${'x'.repeat(201)}`)).text).toContain('at most 200 characters');
    expect((await get('/help/search?q=zzzqqq')).text).toContain('No articles match “zzzqqq”');
  });

  it('pages the results', async () => {
    const first = await get('/help/search?q=gravitons');
    expect(first.text.match(/<article /g)).toHaveLength(10);
    expect(first.text).toContain('<a rel="next" href="/help/search?q=gravitons&amp;page=2">');
    const third = await get('/help/search?q=gravitons&page=3');
    expect(third.text.match(/<article /g)).toHaveLength(4);
    expect(third.text).not.toContain('rel="next"');
  });
});

describe('GET /api/help/search', () => {
  it('answers hits as the schema says, cacheable for 30 s', async () => {
    const res = await fetch(`${server.url}/api/help/search?q=gravit&limit=5`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=30');
    const body = resultSchema(helpSearchAnswerSchema).parse(await res.json());
    if (!body.ok) throw new Error(body.error.message);
    expect(body.value.hits).toHaveLength(5);
    expect(body.value.more).toBe(true);
    expect(body.value.hits[0]?.snippet.some((p) => p.match && /graviton/i.test(p.text))).toBe(true);
  });

  it('refuses a bad query with 400 and no-store', async () => {
    for (const q of ['q=a', 'q=ok&limit=0', 'q=ok&limit=51', 'q=ok&offset=-1', '']) {
      const res = await fetch(`${server.url}/api/help/search?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('cache-control'), q).toBe('no-store');
    }
  });
});

describe('the public_read budget', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startServer({ env: { RATE_LIMIT_PUBLIC_READ: 'ip=3/10m' } });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  it('answers a 429 page, then a 429 Result, with Retry-After, once spent', async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${limited.url}/help/search?q=chat`)).status).toBe(200);
    const page = await fetch(`${limited.url}/help/search?q=chat`);
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await page.text()).toContain('Too many requests');
    const api = await fetch(`${limited.url}/api/help/search?q=chat`);
    expect(api.status).toBe(429);
    expect(api.headers.get('cache-control')).toBe('no-store');
    // Reading pages other than search spends nothing.
    expect((await fetch(`${limited.url}/help`)).status).toBe(200);
  });
});
