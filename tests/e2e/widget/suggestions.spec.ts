// Answers before asking, in Chromium against the real server: typing a question in CONTACT US shows a matching help
// article with the words marked; opening it goes to the article; sending the chat afterwards logs `asked`; the lead's
// dashboard shows the day's numbers. Screenshots (desktop, phone, dashboard card) go to SUGGEST_SHOTS_DIR.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { indexArticle } from '../../../src-server/db/help-search-index';
import { startServer, type TestServer } from '../../support/start-server';
import { ADMIN, DEMO_PASSWORD, signInToNewConsole, type ConsoleHost } from '../console/console-stack';
import { expectAccessible } from '../support-axe';
import { chooseDepartment, WIDGET_DIR, watchCsp } from './support-page';

/** E2E_WIDGET_DIR: a private widget build, for runs beside others who rebuild dist/ (as E2E_RENDERER_DIR). */
const widgetDir = process.env.E2E_WIDGET_DIR ?? WIDGET_DIR;
const shotsDir = process.env.SUGGEST_SHOTS_DIR ?? 'test-artifacts/suggestions';

let server: TestServer;
const hosts: ConsoleHost[] = [];

test.beforeEach(async () => {
  await mkdir(shotsDir, { recursive: true });
  server = await startServer({ demoPassword: DEMO_PASSWORD, env: { WIDGET_DIR: widgetDir } });
});

test.afterEach(async ({ page }) => {
  await page.close();
  for (const h of hosts.splice(0)) await h.stop();
  await server.stop();
});

/** A published, indexed article in the seeded Technical tile's first section (written as publishing would). */
async function publishInTechnical(title: string, body: string): Promise<{ id: string; slug: string }> {
  const section = await server.app.ctx.db.selectFrom('help_sections').select('id').where('product_id', '=', 'technical').orderBy('position').executeTakeFirstOrThrow();
  const id = randomUUID();
  const slug = `recalibrate-the-quokkatron-${id.slice(0, 6)}`;
  const now = server.clock.now();
  await server.app.ctx.writes.run(async (trx) => {
    await trx
      .insertInto('help_articles')
      .values({ id, section_id: section.id, slug, status: 'published', latest_revision: 1, published_revision: 1, published_title: title, published_body: body, first_published_at: now, published_at: now, created_at: now, updated_at: now })
      .execute();
    await trx.insertInto('help_article_revisions').values({ article_id: id, revision: 1, title, body, saved_by: 'e2e', saved_at: now }).execute();
    await indexArticle(trx, { id, title, body });
  });
  return { id, slug };
}

/** Every stored event, oldest first, as `kind` or `kind:articleId`, per session. */
async function sessions(): Promise<Map<string, string[]>> {
  const rows = await server.app.ctx.db.selectFrom('help_suggestion_events').select(['session_id', 'kind', 'article_id']).orderBy('id').execute();
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.session_id, [...(by.get(r.session_id) ?? []), r.article_id ? `${r.kind}:${r.article_id}` : r.kind]);
  return by;
}

async function typeQuestion(page: Page, email: string, question: string): Promise<void> {
  await page.goto(`${server.url}/support`);
  await expect(page.getByRole('heading', { name: 'CONTACT US' })).toBeVisible();
  await page.getByLabel('Your Email').fill(email);
  await chooseDepartment(page, 'technical');
  // Typed key by key, as a customer does: the look-up waits for a pause.
  await page.getByLabel('Your Question').pressSequentially(question, { delay: 15 });
}

test('a question that matches an article suggests it with the words marked; opening it then chatting logs shown, opened, asked', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const cspRefusals = watchCsp(page);
  const article = await publishInTechnical('Recalibrate the quokkatron', 'Hold the quokkatron reset button for ten seconds, then recalibrate the sensors.');
  await server.connectSpecialist({ displayName: 'Dana Reyes', departmentIds: ['technical'] });
  const lookUps: string[] = [];
  page.on('request', (r) => new URL(r.url()).pathname === '/api/help/suggest' && lookUps.push(r.url()));

  await page.setViewportSize({ width: 1280, height: 860 });
  await typeQuestion(page, 'ana@example.com', 'How do I recalibrate the quokkatron?');
  const region = page.getByRole('region', { name: 'Suggested articles' });
  await expect(region.getByRole('heading', { name: 'Maybe this answers your question' })).toBeVisible();
  const link = region.getByRole('link', { name: /Recalibrate the quokkatron/ });
  await expect(link).toBeVisible();
  // The title's matched words are <mark> elements (the snippet marks its own too).
  await expect(link.locator('.sb-suggestion-title mark').filter({ hasText: /^quokkatron$/i })).toHaveCount(1);
  await expect(link.locator('.sb-suggestion-title mark').filter({ hasText: /^recalibrate$/i })).toHaveCount(1);
  await expect(link).toHaveAttribute('href', `${server.url}/help/articles/${article.slug}`);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(page.getByTestId('suggestions-status')).toHaveText(/^[1-3] suggested articles?$/);
  // Debounced: far fewer look-ups than keys typed, each with the chosen department's product.
  expect(lookUps.length).toBeGreaterThan(0);
  expect(lookUps.length).toBeLessThan(8);
  for (const u of lookUps) expect(new URL(u).searchParams.get('productId')).toBe('technical');
  await page.screenshot({ path: `${shotsDir}/contact-us-desktop-1280.png`, fullPage: true });
  await expectAccessible(page, 'contact-us-suggestions');

  // Reachable by keyboard: Tab from the question lands on the first suggestion.
  await page.getByLabel('Your Question').focus();
  await page.keyboard.press('Tab');
  await expect(region.getByRole('link').first()).toBeFocused();

  const popupOpened = page.waitForEvent('popup');
  await link.click();
  const popup = await popupOpened;
  expect(popup.url()).toBe(`${server.url}/help/articles/${article.slug}`);
  await popup.close();

  await expect.poll(async () => [...(await sessions()).values()]).toEqual([['shown', `opened:${article.id}`]]);
  await page.getByRole('button', { name: 'CHAT WITH US' }).click();
  await expect(page.getByRole('heading', { name: "LET'S CHAT" })).toBeVisible();
  await expect.poll(async () => [...(await sessions()).values()]).toEqual([['shown', `opened:${article.id}`, 'asked']]);
  expect(cspRefusals()).toEqual([]);

  // A phone-sized page load: a session of its own, suggestions under the field without overflow.
  const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
  try {
    await typeQuestion(phone, 'ben@example.com', 'Where is the quokkatron reset button?');
    const phoneRegion = phone.getByRole('region', { name: 'Suggested articles' });
    await expect(phoneRegion.getByRole('link').first()).toBeVisible();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await phone.screenshot({ path: `${shotsDir}/contact-us-phone-375.png`, fullPage: true });
    await phoneRegion.screenshot({ path: `${shotsDir}/suggestions-closeup.png` });
  } finally {
    await phone.close();
  }

  // One more visitor who opened an article and never asked: a chat avoided.
  const avoided = randomUUID();
  await server.http('POST', '/api/help/suggestion-events', { sessionId: avoided, kind: 'shown' });
  await server.http('POST', '/api/help/suggestion-events', { sessionId: avoided, kind: 'opened', articleId: article.id });
  await expect.poll(async () => (await sessions()).size).toBe(3);

  // The lead's dashboard card: 3 sessions shown, 2 opened, 1 chat avoided, 67 % opened.
  const lead = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await signInToNewConsole(lead, server.url, ADMIN, hosts);
    await lead.getByRole('button', { name: 'Dashboard' }).click();
    const card = lead.getByTestId('help-suggestions-card');
    await expect(card.getByRole('heading', { name: 'Help center suggestions' })).toBeVisible();
    await expect(card.getByTestId('suggest-shown')).toContainText('3');
    await expect(card.getByTestId('suggest-opened')).toContainText('2');
    await expect(card.getByTestId('suggest-avoided')).toContainText('1');
    await expect(card.getByTestId('suggest-rate')).toContainText('67%');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: `${shotsDir}/dashboard-card.png` });
    await lead.screenshot({ path: `${shotsDir}/dashboard.png` });
  } finally {
    await lead.close();
  }
});
