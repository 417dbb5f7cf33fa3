// The specialist's day in browser mode against the real server and console core: sign in, queue, accept,
// messages and typing both ways, two chats at once, drop box, end → ticket → resolution, search, and a
// lead's dashboard moving live. Screenshots of the main screens go to test-artifacts/console/.
import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { EventEnvelope } from '../../../src-shared/events';
import {
  ADMIN,
  DANA,
  artifacts,
  signInToNewConsole,
  startSupportServer,
  tinyPng,
  visitorRequestsChat,
  visitorUploads,
  type ConsoleHost,
} from './console-stack';
import type { TestServer } from '../../support/start-server';

let server: TestServer;
const hosts: ConsoleHost[] = [];

test.beforeAll(async () => {
  // Technical lets specialists pick from the queue; AV Media stays auto-assigned.
  server = await startSupportServer(['technical']);
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  await server?.stop();
});

const signIn = (page: Page, email: string) => signInToNewConsole(page, server.url, email, hosts);

const isMessage = (body: string) => (e: EventEnvelope) => e.type === 'message.created' && e.payload.body === body;

test('a specialist handles two chats, a drop box and a transfer, ends a chat and solves its ticket; a lead sees it live', async ({ page, browser }) => {
  // The console (browser-mode host) runs under its CSP without inline code; a refusal would show up here.
  const cspRefusals: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspRefusals.push(m.text());
  });
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DANA);
  await expect(page.getByTestId('connection')).toContainText('Online');

  const ana = await test.step('a waiting visitor shows in the Technical queue with question and context', async () => {
    const v = await visitorRequestsChat(server, { email: 'ana@example.com', departmentId: 'technical', question: 'My stream is black since the keynote started', pid: 'P-1042', eid: 'E-77' });
    const row = page.getByTestId('waiting-row').filter({ hasText: 'ana@example.com' });
    await expect(row).toContainText('My stream is black');
    await expect(row).toContainText('pid P-1042');
    await expect(row).toContainText('eid E-77');
    await expect(page.getByTestId('queue-technical')).toContainText('1');
    await page.screenshot({ path: `${artifacts}/02-queue-waiting.png` });
    await row.getByRole('button', { name: /Accept/ }).click();
    return v;
  });

  await test.step('accepted chat opens; messages and typing flow both ways', async () => {
    const pane = page.getByTestId('chat-pane').filter({ hasText: 'ana@example.com' });
    await expect(pane).toBeVisible();
    await expect(page.getByTestId('my-load')).toContainText('1 of 4');
    const composer = pane.getByRole('textbox', { name: 'Message' });
    await composer.click();
    await composer.pressSequentially('Hi Ana, checking');
    await ana.inbox.next<{ typing: boolean }>('typing', (t) => t.typing);
    await composer.press('Enter');
    await ana.inbox.next<EventEnvelope>('event', isMessage('Hi Ana, checking'));
    await expect(composer).toHaveValue('');

    ana.typing(true);
    await expect(pane.getByTestId('typing')).toContainText('typing');
    await ana.say('Still black. See https://example.com/status and <b>not bold</b>');
    await expect(pane.getByTestId('transcript')).toContainText('Still black');
    await expect(pane.getByRole('link', { name: 'https://example.com/status' })).toHaveAttribute('rel', /noopener/);
    await expect(pane.getByTestId('transcript')).toContainText('<b>not bold</b>');
  });

  const ben = await test.step('a second, auto-assigned chat arrives in its own tab', async () => {
    const v = await visitorRequestsChat(server, { email: 'ben@example.com', departmentId: 'av-media', question: 'Invoice for the OOH campaign is missing' });
    await expect(page.getByTestId('chat-tab')).toHaveCount(2);
    await expect(page.getByTestId('my-load')).toContainText('2 of 4');
    await page.getByTestId('chat-tab').filter({ hasText: 'ben@example.com' }).click();
    const pane = page.getByTestId('chat-pane').filter({ hasText: 'ben@example.com' });
    await pane.getByRole('textbox', { name: 'Message' }).fill('Hello Ben, let me look');
    await pane.getByRole('textbox', { name: 'Message' }).press('Enter');
    await v.inbox.next<EventEnvelope>('event', isMessage('Hello Ben, let me look'));
    await v.say('Thanks!');
    await expect(pane.getByTestId('transcript')).toContainText('Thanks!');
    return v;
  });

  await test.step('a message in the other chat marks its tab unread; Alt+↓ switches chats', async () => {
    await ana.say('Any news?');
    await expect(page.getByTestId('chat-tab').filter({ hasText: 'ana@example.com' })).toContainText('1');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(page.getByTestId('chat-pane').filter({ hasText: 'ana@example.com' })).toBeVisible();
    await page.screenshot({ path: `${artifacts}/03-chat.png` });
  });

  await test.step('a drop box is inserted and the visitor’s file shows up', async () => {
    const pane = page.getByTestId('chat-pane').filter({ hasText: 'ana@example.com' });
    await pane.getByRole('button', { name: 'Drop Box' }).click();
    await page.getByRole('dialog', { name: 'Insert a Drop Box' }).getByLabel('What should the visitor upload?').fill('A screenshot of the black player');
    await page.getByRole('button', { name: 'Insert Drop Box' }).click();
    const box = await ana.inbox.next<EventEnvelope>('event', (e) => e.type === 'dropbox.updated' && e.payload.state === 'open');
    if (box.type !== 'dropbox.updated') throw new Error('unexpected event');
    await expect(pane.getByTestId('dropboxes')).toContainText('A screenshot of the black player');
    await visitorUploads(server, ana, box.payload.id, 'black-player.png', tinyPng);
    await expect(pane.getByTestId('dropboxes')).toContainText('black-player.png');
    // Opening it downloads through the console core and a one-time host link, under its (safe) name.
    const [download] = await Promise.all([page.waitForEvent('download'), pane.getByTestId('dropboxes').getByRole('button', { name: 'Open black-player.png' }).click()]);
    expect(download.suggestedFilename()).toBe('black-player.png');
    expect(Buffer.compare(await readFile((await download.path())!), tinyPng)).toBe(0);
    await page.getByRole('button', { name: 'Grid' }).click();
    await page.screenshot({ path: `${artifacts}/04-grid-dropbox.png` });
    await page.getByRole('button', { name: 'Single' }).click();
  });

  const ticketId = await test.step('ending the chat leads to its ticket', async () => {
    const pane = page.getByTestId('chat-pane').filter({ hasText: 'ana@example.com' });
    await pane.getByRole('button', { name: 'End chat' }).click();
    await page.getByRole('dialog', { name: 'End chat' }).getByRole('button', { name: 'End chat' }).click();
    const detail = page.getByTestId('ticket-detail');
    await expect(detail).toContainText('ana@example.com');
    await expect(detail).toContainText('Still black');
    const title = await detail.getByRole('heading', { level: 1 }).innerText();
    return Number(/#(\d+)/.exec(title)?.[1]);
  });

  await test.step('the resolution picker refuses the system-only type and solves with a catalog type', async () => {
    await page.getByTestId('ticket-detail').getByRole('button', { name: 'Solve…' }).click();
    const picker = page.getByRole('dialog', { name: `Solve ticket #${ticketId}` });
    await picker.getByPlaceholder('Search resolution types…').fill('no response');
    await expect(picker.getByTestId('resolution-refused')).toContainText('No response from user');
    await expect(picker.getByTestId('resolution-refused')).toContainText('Set by the system only');
    await expect(picker.getByRole('radio')).toHaveCount(0);
    await picker.getByPlaceholder('Search resolution types…').fill('duplicate');
    await picker.getByRole('radio', { name: /Duplicate/ }).check();
    await expect(picker.getByRole('alert')).toContainText('must link the original ticket');
    await expect(picker.getByRole('button', { name: 'Solve ticket' })).toBeDisabled();
    await picker.getByPlaceholder('Search resolution types…').fill('');
    await page.screenshot({ path: `${artifacts}/05-resolution-picker.png` });
    await picker.getByPlaceholder('Search resolution types…').fill('code fix');
    await picker.getByRole('radio', { name: /Code fix/ }).check();
    await picker.getByRole('button', { name: 'Solve ticket' }).click();
    await expect(picker).toBeHidden();
    await expect(page.getByTestId('ticket-resolution')).toHaveText('Code fix');
    await expect(page.getByTestId('ticket-detail').locator('.ticket-status-control')).toContainText('Solved');
    await page.screenshot({ path: `${artifacts}/06-ticket-solved.png` });
  });

  await test.step('Ctrl+K search finds the chat in the local cache', async () => {
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search' }).getByLabel('Search').fill('keynote');
    const hit = page.getByTestId('search-hit').first();
    await expect(hit).toBeVisible();
    await expect(hit.locator('mark').first()).toHaveText(/keynote/i);
    await page.screenshot({ path: `${artifacts}/07-search.png` });
    await page.keyboard.press('Escape');
  });

  await test.step('a lead sees waiting and in-progress numbers move on the dashboard', async () => {
    const lead = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await signIn(lead, ADMIN);
      await lead.getByRole('button', { name: 'Dashboard' }).click();
      const waiting = lead.getByTestId('kpi-waiting');
      const inProgress = lead.getByTestId('kpi-in-progress');
      await expect(inProgress).toContainText('1'); // Ben's chat
      await expect(waiting).toContainText('0');
      const cid = await visitorRequestsChat(server, { email: 'cid@example.com', departmentId: 'technical', question: 'Cannot log in to the event' });
      await expect(waiting).toContainText('1');
      // The "Over the day" chart draws the server's hourly buckets, not the console's offline estimate.
      await expect(lead.getByTestId('chart-caption')).toHaveText('Per hour since midnight (server time), live from the server');
      await expect(lead.getByRole('img', { name: /^Chats per hour today: [1-9]\d* queued, \d+ assigned; \d+ hours$/ })).toBeVisible();
      await expect(lead.locator('.u-legend')).toContainText('Waiting at the end of the hour');
      await lead.screenshot({ path: `${artifacts}/08-dashboard.png` });
      await page.getByRole('button', { name: /All queues/ }).click();
      await page.getByTestId('waiting-row').filter({ hasText: 'cid@example.com' }).getByRole('button', { name: /Accept/ }).click();
      await expect(page.getByTestId('chat-pane').filter({ hasText: 'cid@example.com' })).toBeVisible();
      await expect(waiting).toContainText('0');
      await expect(inProgress).toContainText('2');

      // Transfer Cid's chat to the lead, who is online: it leaves Dana's load and lands in the lead's.
      const cidPane = page.getByTestId('chat-pane').filter({ hasText: 'cid@example.com' });
      await cidPane.getByRole('button', { name: 'Transfer' }).click();
      const dialog = page.getByRole('dialog', { name: 'Transfer chat' });
      await dialog.getByLabel('Transfer to').selectOption({ label: 'Admin (0/4)' });
      await dialog.getByLabel('Note for the next specialist (internal)').fill('Login problem, already checked the browser');
      await dialog.getByRole('button', { name: 'Transfer' }).click();
      await expect(lead.getByTestId('my-load')).toContainText('1 of 4');
      await expect(page.getByTestId('my-load')).toContainText('1 of 4');
      cid.socket.disconnect();
    } finally {
      await lead.close();
    }
  });

  await test.step('the ? sheet lists the shortcuts, and the dark theme follows the system', async () => {
    await page.getByRole('button', { name: 'Chats' }).click();
    await page.locator('body').press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Accept the next waiting visitor');
    await page.screenshot({ path: `${artifacts}/09-shortcuts.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Theme').selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await settings.getByLabel('Theme').selectOption('system');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
    // Browser mode says so, and offers none of the desktop app's tray and login-item choices.
    await expect(settings).toContainText('browser mode');
    await expect(settings).toContainText('Logs go to the terminal that started the console.');
    await expect(settings.getByText('Desktop', { exact: true })).toHaveCount(0);
    await page.screenshot({ path: `${artifacts}/10-settings.png` });
    await page.keyboard.press('Escape');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect.poll(background).toBe('rgb(246, 247, 249)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).toBe('rgb(20, 23, 28)');
    await page.getByTestId('chat-tab').filter({ hasText: 'ben@example.com' }).click();
    const composer = page.getByTestId('chat-pane').filter({ hasText: 'ben@example.com' }).getByRole('textbox', { name: 'Message' });
    await composer.fill('/tha');
    await expect(page.getByRole('listbox', { name: 'Canned responses' })).toContainText('/thanks');
    await page.screenshot({ path: `${artifacts}/11-canned-dark.png` });
    await composer.press('Enter');
    await expect(composer).toHaveValue(/Glad I could help/);
    await composer.press('Control+i');
    const note = page.getByTestId('chat-pane').filter({ hasText: 'ben@example.com' }).getByRole('textbox', { name: 'Internal note' });
    await note.press('Enter');
    await expect(page.getByTestId('chat-pane').filter({ hasText: 'ben@example.com' }).getByTestId('transcript')).toContainText('Internal note');
    ben.typing(true);
    await expect(page.getByTestId('chat-pane').filter({ hasText: 'ben@example.com' }).getByTestId('typing')).toContainText('typing');
    await page.screenshot({ path: `${artifacts}/10-chat-dark.png` });
    ben.socket.disconnect();
  });
  expect(cspRefusals).toEqual([]);
});
