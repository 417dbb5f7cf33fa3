// Issue 14, item 6: the ticket screens at 1366×850. Selected status chips are marked by more than tint, the comment
// box replies publicly by default and marks an internal note, a solved ticket stays in the list while it is open,
// the history speaks in labels rather than ids, and a 200-character subject leaves Solve… on screen.
import { test, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import { callOk } from '../../support/socket-clients';
import type { TestServer } from '../../support/start-server';
import { DANA, artifacts, signInToNewConsole, startSupportServer, type ConsoleHost } from './console-stack';

const VIEWPORT = { width: 1366, height: 850 };
test.use({ viewport: VIEWPORT });

let server: TestServer;
const hosts: ConsoleHost[] = [];

test.beforeAll(async () => {
  server = await startSupportServer();
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  await server?.stop();
});

async function emailTicket(email: string, question: string): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email, departmentId: 'technical', question });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

/**
 * Exactly 200 characters (the schema's maximum), most of it a pasted URL: one unbreakable run of text, which is
 * what pushes a flex header wider than the screen.
 */
const LONG_SUBJECT = 'Keynote replay fails behind the proxy: https://portal.example.com/events/2026/keynote/replay/player?session=8f3a9c2e4b7d4e1f9a0b6c5d3e2f1a0b&cdn=edge-fra-03&attempt='.padEnd(200, '0');

const row = (page: Page, id: number) => page.getByTestId('ticket-row').filter({ hasText: new RegExp(`#${id}(?!\\d)`) });
const detail = (page: Page) => page.getByTestId('ticket-detail');

/** Dana's console on the Tickets view, with ticket `open` (if any) in the detail. */
async function ticketsView(page: Page, open?: number): Promise<void> {
  await signInToNewConsole(page, server.url, DANA, hosts);
  await page.getByRole('button', { name: 'Tickets' }).click();
  if (open === undefined) return;
  await row(page, open).click();
  await expect(detail(page).getByRole('heading', { level: 1 })).toContainText(`#${open}`);
}

async function solveWith(page: Page, ticketId: number, search: string, type: RegExp): Promise<void> {
  await detail(page).getByRole('button', { name: 'Solve…' }).click();
  const picker = page.getByRole('dialog', { name: `Solve ticket #${ticketId}` });
  await picker.getByPlaceholder('Search resolution types…').fill(search);
  await picker.getByRole('radio', { name: type }).check();
  await picker.getByRole('button', { name: 'Solve ticket' }).click();
  await expect(picker).toBeHidden();
}

test('a selected status chip is marked by a check mark, aria-pressed and a heavier weight, not by tint alone', async ({ page }) => {
  await ticketsView(page);
  const chips = page.getByRole('group', { name: 'Status' });
  const open = chips.getByRole('button', { name: 'Open', exact: true });
  const solved = chips.getByRole('button', { name: 'Solved', exact: true });
  await expect(open).toHaveAttribute('aria-pressed', 'true');
  await expect(open).toContainText('✓');
  await expect(solved).toHaveAttribute('aria-pressed', 'false');
  await expect(solved).not.toContainText('✓');
  const weight = (chip: typeof open) => chip.evaluate((el) => Number(getComputedStyle(el).fontWeight));
  expect(await weight(open)).toBeGreaterThanOrEqual(600);
  expect(await weight(solved)).toBeLessThan(600);
  await solved.click();
  await expect(solved).toHaveAttribute('aria-pressed', 'true');
  await expect(solved).toContainText('✓');
  expect(await weight(solved)).toBeGreaterThanOrEqual(600);
  await solved.click();
  await expect(solved).toHaveAttribute('aria-pressed', 'false');
});

test('the comment box replies publicly by default; an internal note is switched on, tinted and marked', async ({ page }) => {
  const amy = await emailTicket('amy@example.com', 'Audio drops in the keynote replay');
  await ticketsView(page, amy);
  const form = detail(page).getByTestId('comment-form');
  const internal = form.getByRole('switch', { name: 'Internal note' });
  await expect(internal).not.toBeChecked();
  await expect(form).toHaveAttribute('data-mode', 'public');
  await form.getByRole('textbox', { name: 'Reply' }).fill('Thanks Amy, we are looking into the replay.');
  await form.getByRole('button', { name: 'Send reply' }).click();
  const reply = detail(page).getByTestId('ticket-comment').filter({ hasText: 'Thanks Amy' });
  await expect(reply).toBeVisible();
  await expect(reply).not.toContainText('Internal note');
  await expect(reply).not.toHaveClass(/comment-internal/);

  const background = () => form.evaluate((el) => getComputedStyle(el).backgroundColor);
  const publicBackground = await background();
  await internal.check();
  await expect(form).toHaveAttribute('data-mode', 'internal');
  await expect(form.getByRole('button', { name: 'Add internal note' })).toBeVisible();
  expect(await background()).not.toBe(publicBackground);
  await form.getByRole('textbox', { name: 'Internal note' }).fill('CDN logs show 502s from the edge in Frankfurt.');
  await page.screenshot({ path: `${artifacts}/42-ticket-internal-note.png` });
  await form.getByRole('button', { name: 'Add internal note' }).click();
  const note = detail(page).getByTestId('ticket-comment').filter({ hasText: 'CDN logs' });
  await expect(note).toContainText('Internal note');
  await expect(note).toHaveClass(/comment-internal/);
});

test('a solved ticket stays in the list, marked as outside the filter, until another ticket is opened', async ({ page }) => {
  const ben = await emailTicket('ben@example.com', 'Cannot find the session recordings');
  const cat = await emailTicket('cat@example.com', 'Badge printer offline at the venue');
  await ticketsView(page, ben);
  await solveWith(page, ben, 'code fix', /Code fix/);
  await expect(detail(page).locator('.ticket-status-control')).toContainText('Solved');
  // The list refreshed without it (Solved is not in the default filter), yet the open ticket is still there.
  await expect(row(page, ben)).toBeVisible();
  await expect(row(page, ben)).toContainText('Not in this filter');
  await expect(row(page, ben)).toContainText('Solved');
  await expect(row(page, ben)).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: `${artifacts}/40-tickets-list-solved-pinned.png` });

  await row(page, cat).click();
  await expect(detail(page).getByRole('heading', { level: 1 })).toContainText('Badge printer offline');
  await expect(row(page, ben)).toHaveCount(0);
});

test('history and details read resolution, status, channel and product as labels, not ids', async ({ page }) => {
  const dan = await emailTicket('dan@example.com', 'Speaker notes missing from the stage display');
  await ticketsView(page, dan);
  await solveWith(page, dan, 'action required', /Action required \(by client\)/);
  await expect(detail(page).getByTestId('ticket-resolution')).toHaveText('Action required (by client)');
  const timeline = detail(page).getByTestId('ticket-timeline');
  await expect(timeline).toContainText('Status: Open → Solved');
  await expect(timeline).toContainText('Resolution: — → Action required (by client)');
  await expect(timeline).not.toContainText('action-required-by-client');
  await expect(detail(page).locator('.ticket-header')).toContainText('dan@example.com · Email · Technical');
  await expect(detail(page).getByRole('complementary', { name: 'Details' })).toContainText('Lumina');
});

test('a 200-character subject is clamped with the full text in its title, and Solve… stays on screen at 1366×850', async ({ page }) => {
  expect(LONG_SUBJECT).toHaveLength(200);
  const long = await emailTicket('cy@example.com', 'Replay stutters');
  const eli = await server.connectSpecialist({ displayName: 'Eli', departmentIds: ['technical'] });
  await callOk(eli.socket, 'ticket:update', { clientId: randomUUID(), ticketId: long, patch: { subject: LONG_SUBJECT } });
  eli.socket.disconnect();
  await ticketsView(page, long);
  for (const name of ['Solve…', 'Escalate…']) {
    const button = detail(page).getByRole('button', { name });
    await expect(button).toBeVisible();
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
  }
  const title = detail(page).getByRole('heading', { level: 1 });
  await expect(title).toHaveAttribute('title', LONG_SUBJECT);
  // Clamped: the heading stays two lines high instead of pushing the ticket down the screen.
  expect((await title.boundingBox())!.height).toBeLessThanOrEqual(60);
  await page.screenshot({ path: `${artifacts}/41-ticket-long-subject.png` });
});
