// Issue 16, the readers' help center in Chromium: a customer opens /help, sees the product tiles, opens the Technical
// tile (system availability shows), a section, searches for a word of a starter article and sees it highlighted,
// opens the article; signs in through the portal from a section's "Sign in to follow" and, back on the section,
// follows it (Following survives a reload). Axe on /help, an article and search; screenshots at 1280 and 375 px wide into /tmp/help-shots/.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { test, expect, type Page } from '@playwright/test';
import type { TestServer } from '../../support/start-server';
import { insertHelpArticle, insertHelpProduct, insertHelpSection } from '../../support/help-fixtures';
import { expectAccessible } from '../support-axe';
import { startWidgetServer } from './support-page';

const SHOTS = '/tmp/help-shots';
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

test.use({ viewport: WIDE });

let server: TestServer;
test.beforeAll(async () => {
  server = await startWidgetServer();
  await mkdir(SHOTS, { recursive: true });
  // Another part seeds starter articles at first start; where it has not (yet), ours stand in for them.
  const seeded = await server.app.ctx.db.selectFrom('help_articles').select('slug').where('slug', '=', 'chat-with-support').executeTakeFirst();
  if (!seeded) {
    await server.app.ctx.writes.run(async (db) => {
      const product = await insertHelpProduct(db, { id: 'technical', name: 'Technical', description: 'Platform access and streaming', showsStatus: true });
      const faqs = await insertHelpSection(db, product.id, { slug: 'faqs', title: 'FAQs' });
      await insertHelpArticle(db, faqs.id, { slug: 'chat-with-support', title: 'How do I chat with support?', body: 'Every chat becomes a ticket. After the chat you receive an email with a recap of the conversation.' });
    });
  }
});
test.afterAll(async () => {
  await server?.stop();
});

/** Full-page screenshots at both widths; the page is reloaded at each so its layout is the width's own. */
async function shots(page: Page, name: string): Promise<void> {
  for (const [label, size] of [['1280', WIDE], ['375', PHONE]] as const) {
    await page.setViewportSize(size);
    await page.reload();
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true, animations: 'disabled' });
    // Nothing may be wider than a phone.
    if (label === '375') expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits 375 px`).toBeLessThanOrEqual(375);
  }
  await page.setViewportSize(WIDE);
}

/** The sign-in link in the newest mail to `to` in DATA_DIR/outbox. */
async function signInLink(to: string): Promise<string> {
  const dir = join(server.dataDir, 'outbox');
  let link: string | null = null;
  await expect
    .poll(
      async () => {
        for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort()) {
          const mail = await simpleParser(await readFile(join(dir, name)));
          const addressed = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).some((a) => a.text.includes(to));
          const found = /https?:\/\/\S+\/portal\/sign-in\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '');
          if (addressed && found) link = found[0];
        }
        return link;
      },
      { message: `a sign-in mail to ${to}`, timeout: 15_000 },
    )
    .not.toBeNull();
  return link!;
}

test('a customer browses the help center, searches, reads an article and follows a section', async ({ page }) => {
  test.setTimeout(120_000);
  const customer = 'morgan@example.com';

  await test.step('/help shows the product tiles and a search box', async () => {
    await page.goto(`${server.url}/help`);
    await expect(page.getByRole('heading', { level: 1, name: 'How can we help?' })).toBeVisible();
    const tiles = page.locator('.help-tile');
    expect(await tiles.count()).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('link', { name: /Technical/ })).toBeVisible();
    await expect(page.getByRole('search').getByLabel('Search the help center')).toBeVisible();
    await expectAccessible(page, 'help-home');
    await shots(page, 'help-home');
  });

  await test.step('the Technical tile shows system availability and its sections', async () => {
    await page.getByRole('link', { name: /Technical/ }).first().click();
    await expect(page).toHaveURL(`${server.url}/help/technical`);
    await expect(page.getByRole('heading', { level: 1, name: 'Technical' })).toBeVisible();
    const status = page.getByTestId('help-status');
    await expect(status.getByRole('heading', { name: 'System availability' })).toBeVisible();
    await expect(status).toContainText('All systems operational');
    await expect(status.getByRole('link', { name: /status page/ })).toHaveAttribute('href', '/status');
    await expectAccessible(page, 'help-product');
    await shots(page, 'help-product');
  });

  await test.step('a section lists its articles', async () => {
    await page.getByRole('link', { name: 'FAQs', exact: true }).click();
    await expect(page).toHaveURL(`${server.url}/help/technical/faqs`);
    await expect(page.getByRole('heading', { level: 1, name: 'FAQs' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Technical');
    await expect(page.getByRole('list', { name: 'Articles, newest first' }).getByRole('listitem').first()).toBeVisible();
  });

  await test.step('searching for a word of a starter article highlights it', async () => {
    const box = page.getByRole('search').getByLabel('Search the help center');
    await box.fill('recap');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/help\/search\?q=recap$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Results for “recap”' })).toBeVisible();
    const hit = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').filter({ hasText: 'How do I chat with support?' });
    await expect(hit.locator('.help-snippet mark').first()).toHaveText(/^recap$/i);
    await expectAccessible(page, 'help-search');
    await shots(page, 'help-search');
    await hit.getByRole('link', { name: 'How do I chat with support?' }).click();
  });

  await test.step('the article reads with breadcrumbs and its updated date', async () => {
    await expect(page).toHaveURL(`${server.url}/help/articles/chat-with-support`);
    await expect(page.getByRole('heading', { level: 1, name: 'How do I chat with support?' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Help Center' })).toBeVisible();
    await expect(page.locator('.help-meta time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    // Signed out, the Follow button offers to sign in instead, on the portal screen that offers this follow.
    await expect(page.getByRole('link', { name: 'Sign in to follow' })).toHaveAttribute('href', /^\/portal\/subscriptions\?kind=article&id=[0-9a-f-]{36}$/);
    await expectAccessible(page, 'help-article');
    await shots(page, 'help-article');
  });

  await test.step('signed in through the portal, the customer follows a section', async () => {
    await page.goto(`${server.url}/help/technical/faqs`);
    await page.getByRole('link', { name: 'Sign in to follow' }).click();
    const form = page.getByTestId('sign-in');
    await form.getByLabel('Your email').fill(customer);
    await form.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByTestId('sign-in-sent')).toContainText(`We sent a sign-in link to ${customer}`);
    await page.goto(await signInLink(customer));
    await expect(page.getByTestId('portal-account')).toContainText(customer);
    // The portal comes back to its Subscriptions screen, which offers the follow; opening it followed nothing yet.
    await expect(page).toHaveURL(/\/portal\/subscriptions\?kind=section&id=/);
    await expect(page.getByTestId('follow-offer')).toBeVisible();

    await page.goto(`${server.url}/help/technical/faqs`);
    const follow = page.getByRole('button', { name: 'Follow', exact: true });
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await follow.click();
    const following = page.getByRole('button', { name: 'Following' });
    await expect(following).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.help-follow-note')).toContainText(`We will email ${customer}`);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');
    await shots(page, 'help-section-following');
  });
});
