// Issue 16, following the help center: a customer signs in on Subscriptions, follows Technical's release notes there
// and its FAQs from a follow link (as a help page would offer); a lead publishes an FAQ (help:article:publish); the help_article mail arrives with
// one-click List-Unsubscribe, its link opens a page that asks first, and confirming unfollows the FAQs (Subscriptions no
// longer lists them). Also: the delivery choice, and an incident update on /status.
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { test, expect, type Page } from '@playwright/test';
import type { HelpArticleDetail } from '../../../src-shared/help-center';
import type { Incident } from '../../../src-shared/incident';
import { helpSectionsAnswerSchema } from '../../../src-shared/protocol/help';
import type { TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';
import { expectAccessible } from '../support-axe';
import { SHOTS_DIR, shot, startWidgetServer } from './support-page';

test.use({ viewport: { width: 1100, height: 900 }, timezoneId: 'Europe/Berlin' });

/** Where the lead engineer reads this part's screenshots (copied from the usual artifacts folder). */
const REVIEW_DIR = '/tmp/follow-shots';

let server: TestServer;
test.beforeAll(async () => {
  server = await startWidgetServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function review(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  await shot(page, name, opts);
  await mkdir(REVIEW_DIR, { recursive: true });
  await copyFile(join(SHOTS_DIR, `${name}.png`), join(REVIEW_DIR, `${name}.png`));
}

const seen = new Set<string>();

/** The next not yet read mail in DATA_DIR/outbox to `to` whose subject or text matches `pattern`. */
async function nextMail(to: string, pattern: RegExp): Promise<ParsedMail> {
  const dir = join(server.dataDir, 'outbox');
  let found: ParsedMail | null = null;
  await expect
    .poll(
      async () => {
        for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml') && !seen.has(n)).sort()) {
          const mail = await simpleParser(await readFile(join(dir, name)));
          const addressed = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).some((a) => a.text.includes(to));
          if (!addressed || !(pattern.test(mail.subject ?? '') || pattern.test(mail.text ?? ''))) continue;
          seen.add(name);
          found = mail;
          return true;
        }
        return false;
      },
      { message: `a mail to ${to} matching ${String(pattern)}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

const headerOf = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? '';
  return line.slice(line.indexOf(':') + 1).replace(/\s+/g, ' ').trim();
};

test('a customer follows Technical FAQs, is mailed a published article and unfollows from the mail', async ({ page }) => {
  test.setTimeout(120_000);
  const customer = 'robin@example.com';
  const sections = helpSectionsAnswerSchema.parse(((await (await fetch(`${server.url}/api/help/sections`)).json()) as { value: unknown }).value);
  const faqs = sections.sections.find((s) => s.productId === 'technical' && s.kind === 'faq');
  if (!faqs) throw new Error('the seeded Technical product has no FAQs section');

  await test.step('signed out, Subscriptions asks for the portal sign-in and comes back', async () => {
    await page.goto(`${server.url}/portal/subscriptions`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to manage your subscriptions' })).toBeVisible();
    await page.getByLabel('Your email').fill(customer);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    const mail = await nextMail(customer, /\/portal\/sign-in\?token=/);
    await page.goto(/https?:\/\/\S+\/portal\/sign-in\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0] ?? '');
    await expect(page).toHaveURL(`${server.url}/portal/subscriptions`);
    await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Support portal' }).getByRole('link', { name: 'Subscriptions' })).toHaveAttribute('aria-current', 'page');
  });

  await test.step("follows Technical release notes on the screen, and its FAQs from a help page's follow link", async () => {
    await expect(page.getByTestId('follows-empty')).toBeVisible();
    await page.getByRole('button', { name: 'Follow the release notes of Technical' }).click();
    await expect(page.getByRole('button', { name: 'Unfollow the release notes of Technical' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'You now follow the release notes of Technical.' })).toBeAttached();
    // What a help page's "Follow" links to: the screen asks, nothing is followed by opening it.
    await page.goto(`${server.url}/portal/subscriptions?kind=section&id=${faqs.id}`);
    const offer = page.getByTestId('follow-offer');
    await expect(offer.getByRole('heading', { name: 'Follow the section FAQs of Technical?' })).toBeVisible();
    await expect(page.getByTestId('follow')).toHaveCount(1);
    await review(page, 'subscriptions-00-follow-offer');
    await offer.getByRole('button', { name: 'Follow' }).click();
    await expect(offer).toHaveCount(0);
    const follows = page.getByTestId('follow');
    await expect(follows).toHaveCount(2);
    await expect(follows.first()).toContainText('FAQs');
    await expect(follows.first()).toContainText('Section · Technical');
    await expect(page.getByRole('radio', { name: /An email for each article/ })).toBeChecked();
    await review(page, 'subscriptions-01-following', { fullPage: true });
    await expectAccessible(page, 'help-subscriptions');
  });

  const lead = await server.connectSpecialist({ role: 'lead' });
  const slug = `no-picture-${randomUUID().slice(0, 6)}`;
  await test.step('a lead publishes an FAQ in the followed section', async () => {
    const created = await callOk<HelpArticleDetail>(lead.socket, 'help:article:create', {
      clientId: randomUUID(),
      sectionId: faqs.id,
      slug,
      draft: { title: 'No picture after the update', body: 'Restart the app, then sign in again.' },
    });
    await callOk(lead.socket, 'help:article:publish', { clientId: randomUUID(), articleId: created.summary.id });
  });

  const mail = await test.step('the follower is mailed the article with one-click unsubscribe headers', async () => {
    const m = await nextMail(customer, /^New article: No picture after the update$/);
    expect(m.text).toContain(`${server.url}/help/articles/${slug}`);
    expect(m.text).toContain('you follow the section FAQs of Technical');
    expect(headerOf(m, 'List-Unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/help\/unsubscribe\?token=[A-Za-z0-9_.-]+>$/);
    expect(headerOf(m, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    return m;
  });

  await test.step("the mail's link asks first; confirming unfollows the section", async () => {
    const link = /https?:\/\/\S+\/help\/unsubscribe\?token=[A-Za-z0-9_.-]+/.exec(mail.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Unfollow this section?' })).toBeVisible();
    // Opening the page changed nothing.
    const before = await page.request.get(`${server.url}/api/portal/help/follows`);
    expect(((await before.json()) as { value: { follows: unknown[] } }).value.follows).toHaveLength(2);
    await review(page, 'subscriptions-02-unsubscribe-ask');
    await expectAccessible(page, 'help-unsubscribe');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'You are unsubscribed' })).toBeFocused();
    await expect(page.getByTestId('help-unsubscribed')).toContainText('We will send no more emails about the section FAQs of Technical.');
    await review(page, 'subscriptions-03-unsubscribed');
  });

  await test.step('Subscriptions no longer lists the FAQs; the delivery choice is kept', async () => {
    await page.getByRole('link', { name: 'Manage your subscriptions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeFocused();
    const follows = page.getByTestId('follow');
    await expect(follows).toHaveCount(1);
    await expect(follows.first()).toContainText('Release notes');
    await page.getByRole('radio', { name: /One daily digest/ }).check();
    await expect(page.getByRole('status').filter({ hasText: 'Article news now comes as one daily digest.' })).toBeAttached();
    await page.reload();
    await expect(page.getByRole('radio', { name: /One daily digest/ })).toBeChecked();
    await page.getByRole('button', { name: 'Unfollow Release notes' }).click();
    await expect(page.getByTestId('follows-empty')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Follow the release notes of Technical' })).toBeVisible();
  });

  await test.step('an update posted on an open incident shows on /status', async () => {
    const incident = await callOk<Incident>(lead.socket, 'incident:create', { clientId: randomUUID(), title: 'Live streams buffering', category: 'streaming' });
    await callOk(lead.socket, 'incident:update', { clientId: randomUUID(), incidentId: incident.id, note: 'We found the cause: a faulty cache node.' });
    await callOk(lead.socket, 'incident:update', { clientId: randomUUID(), incidentId: incident.id, note: 'A replacement node is taking traffic; streams are recovering.' });
    await page.goto(`${server.url}/status`);
    const updates = page.getByTestId('incident-updates');
    await expect(updates.getByRole('listitem')).toHaveCount(2);
    // Newest first.
    await expect(updates.getByRole('listitem').first()).toContainText('streams are recovering');
    await expect(updates.getByRole('listitem').last()).toContainText('a faulty cache node');
    await review(page, 'subscriptions-04-status-updates', { fullPage: true });
    await expectAccessible(page, 'status-updates');
  });

  await test.step('the header keeps its five links on one row, on a laptop and on a phone', async () => {
    const nav = page.getByRole('navigation', { name: 'Support portal' });
    for (const width of [1280, 1024, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}/portal/subscriptions`);
      await expect(page.getByTestId('follows-empty')).toBeVisible();
      const tops = await nav.getByRole('link').evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top)));
      expect(new Set(tops).size, `links on one row at ${width} px`).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await review(page, `subscriptions-05-width-${width}`);
    }
  });
});
