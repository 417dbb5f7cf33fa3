// Issue 15: the customer portal end to end. A customer signs in with the link from the mail the server wrote, sees an
// older ticket in My activities, submits a request with a file, opens it and copies someone in; a specialist's console
// shows the new ticket live and the CC. Also: a used link, sign-out, returning to Submit a request, and Contacts.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { test, expect, type Page } from '@playwright/test';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { TestServer } from '../../support/start-server';
import { getTicket } from '../../../src-server/db/tickets';
import { expectAccessible } from '../support-axe';
import { DANA, signInToNewConsole, startSupportServer, type ConsoleHost } from '../console/console-stack';
import { WIDGET_DIR, closeTicket, shot, tinyPng } from './support-page';

// Tokyo: New York's coverage hours then cross the reader's midnight, which Contacts must say plainly.
test.use({ viewport: { width: 1280, height: 860 }, timezoneId: 'Asia/Tokyo' });

let server: TestServer;
const hosts: ConsoleHost[] = [];

test.beforeAll(async () => {
  server = await startSupportServer([], { env: { WIDGET_DIR } });
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  await server?.stop();
});

/** Mail files already read, so each sign-in takes the newest link, not an older one to the same address. */
const seenMail = new Set<string>();

/** The sign-in link of the next mail to `to` in DATA_DIR/outbox (quoted-printable can wrap it: simpleParser unwraps). */
async function signInLinkFor(to: string): Promise<string> {
  const dir = join(server.dataDir, 'outbox');
  let link: string | null = null;
  await expect
    .poll(
      async () => {
        const names = await readdir(dir).catch(() => [] as string[]);
        for (const name of names.filter((n) => n.endsWith('.eml') && !seenMail.has(n)).sort()) {
          const mail = await simpleParser(await readFile(join(dir, name)));
          const addressed = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).some((a) => a.text.includes(to));
          const found = /https?:\/\/\S+\/portal\/sign-in\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '');
          if (!addressed || !found) continue;
          seenMail.add(name);
          link = found[0];
        }
        return link;
      },
      { message: `a sign-in mail to ${to}`, timeout: 15_000 },
    )
    .not.toBeNull();
  return link!;
}

async function emailUs(email: string, question: string): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email, departmentId: 'technical', question });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

/** The browser's clock on the server's fake one, so "link works until …" and coverage hours read as on that day. */
async function openPortal(page: Page, path: string): Promise<void> {
  await page.clock.setFixedTime(server.clock.now());
  await page.goto(`${server.url}${path}`);
}

/** Asks for a link on the sign-in form and follows it from the mail; returns the link (used up now). */
async function signIn(page: Page, email: string, shots?: string): Promise<string> {
  const form = page.getByTestId('sign-in');
  await form.getByLabel('Your email').fill(email);
  if (shots) await shot(page, `${shots}-sign-in`);
  await form.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const sent = page.getByTestId('sign-in-sent');
  await expect(sent.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await expect(sent).toContainText(`We sent a sign-in link to ${email}`);
  await expect(sent).toContainText(new RegExp(`until .*\\(in ${server.config.portal.linkTtlMs / 60_000} minutes\\)`));
  if (shots) {
    await shot(page, `${shots}-check-email`);
    await expectAccessible(page, `${shots}-check-email`);
  }
  const link = await signInLinkFor(email);
  expect(new URL(link).origin).toBe(server.url);
  await page.goto(link);
  await expect(page.getByTestId('portal-account')).toContainText(email);
  return link;
}

const consoleRow = (page: Page, id: number) => page.getByTestId('ticket-row').filter({ hasText: new RegExp(`#${id}(?!\\d)`) });

test('a customer signs in by mail, submits a request with a file and copies someone in; the console sees both live', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const customer = 'riley@example.com';
  const older = await emailUs(customer, 'The media plan export times out after ten minutes');

  await test.step('signed out, My activities asks for the email address', async () => {
    await openPortal(page, '/portal');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to My activities' })).toBeVisible();
    await expectAccessible(page, 'portal-sign-in');
  });

  const link = await test.step('the link from the mail signs in and lands on My activities', () => signIn(page, customer, 'portal-01'));
  expect(link).toContain('/portal/sign-in?token=');

  await test.step('My activities lists the older ticket with its status and meaning', async () => {
    await expect(page).toHaveURL(`${server.url}/portal`);
    const row = page.getByTestId('portal-ticket').filter({ hasText: `#${older}` });
    await expect(row).toContainText('The media plan export times out');
    await expect(row).toContainText('Technical');
    await expect(row).toContainText('Email');
    await expect(row.getByTestId('ticket-status-label')).toHaveText('Open');
    await expect(row).toContainText('The ticket is open and either with our support staff');
    await page.getByLabel('Show').selectOption('solved');
    await expect(page.getByTestId('activities-empty')).toContainText('No requests: Solved');
    await expect(page.getByTestId('activities-empty').getByRole('link', { name: 'Submit a request' })).toBeVisible();
    await page.getByLabel('Show').selectOption('all');
    await expect(row).toBeVisible();
    await shot(page, 'portal-02-my-activities', { fullPage: true });
    await expectAccessible(page, 'portal-my-activities');
  });

  const consolePage = await browser.newPage({ viewport: { width: 1366, height: 850 } });
  await test.step('a specialist watches the ticket list', async () => {
    await signInToNewConsole(consolePage, server.url, DANA, hosts);
    await consolePage.getByRole('button', { name: 'Tickets' }).click();
    await expect(consoleRow(consolePage, older)).toBeVisible();
  });

  const created = await test.step('Submit a request with a file', async () => {
    await page.getByRole('navigation', { name: 'Support portal' }).getByRole('link', { name: 'Submit a request' }).click();
    await expect(page).toHaveURL(`${server.url}/portal/new`);
    await expect(page.getByRole('heading', { level: 1, name: 'Submit a request' })).toBeFocused();
    const form = page.getByTestId('request-form');
    await form.getByRole('combobox', { name: 'Department' }).click();
    await form.locator('[role="option"][data-value="technical"]').click();
    await form.getByLabel('Subject').fill('Badge scanner app crashes on login');
    await form.getByLabel('Description').fill('Since this morning the scanner app closes right after the login screen. Screenshot attached.');
    await form.locator('input[type="file"]').setInputFiles({ name: 'crash.png', mimeType: 'image/png', buffer: tinyPng });
    await expect(form.getByTestId('comment-file')).toContainText('ready to send');
    await shot(page, 'portal-03-submit-request', { fullPage: true });
    await expectAccessible(page, 'portal-submit-request');
    await form.getByRole('button', { name: 'Submit request' }).click();
    const receipt = page.getByTestId('request-receipt');
    await expect(receipt.getByRole('heading', { name: 'We received your request' })).toBeFocused();
    await expect(page.getByTestId('expected-reply')).not.toBeEmpty();
    const id = Number(/#(\d+)/.exec((await receipt.locator('strong').first().textContent()) ?? '')?.[1]);
    expect(id).toBeGreaterThan(older);
    await shot(page, 'portal-04-request-received');
    await expectAccessible(page, 'portal-request-received');
    return id;
  });

  await test.step('the new ticket appears in the console list without a reload', async () => {
    await expect(consoleRow(consolePage, created)).toBeVisible({ timeout: 15_000 });
    await expect(consoleRow(consolePage, created)).toContainText('Badge scanner app crashes on login');
  });

  await test.step('the customer opens it and copies a colleague in', async () => {
    await page.getByRole('link', { name: `View request #${created}` }).click();
    await expect(page).toHaveURL(`${server.url}/portal/tickets/${created}`);
    const detail = page.getByTestId('portal-ticket-detail');
    await expect(detail.getByRole('heading', { level: 1 })).toContainText(`Badge scanner app crashes on login #${created}`);
    await expect(detail.getByTestId('ticket-status')).toContainText('Open');
    await expect(detail.getByTestId('transcript')).toContainText('Since this morning the scanner app closes');
    await expect(detail.getByRole('link', { name: 'crash.png' }).first()).toBeVisible();
    const form = detail.getByTestId('add-details-form');
    const cc = form.getByLabel('CC (optional)');
    await cc.fill('not an email');
    await cc.press('Enter');
    await expect(form.getByRole('alert')).toContainText('“not” is not a valid email address.');
    await cc.fill('morgan@example.com');
    await cc.press('Enter');
    await cc.fill('drop.me@example.com');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(form.getByTestId('cc-chip')).toHaveText(['morgan@example.com', 'drop.me@example.com']);
    await form.getByRole('button', { name: 'Remove drop.me@example.com' }).click();
    await expect(form.getByTestId('cc-chip')).toHaveText(['morgan@example.com']);
    await form.getByLabel('Additional details').fill('Copying Morgan, who runs the scanners on site.');
    await shot(page, 'portal-05-ticket-adding-cc', { fullPage: true });
    await form.getByRole('button', { name: 'Submit' }).click();
    await expect(form.getByTestId('details-sent')).toContainText(`ticket #${created} is updated`);
    await expect(detail.getByTestId('ticket-ccs')).toHaveText('morgan@example.com');
    await expect(detail.getByTestId('transcript')).toContainText('Copying Morgan');
    await shot(page, 'portal-06-ticket-detail', { fullPage: true });
    await expectAccessible(page, 'portal-ticket-detail');
  });

  await test.step('the specialist sees the CC on the ticket', async () => {
    await consoleRow(consolePage, created).click();
    const ccs = consolePage.getByTestId('ticket-detail').getByRole('region', { name: 'CCs' });
    await expect(ccs).toContainText('morgan@example.com');
  });
  await consolePage.close();

  await test.step('Contacts shows each team in the reader’s zone', async () => {
    await page.getByRole('navigation', { name: 'Support portal' }).getByRole('link', { name: 'Contacts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeFocused();
    await expect(page.getByTestId('department-contact').first()).toBeVisible();
    await expect(page.getByTestId('reader-zone')).toHaveText('Hours are shown in your time zone: Japan Standard Time (Asia/Tokyo).');
    const technical = page.getByTestId('department-contact').filter({ has: page.getByRole('heading', { name: 'Technical' }) });
    // 9 am–7 pm New York (EST in November) is 11 pm–9 am the next morning in Tokyo.
    await expect(technical.getByTestId('coverage-hours')).toContainText(/Mon–Fri\s*11:00\sPM – 9:00\sAM next day/);
    await expect(technical.getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:/);
    await shot(page, 'portal-07-contacts', { fullPage: true });
    await expectAccessible(page, 'portal-contacts');
  });

  await test.step('signing out ends the session; the used link then says so', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByTestId('portal-account')).toHaveCount(0);
    await openPortal(page, '/portal');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to My activities' })).toBeVisible();
    await page.goto(link);
    const problem = page.getByTestId('link-problem');
    await expect(problem).toHaveAttribute('data-problem', 'used');
    await expect(problem.getByRole('heading', { name: 'This sign-in link was already used' })).toBeFocused();
    await shot(page, 'portal-08-link-used');
    await expectAccessible(page, 'portal-link-used');
    await problem.getByRole('button', { name: 'Send me a new link' }).click();
    await expect(page.getByLabel('Your email')).toBeFocused();
  });
});

test('Submit a request while signed out signs in first and comes back with the pid/eid of the link', async ({ page }) => {
  const customer = 'jules@example.com';
  await openPortal(page, '/support');
  const more = page.getByRole('navigation', { name: 'More support' });
  await expect(more.getByRole('link', { name: 'Contacts' })).toHaveAttribute('href', '/contacts');
  await shot(page, 'portal-00-support-page-links');
  await more.getByRole('link', { name: 'My activities' }).click();
  await expect(page).toHaveURL(`${server.url}/portal`);
  await openPortal(page, '/portal/new?pid=P7&eid=E3');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to submit a request' })).toBeVisible();
  await signIn(page, customer);
  await expect(page).toHaveURL(`${server.url}/portal/new?pid=P7&eid=E3`);
  await expect(page.getByRole('heading', { level: 1, name: 'Submit a request' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Support portal' }).getByRole('link', { name: 'Submit a request' })).toHaveAttribute('aria-current', 'page');
  const form = page.getByTestId('request-form');
  await form.getByRole('button', { name: 'Submit request' }).click();
  await expect(form.getByLabel('Subject')).toBeFocused();
  await expect(form.getByText('Give your request a short subject.')).toBeVisible();
  await form.getByLabel('Subject').fill('Replay link for session 4');
  await form.getByLabel('Description').fill('Where can I find the replay of session 4?');
  await form.getByRole('button', { name: 'Submit request' }).click();
  const receipt = page.getByTestId('request-receipt');
  await expect(receipt).toBeVisible();
  const id = Number(/#(\d+)/.exec((await receipt.locator('strong').first().textContent()) ?? '')?.[1]);
  const stored = await getTicket(server.app.ctx.db, id);
  expect(stored?.context).toEqual({ pid: 'P7', eid: 'E3' });
  expect(stored?.channel).toBe('web');
  expect(stored?.requesterEmail).toBe(customer);
});

test('details added to a Closed ticket say first that they start a follow-up, then link to it', async ({ page }) => {
  const customer = 'casey@example.com';
  const old = await emailUs(customer, 'Invoice 2291 shows the wrong agency');
  await closeTicket(server, old);
  await openPortal(page, `/portal/tickets/${old}`);
  await signIn(page, customer);
  await expect(page).toHaveURL(`${server.url}/portal/tickets/${old}`);
  const detail = page.getByTestId('portal-ticket-detail');
  await expect(detail.getByTestId('ticket-status')).toContainText('Closed');
  const form = detail.getByTestId('add-details-form');
  await expect(form.getByTestId('reply-outlook')).toContainText('Your comment will start a new follow-up ticket');
  await form.getByLabel('Additional details').fill('The corrected invoice still shows the old agency.');
  await form.getByRole('button', { name: 'Start follow-up' }).click();
  const sent = form.getByTestId('details-sent');
  await expect(sent).toContainText('This ticket was closed, so your details started follow-up ticket #');
  await shot(page, 'portal-09-follow-up-started', { fullPage: true });
  await sent.getByRole('link', { name: /Open ticket #\d+/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByTestId('portal-ticket-detail')).toContainText(`Request #${old}`);
  await expect(page.getByTestId('transcript')).toContainText('The corrected invoice still shows the old agency.');

  // On a phone the header wraps and each row stacks its status under the subject; nothing may scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'portal-10-phone-ticket', { fullPage: true });
  await page.getByRole('navigation', { name: 'Support portal' }).getByRole('link', { name: 'My activities' }).click();
  await expect(page.getByTestId('portal-ticket')).toHaveCount(2);
  await shot(page, 'portal-11-phone-activities', { fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
