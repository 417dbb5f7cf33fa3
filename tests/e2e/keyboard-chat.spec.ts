// Keyboard only, both sides, in Chromium against the real server and console: the customer fills the contact form,
// picks a department and chats with Tab, arrows, typing and Enter; the specialist signs in, accepts, replies, ends
// the chat, finds its ticket with search and solves it with the keyboard shortcuts and Tab alone. No mouse click.
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { EventEnvelope } from '../../src-shared/events';
import type { TestServer } from '../support/start-server';
import { DANA, DEMO_PASSWORD, startConsoleHost, type ConsoleHost } from './console/console-stack';
import { startWidgetServer, usePickRouting } from './widget/support-page';

let server: TestServer;
let host: ConsoleHost;

test.beforeAll(async () => {
  server = await startWidgetServer({ demoPassword: DEMO_PASSWORD });
  // Technical lets specialists pick from the queue, so the customer waits until the specialist accepts.
  await usePickRouting(server, 'technical');
  host = await startConsoleHost(server.url);
});

test.afterAll(async () => {
  await host?.stop();
  await server?.stop();
});

/** Presses Tab (or Shift+Tab) until `target` has focus; fails when it takes more than `max` presses (unreachable). */
async function tabTo(page: Page, target: Locator, opts: { max?: number; back?: boolean } = {}): Promise<void> {
  const max = opts.max ?? 25;
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `not reachable with ${max} presses of ${opts.back ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}

/** Focus is visibly marked: the focused element draws an outline or a box-shadow ring. */
async function expectVisibleFocus(target: Locator): Promise<void> {
  const style = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle !== 'none' && s.outlineWidth !== '0px', ring: s.boxShadow !== 'none' };
  });
  expect(style.outline || style.ring, 'the focused element shows a focus indicator').toBe(true);
}

test('the customer’s message reaches the specialist only through keys: Enter sends, Shift+Enter makes a new line', async ({ browser }) => {
  // Runs first: later the demo Dana is online in the console and would be assigned instead.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const dana = await server.connectSpecialist({ displayName: 'Dana Reyes', departmentIds: ['av-media'] });
  try {
    await page.goto(`${server.url}/support`);
    await tabTo(page, page.getByLabel('Your Email'));
    await page.keyboard.type('lee@example.com');
    const picker = page.getByRole('combobox', { name: 'Request Chat With' });
    await tabTo(page, picker);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(picker).toContainText('AV Media');
    await tabTo(page, page.getByLabel('Your Question'));
    await page.keyboard.type('Invoice missing');
    await tabTo(page, page.getByRole('button', { name: 'CHAT WITH US' }));
    await page.keyboard.press('Enter');
    // AV Media assigns at once: the greeting shows and the message box is reachable.
    await expect(page.getByTestId('specialist-name')).toHaveText('Dana Reyes');
    const box = page.getByLabel('Message');
    await tabTo(page, box);
    await page.keyboard.type('line one');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line two');
    await page.keyboard.press('Enter');
    await dana.inbox.next<EventEnvelope>('event', (e) => e.type === 'message.created' && e.payload.body === 'line one\nline two');
  } finally {
    await context.close();
  }
});

test('a customer and a specialist hold a whole chat with the keyboard alone, and the specialist solves its ticket', async ({ browser }) => {
  test.setTimeout(180_000);
  const consoleContext = await browser.newContext({ viewport: { width: 1366, height: 850 } });
  const customerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const specialist = await consoleContext.newPage();
  const customer = await customerContext.newPage();
  try {
    await test.step('the specialist signs in with the keyboard', async () => {
      await specialist.goto(host.url);
      const email = specialist.getByLabel('Email');
      await expect(email).toBeFocused();
      await specialist.keyboard.type(DANA);
      await tabTo(specialist, specialist.getByLabel('Password'));
      await specialist.keyboard.type(DEMO_PASSWORD);
      await specialist.keyboard.press('Enter');
      await expect(specialist.getByTestId('my-load')).toBeVisible();
      await expect(specialist.getByTestId('connection')).toContainText('Online');
    });

    await test.step('the customer fills the form, picks Technical and starts the chat with the keyboard', async () => {
      await customer.goto(`${server.url}/support`);
      await expect(customer.getByRole('heading', { name: 'CONTACT US' })).toBeVisible();
      const email = customer.getByLabel('Your Email');
      await tabTo(customer, email);
      await expectVisibleFocus(email);
      await customer.keyboard.type('kim@example.com');
      const picker = customer.getByRole('combobox', { name: 'Request Chat With' });
      await tabTo(customer, picker);
      await expectVisibleFocus(picker);
      await customer.keyboard.press('ArrowDown');
      await expect(picker).toHaveAttribute('aria-expanded', 'true');
      await customer.keyboard.press('Home');
      await customer.keyboard.type('T');
      await customer.keyboard.press('Enter');
      await expect(picker).toHaveAttribute('aria-expanded', 'false');
      await expect(picker).toContainText('Technical');
      await tabTo(customer, customer.getByLabel('Your Question'));
      await customer.keyboard.type('The player stays black after the keynote.');
      const start = customer.getByRole('button', { name: 'CHAT WITH US' });
      await tabTo(customer, start);
      await expectVisibleFocus(start);
      await customer.keyboard.press('Enter');
      await expect(customer.getByTestId('waiting')).toContainText('Just a moment');
      await customer.screenshot({ path: 'test-artifacts/widget/kb-01-waiting.png' });
    });

    await test.step('the specialist accepts with Alt+N and replies from the composer (Alt+C)', async () => {
      await expect(specialist.getByTestId('waiting-row').filter({ hasText: 'kim@example.com' })).toBeVisible();
      await specialist.keyboard.press('Alt+n');
      const pane = specialist.getByTestId('chat-pane').filter({ hasText: 'kim@example.com' });
      await expect(pane).toBeVisible();
      await specialist.keyboard.press('Alt+c');
      const composer = pane.getByRole('textbox', { name: 'Message' });
      await expect(composer).toBeFocused();
      await specialist.keyboard.type('Hi Kim, which browser do you use?');
      await specialist.keyboard.press('Enter');
      await expect(pane.getByTestId('transcript')).toContainText('which browser');
    });

    await test.step('the customer reads the reply and answers with the keyboard', async () => {
      await expect(customer.getByText('Hi Kim, which browser do you use?')).toBeVisible();
      const box = customer.getByLabel('Message');
      await tabTo(customer, box);
      await customer.keyboard.type('Firefox on Linux');
      await customer.keyboard.press('Enter');
      await expect(box).toHaveValue('');
      await expect(specialist.getByTestId('chat-pane').getByTestId('transcript')).toContainText('Firefox on Linux');
      await customer.screenshot({ path: 'test-artifacts/widget/kb-02-chatting.png' });
    });

    await test.step('the specialist ends the chat with Alt+E; the dialog keeps focus until confirmed', async () => {
      await specialist.keyboard.press('Alt+e');
      const dialog = specialist.getByRole('dialog', { name: 'End chat' });
      await expect(dialog).toBeVisible();
      // Tab cycles inside the modal dialog: a dozen presses never reach the page behind it.
      for (let i = 0; i < 12; i++) {
        await specialist.keyboard.press('Tab');
        expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      }
      const confirm = dialog.getByRole('button', { name: 'End chat' });
      await tabTo(specialist, confirm);
      await expectVisibleFocus(confirm);
      await specialist.screenshot({ path: 'test-artifacts/console/kb-01-end-dialog.png' });
      await specialist.keyboard.press('Enter');
      await expect(specialist.getByTestId('ticket-detail')).toContainText('kim@example.com');
      await expect(customer.getByTestId('chat-ended')).toContainText('This chat session has ended');
    });

    await test.step('the specialist finds the ticket with Ctrl+K and solves it with the keyboard', async () => {
      await specialist.keyboard.press('Alt+q');
      await expect(specialist.getByTestId('ticket-detail')).toHaveCount(0);
      await specialist.keyboard.press('Control+k');
      const search = specialist.getByRole('dialog', { name: 'Search' });
      await expect(search.getByLabel('Search')).toBeFocused();
      await specialist.keyboard.type('keynote');
      await expect(search.getByTestId('search-hit').first()).toBeVisible();
      await specialist.keyboard.press('Enter');
      // The hit is the chat's transcript: its pane leads on to the ticket.
      const openTicket = specialist.getByTestId('chat-pane').getByRole('button', { name: /^Open ticket #\d+$/ });
      await tabTo(specialist, openTicket, { max: 40 });
      await specialist.keyboard.press('Enter');
      const detail = specialist.getByTestId('ticket-detail');
      await expect(detail).toContainText('kim@example.com');
      const solve = detail.getByRole('button', { name: 'Solve…' });
      await tabTo(specialist, solve, { max: 60 });
      await specialist.keyboard.press('Enter');
      const picker = specialist.getByRole('dialog', { name: /^Solve ticket #\d+$/ });
      await expect(picker).toBeVisible();
      const filter = picker.getByPlaceholder('Search resolution types…');
      await tabTo(specialist, filter);
      await specialist.keyboard.type('code fix');
      const option = picker.getByRole('radio', { name: /Code fix/ });
      await tabTo(specialist, option);
      await specialist.keyboard.press('Space');
      await expect(option).toBeChecked();
      const submit = picker.getByRole('button', { name: 'Solve ticket' });
      await tabTo(specialist, submit);
      await specialist.keyboard.press('Enter');
      await expect(picker).toBeHidden();
      await expect(specialist.getByTestId('ticket-resolution')).toHaveText('Code fix');
      await specialist.screenshot({ path: 'test-artifacts/console/kb-02-ticket-solved.png' });
    });
  } finally {
    await consoleContext.close();
    await customerContext.close();
  }
});

