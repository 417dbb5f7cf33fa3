// Issue 16, following the help center, on SQLite and on PostgreSQL: signed-in portal customers follow sections and
// published articles under the portal's session and CSRF rules; publishing mails each follower once (or queues a
// digest item), with one-click List-Unsubscribe; the daily digest goes once a day; the mailed token unfollows.
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { followSettingsSchema, helpSectionsAnswerSchema, type FollowSettings } from '../../../../src-shared/protocol/help';
import { startServer, type TestServer } from '../../../support/start-server';
import { dialects, serverPerTest } from '../../../support/dialect-servers';
import { insertFollow, setDelivery } from '../../../../src-server/db/help-follows';
import { FOLLOW_MAIL_BATCH } from '../../../../src-server/help/follow-notices';
import { helpUnsubscribeToken } from '../../../../src-server/help/help-unsubscribe';
import { runDigestPass } from '../../../../src-server/help/help-digest-loop';
import { waitUntil } from '../../../support/wait-until';
import { portalFetch, signIn } from '../portal/portal-client';
import { addArticle, addSection, notifyFollowers } from './follow-fixtures';

const DAY = 24 * 3600_000;

async function mailRows(server: TestServer, kind: 'help_article' | 'help_digest') {
  const rows = await server.app.ctx.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'idempotency_key', 'subject', 'body', 'list_unsubscribe'])
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ to: r.to_address, key: r.idempotency_key, subject: r.subject, text: r.body, listUnsubscribe: r.list_unsubscribe }));
}

async function digestItems(server: TestServer, email: string) {
  return server.app.ctx.db.selectFrom('help_digest_items').select(['article_id', 'revision', 'change']).where('email', '=', email).orderBy('id').execute();
}

async function emlFiles(server: TestServer): Promise<ParsedMail[]> {
  const dir = join(server.dataDir, 'outbox');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(names.map(async (n) => simpleParser(await readFile(join(dir, n)))));
}

const header = (mail: ParsedMail, name: string): string => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? '';
  return line.slice(line.indexOf(':') + 1).replace(/\s+/g, ' ').trim();
};

const follow = (server: TestServer, email: string, kind: 'section' | 'article', id: string, now: number) => server.app.ctx.writes.run((trx) => insertFollow(trx, { email, kind, id, now }));

const oneClick = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

// The PostgreSQL run is skipped only where PostgreSQL is not installed here; the reason is in the title (dialect-servers.ts).
describe.each(dialects)('help center follows on $title', ({ dialect, skipped }) => {
  const servers = serverPerTest(dialect);
  let server: TestServer;
  beforeEach((t) => {
    if (skipped) return t.skip(`skipped: ${skipped}`);
    server = servers.get();
  });

  it('a signed-in customer follows, lists (newest first), unfollows and picks the delivery, under the portal rules', async () => {
    const s = await addSection(server, { productName: 'Lumina', sectionTitle: 'FAQs' });
    const a = await addArticle(server, s.sectionId, { title: 'Reset your password' });
    const draft = await addArticle(server, s.sectionId, { status: 'draft' });
    const path = (kind: string, id: string) => `/api/portal/help/follows/${kind}/${id}`;

    expect((await portalFetch(server, 'GET', '/api/portal/help/follows')).status).toBe(401);
    expect((await portalFetch(server, 'PUT', path('section', s.sectionId))).status).toBe(401);
    const cookie = await signIn(server, 'reader@example.com');
    const empty = await portalFetch<FollowSettings>(server, 'GET', '/api/portal/help/follows', { cookie });
    expect(empty.body).toEqual({ ok: true, value: { email: 'reader@example.com', delivery: 'each', follows: [] } });

    // Another site cannot make a signed-in customer follow anything.
    expect((await portalFetch(server, 'PUT', path('section', s.sectionId), { cookie, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await portalFetch<FollowSettings>(server, 'GET', '/api/portal/help/follows', { cookie })).body).toMatchObject({ value: { follows: [] } });

    const sectionFollowedAt = server.clock.now();
    const one = await portalFetch<FollowSettings>(server, 'PUT', path('section', s.sectionId), { cookie });
    expect(one.status).toBe(200);
    expect(followSettingsSchema.parse(one.body.ok ? one.body.value : null).follows).toEqual([
      { kind: 'section', id: s.sectionId, title: 'FAQs', productName: 'Lumina', url: `/help/${s.productId}/${s.sectionSlug}`, since: sectionFollowedAt },
    ]);
    // The first follow created the delivery setting, as `each`.
    const settings = await server.app.ctx.db.selectFrom('help_follow_settings').selectAll().where('email', '=', 'reader@example.com').execute();
    expect(settings.map((r) => ({ delivery: r.delivery, last: r.last_digest_at }))).toEqual([{ delivery: 'each', last: null }]);

    await server.clock.advance(1000);
    const two = await portalFetch<FollowSettings>(server, 'PUT', path('article', a.id), { cookie });
    expect(two.body.ok && two.body.value.follows.map((f) => [f.kind, f.title, f.url])).toEqual([
      ['article', 'Reset your password', `/help/articles/${a.slug}`],
      ['section', 'FAQs', `/help/${s.productId}/${s.sectionSlug}`],
    ]);
    // Following again keeps the first follow's date.
    await server.clock.advance(1000);
    const again = await portalFetch<FollowSettings>(server, 'PUT', path('section', s.sectionId), { cookie });
    expect(again.body.ok && again.body.value.follows.find((f) => f.kind === 'section')?.since).toBe(sectionFollowedAt);

    // What does not exist, or readers cannot see, cannot be followed; malformed paths are refused.
    const unknown = await portalFetch(server, 'PUT', path('section', randomUUID()), { cookie });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await portalFetch(server, 'PUT', path('article', draft.id), { cookie })).status).toBe(404);
    expect((await portalFetch(server, 'PUT', path('article', s.sectionId), { cookie })).status).toBe(404);
    expect((await portalFetch(server, 'PUT', path('product', s.sectionId), { cookie })).status).toBe(400);
    expect((await portalFetch(server, 'PUT', path('section', 'not-a-uuid'), { cookie })).status).toBe(400);
    expect((await portalFetch<FollowSettings>(server, 'GET', '/api/portal/help/follows', { cookie })).body).toMatchObject({ value: { follows: [{ kind: 'article' }, { kind: 'section' }] } });

    // Delivery: JSON from our own pages only; anything but each/daily is refused.
    expect((await portalFetch(server, 'PUT', '/api/portal/help/delivery', { cookie, body: { delivery: 'weekly' } })).status).toBe(400);
    const textPlain = await fetch(`${server.url}/api/portal/help/delivery`, {
      method: 'PUT',
      headers: { cookie, origin: new URL(server.config.publicUrl).origin, 'content-type': 'text/plain' },
      body: JSON.stringify({ delivery: 'daily' }),
    });
    expect(textPlain.status).toBe(403);
    const daily = await portalFetch<FollowSettings>(server, 'PUT', '/api/portal/help/delivery', { cookie, body: { delivery: 'daily' } });
    expect(daily.body).toMatchObject({ ok: true, value: { delivery: 'daily' } });

    expect((await portalFetch(server, 'DELETE', path('section', s.sectionId), { cookie, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    const off = await portalFetch<FollowSettings>(server, 'DELETE', path('section', s.sectionId), { cookie });
    expect(off.body.ok && off.body.value.follows.map((f) => f.kind)).toEqual(['article']);
    // Unfollowing what is not followed answers the state, not an error.
    expect((await portalFetch<FollowSettings>(server, 'DELETE', path('section', s.sectionId), { cookie })).status).toBe(200);
    const last = await portalFetch<FollowSettings>(server, 'GET', '/api/portal/help/follows', { cookie });
    expect(last.body).toMatchObject({ value: { delivery: 'daily', follows: [{ kind: 'article', id: a.id }] } });
  });

  it('publishing mails each follower once (section or article, never twice) with List-Unsubscribe; daily followers get a digest item; a retry queues nothing more', async () => {
    const s = await addSection(server, { productName: 'Lumina', sectionTitle: 'Release notes', kind: 'release_notes' });
    const other = await addSection(server);
    const a = await addArticle(server, s.sectionId, { title: 'Version 2.0' });
    const now = server.clock.now();
    await follow(server, 'a-section@example.com', 'section', s.sectionId, now);
    await follow(server, 'b-article@example.com', 'article', a.id, now);
    await follow(server, 'c-both@example.com', 'section', s.sectionId, now);
    await follow(server, 'c-both@example.com', 'article', a.id, now);
    await follow(server, 'd-daily@example.com', 'section', s.sectionId, now);
    await follow(server, 'e-elsewhere@example.com', 'section', other.sectionId, now);
    await server.app.ctx.writes.run((trx) => setDelivery(trx, 'd-daily@example.com', 'daily'));

    expect(await notifyFollowers(server, a, 1, 'new')).toBe(4);
    await notifyFollowers(server, a, 1, 'new');
    const mails = await mailRows(server, 'help_article');
    expect(mails.map((m) => m.key)).toEqual([`help:${a.id}:1:a-section@example.com`, `help:${a.id}:1:b-article@example.com`, `help:${a.id}:1:c-both@example.com`]);
    for (const m of mails) {
      expect(m.subject).toBe('New article: Version 2.0');
      expect(m.text).toContain(`A new article was published in Release notes (Lumina):`);
      expect(m.text).toContain(`${server.url}/help/articles/${a.slug}`);
      expect(m.text).toMatch(new RegExp(`${server.url}/help/unsubscribe\\?token=[A-Za-z0-9_.-]{60,}`));
      expect(m.listUnsubscribe).toMatch(new RegExp(`^${server.url}/api/help/unsubscribe\\?token=[A-Za-z0-9_.-]{60,}$`));
    }
    expect(mails[0]?.text).toContain('you follow the section Release notes of Lumina');
    expect(mails[1]?.text).toContain('you follow the article “Version 2.0”');
    // Following both, the mail names the section (and its link unfollows the section).
    expect(mails[2]?.text).toContain('you follow the section Release notes of Lumina');
    expect(await digestItems(server, 'd-daily@example.com')).toEqual([{ article_id: a.id, revision: 1, change: 'new' }]);

    await notifyFollowers(server, a, 2, 'updated', 'Version 2.0.1');
    const updated = (await mailRows(server, 'help_article')).slice(3);
    expect(updated.map((m) => m.subject)).toEqual(['Updated article: Version 2.0.1', 'Updated article: Version 2.0.1', 'Updated article: Version 2.0.1']);
    expect(updated[0]?.text).toContain('An article in Release notes (Lumina) was updated:');
    expect((await digestItems(server, 'd-daily@example.com')).map((i) => i.revision)).toEqual([1, 2]);

    await server.app.runMailNow();
    const sent = (await emlFiles(server)).filter((m) => m.subject === 'New article: Version 2.0');
    expect(sent).toHaveLength(3);
    const first = sent[0];
    if (!first) throw new Error('no mail sent');
    expect(header(first, 'List-Unsubscribe')).toMatch(new RegExp(`^<${server.url}/api/help/unsubscribe\\?token=[A-Za-z0-9_.-]{60,}>$`));
    expect(header(first, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('pages through more followers than one batch, each mailed once', async () => {
    const s = await addSection(server);
    const a = await addArticle(server, s.sectionId);
    const n = FOLLOW_MAIL_BATCH + 7;
    await server.app.ctx.writes.run(async (trx) => {
      const rows = Array.from({ length: n }, (_, i) => ({ email: `bulk-${String(i).padStart(4, '0')}@example.com`, target_kind: 'section', target_id: s.sectionId, created_at: i }));
      await trx.insertInto('help_follows').values(rows).execute();
      // Some of them also follow the article: still one mail each.
      await trx.insertInto('help_follows').values(rows.slice(0, 20).map((r) => ({ ...r, target_kind: 'article', target_id: a.id }))).execute();
    });
    expect(await notifyFollowers(server, a, 1, 'new')).toBe(n);
    const mails = await mailRows(server, 'help_article');
    expect(mails).toHaveLength(n);
    expect(new Set(mails.map((m) => m.to)).size).toBe(n);
  });

  it('the daily digest lists each article once, removes its items, stamps the day, and waits 24 h for the next', async () => {
    const s = await addSection(server, { productName: 'Lumina', sectionTitle: 'FAQs' });
    const x = await addArticle(server, s.sectionId, { title: 'Pairing a remote' });
    const y = await addArticle(server, s.sectionId, { title: 'Captions' });
    const who = 'digest@example.com';
    await follow(server, who, 'section', s.sectionId, server.clock.now());
    await server.app.ctx.writes.run((trx) => setDelivery(trx, who, 'daily'));
    await notifyFollowers(server, x, 1, 'new');
    await notifyFollowers(server, x, 2, 'updated', 'Pairing a remote (new models)');
    await notifyFollowers(server, y, 3, 'updated');
    expect(await mailRows(server, 'help_article')).toEqual([]);

    // A second node's pass at the same moment: the write queue and the re-check inside it make it queue nothing.
    const ctx = server.app.ctx;
    const secondNode = runDigestPass({ db: ctx.db, write: (job) => ctx.writes.run(job), clock: server.clock, log: ctx.log, publicUrl: () => ctx.config.publicUrl, secret: ctx.secret, wake: () => undefined });
    const [mine, theirs] = await Promise.all([server.app.runHelpDigestNow(), secondNode]);
    expect(mine + theirs).toBe(1);
    const day = new Date(server.clock.now()).toISOString().slice(0, 10);
    const [digest, ...more] = await mailRows(server, 'help_digest');
    expect(more).toEqual([]);
    expect(digest?.key).toBe(`help-digest:${who}:${day}`);
    expect(digest?.subject).toBe('Help center digest: 2 articles new or updated');
    // One line per article at its newest revision; first published today, so still "New".
    expect(digest?.text).toContain('New: Pairing a remote (new models) — FAQs (Lumina)');
    expect(digest?.text).not.toContain('New: Pairing a remote —');
    expect(digest?.text.split(`${server.url}/help/articles/${x.slug}`)).toHaveLength(2);
    expect(digest?.text).toContain(`Updated: ${y.title} — FAQs (Lumina)`);
    expect(digest?.text).toMatch(new RegExp(`${server.url}/help/unsubscribe\\?token=`));
    expect(digest?.listUnsubscribe).toMatch(/\/api\/help\/unsubscribe\?token=/);
    expect(await digestItems(server, who)).toEqual([]);
    const stamped = await ctx.db.selectFrom('help_follow_settings').select('last_digest_at').where('email', '=', who).executeTakeFirst();
    expect(Number(stamped?.last_digest_at)).toBe(server.clock.now());

    // More news within the day waits: the loop runs (every HELP_DIGEST_CHECK_MS) but sends nothing for 24 h.
    await notifyFollowers(server, y, 4, 'updated', 'Captions, revised');
    await server.clock.advance(DAY - 60_000);
    // Also waits for a pass the timer started (PostgreSQL answers slower than the fake clock's settling).
    expect(await server.app.runHelpDigestNow()).toBe(0);
    expect(await mailRows(server, 'help_digest')).toHaveLength(1);
    expect(await digestItems(server, who)).toHaveLength(1);
    // The loop itself, on the fake clock, sends the next once the day is over.
    await server.clock.advance(server.config.help.digestCheckMs + 60_000);
    await waitUntil(async () => (await mailRows(server, 'help_digest')).length === 2, 'the second digest');
    const digests = await mailRows(server, 'help_digest');
    expect(digests[1]?.subject).toBe('Help center digest: 1 article new or updated');
    expect(digests[1]?.text).toContain('Updated: Captions, revised');
    expect(await digestItems(server, who)).toEqual([]);
    // Nothing waiting: no empty digest.
    await server.clock.advance(2 * DAY);
    expect(await server.app.runHelpDigestNow()).toBe(0);
    expect(await mailRows(server, 'help_digest')).toHaveLength(2);
  });

  it('the mailed one-click link unfollows with a form POST and no session; a forged token changes nothing; a repeat still answers ok', async () => {
    const s = await addSection(server, { productName: 'Technical', sectionTitle: 'FAQs' });
    const a = await addArticle(server, s.sectionId, { title: 'Black screen' });
    const cookie = await signIn(server, 'clicker@example.com');
    await portalFetch(server, 'PUT', `/api/portal/help/follows/section/${s.sectionId}`, { cookie });
    await portalFetch(server, 'PUT', `/api/portal/help/follows/article/${a.id}`, { cookie });
    const b = await addArticle(server, s.sectionId, { title: 'No sound' });
    await notifyFollowers(server, b, 1, 'new');
    const url = (await mailRows(server, 'help_article'))[0]?.listUnsubscribe ?? '';
    const token = new URL(url).searchParams.get('token') ?? '';
    const follows = async () => {
      const r = await portalFetch<FollowSettings>(server, 'GET', '/api/portal/help/follows', { cookie });
      return r.body.ok ? r.body.value.follows.map((f) => f.kind) : [];
    };

    // Forged: a flipped signature, another secret's signature, a made-up payload, no token.
    const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const foreign = helpUnsubscribeToken('another-secret-entirely', 'clicker@example.com', { kind: 'all' });
    for (const bad of [flipped, foreign, `${'x'.repeat(40)}.${'y'.repeat(43)}`]) {
      const res = await oneClick(`${server.url}/api/help/unsubscribe?token=${bad}`);
      expect(res.status, bad).toBe(404);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect((await fetch(`${server.url}/api/help/unsubscribe`, { method: 'POST' })).status).toBe(400);
    expect(await follows()).toEqual(['article', 'section']);

    // As a mail provider sends it (RFC 8058): a form body, from another server (no Origin, no cookie).
    const done = await oneClick(url);
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ ok: true, value: { unsubscribed: true, what: 'the section FAQs of Technical' } });
    expect(await follows()).toEqual(['article']);
    const twice = await fetch(url, { method: 'POST' });
    expect(twice.status).toBe(200);

    // A digest's token ends every follow of the address, and what waited for its digest.
    await portalFetch(server, 'PUT', `/api/portal/help/follows/section/${s.sectionId}`, { cookie });
    await portalFetch(server, 'PUT', '/api/portal/help/delivery', { cookie, body: { delivery: 'daily' } });
    await notifyFollowers(server, await addArticle(server, s.sectionId), 1, 'new');
    expect(await digestItems(server, 'clicker@example.com')).toHaveLength(1);
    await server.app.runHelpDigestNow();
    const digestUrl = (await mailRows(server, 'help_digest'))[0]?.listUnsubscribe ?? '';
    await notifyFollowers(server, await addArticle(server, s.sectionId), 1, 'new');
    const all = await oneClick(digestUrl);
    expect(await all.json()).toEqual({ ok: true, value: { unsubscribed: true, what: 'everything you followed in the help center' } });
    expect(await follows()).toEqual([]);
    expect(await digestItems(server, 'clicker@example.com')).toEqual([]);
  });

  it('lists products and their sections to anyone (the Subscriptions screen picks release notes from it)', async () => {
    const s = await addSection(server, { productName: 'Lumina', sectionTitle: 'Release notes', kind: 'release_notes' });
    const res = await fetch(`${server.url}/api/help/sections`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; value: unknown };
    const value = helpSectionsAnswerSchema.parse(body.value);
    expect(value.products.find((p) => p.id === s.productId)?.name).toBe('Lumina');
    expect(value.sections.find((x) => x.id === s.sectionId)).toMatchObject({ productId: s.productId, kind: 'release_notes', title: 'Release notes' });
  });
});

describe('the help unsubscribe page', () => {
  it('is the SPA under the portal headers and never stored (its URL carries the token)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-help-widget-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>widget</title>');
    const server = await startServer({ env: { WIDGET_DIR: dir } });
    onTestFinished(() => server.stop());
    const res = await fetch(`${server.url}/help/unsubscribe?token=abc`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>widget</title>');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
