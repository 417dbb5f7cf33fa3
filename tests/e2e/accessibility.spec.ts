// axe-core (WCAG 2.0/2.1 A and AA) on every screen people use, in Chromium, against the real server and console:
// the customer support page (CHAT and HELP), the widget embedded on another site, the comment page, and the
// console signed in (queue, a chat open, a ticket open, a lead's dashboard), in light and dark. Any serious or
// critical violation fails (tests/e2e/support-axe.ts prints them); all results go to test-artifacts/axe/.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { EmailRequestReceipt } from '../../src-shared/protocol/http';
import { signCommentLink } from '../../src-server/auth/tokens';
import type { TestServer } from '../support/start-server';
import { expectAccessible } from './support-axe';
import { ADMIN, DANA, artifacts, signInToNewConsole, startConsoleHost, startSupportServer, visitorRequestsChat, type ConsoleHost } from './console/console-stack';
import { callOk } from '../support/socket-clients';
import type { Conversation } from '../../src-shared/conversation';
import { chooseDepartment, fillContactForm, startHostPage, startWidgetServer, usePickRouting } from './widget/support-page';

/** Wednesday 18 Nov 2026, 20:00 in New York: after every department's chat hours. */
const AFTER_HOURS = Date.UTC(2026, 10, 19, 1, 0);
/** Thursday 9:00 in New York, when All Media / Technical chat opens. */
const NEXT_OPENING = Date.UTC(2026, 10, 19, 14, 0);

test.describe('customer side', () => {
  let server: TestServer;
  let host: Awaited<ReturnType<typeof startHostPage>> | null = null;

  test.beforeEach(async () => {
    server = await startWidgetServer({ now: AFTER_HOURS });
  });
  test.afterEach(async ({ page }) => {
    await page.close();
    await host?.close();
    host = null;
    await server.stop();
  });

  test('the support page (HELP and CHAT), the embedded widget and the comment page have no serious violations', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const dana = await server.connectSpecialist({ displayName: 'Dana Reyes', departmentIds: ['technical'] });

    await test.step('HELP: after hours the page offers EMAIL US only', async () => {
      await page.goto(`${server.url}/support`);
      await expect(page.getByRole('heading', { name: 'CONTACT US' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'EMAIL US' })).toBeVisible();
      await expectAccessible(page, 'support-help');
      await chooseDepartment(page, 'technical');
      await expectAccessible(page, 'support-help-department-open');
    });

    await test.step('CHAT: in hours with a specialist online the page offers CHAT WITH US', async () => {
      await server.clock.advance(NEXT_OPENING - AFTER_HOURS);
      await page.reload();
      await expect(page.getByRole('button', { name: 'CHAT WITH US' })).toBeVisible();
      await expectAccessible(page, 'support-chat');
      await page.getByRole('combobox', { name: 'Request Chat With' }).click();
      await expectAccessible(page, 'support-chat-picker-open');
      await page.keyboard.press('Escape');
    });

    await test.step('the widget embedded on another site, panel open', async () => {
      host = await startHostPage(`${server.url}/widget.js`);
      await page.setViewportSize({ width: 1100, height: 760 });
      await page.goto(host.url);
      const tab = page.getByTestId('support-tab');
      await expect(tab).toHaveText('CHAT');
      await expectAccessible(page, 'widget-tab');
      await tab.click();
      const panel = page.frameLocator('iframe[title="Customer support"]');
      await expect(panel.getByRole('heading', { name: 'CONTACT US' })).toBeVisible();
      await expectAccessible(page, 'widget-open');
    });

    await test.step('LET\'S CHAT: waiting, chatting, ended', async () => {
      await usePickRouting(server, 'technical');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.url}/support`);
      await fillContactForm(page, { email: 'ana@example.com', department: 'technical', question: 'The live stream keeps buffering.' });
      await page.getByRole('button', { name: 'CHAT WITH US' }).click();
      await expect(page.getByTestId('waiting')).toContainText('Just a moment');
      await expectAccessible(page, 'support-chat-waiting');
      const queued = await dana.inbox.nextEvent('conversation.updated', (e) => e.payload.visitorEmail === 'ana@example.com');
      const conversation: Conversation = queued.payload;
      await callOk(dana.socket, 'chat:accept', { clientId: randomUUID(), conversationId: conversation.id });
      await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: conversation.id, body: 'See https://help.example.com/streaming' });
      await callOk(dana.socket, 'typing', { conversationId: conversation.id, typing: true });
      await expect(page.getByTestId('typing-indicator')).toContainText('Dana Reyes');
      await page.getByLabel('Message').fill('Chrome on Windows');
      await page.getByLabel('Message').press('Enter');
      await expect(page.getByTestId('chat-message').filter({ hasText: 'Chrome on Windows' })).toHaveCount(1);
      await expectAccessible(page, 'support-chatting');
      await callOk(dana.socket, 'chat:end', { clientId: randomUUID(), conversationId: conversation.id });
      await expect(page.getByTestId('chat-ended')).toBeVisible();
      await expectAccessible(page, 'support-chat-ended');
    });

    await test.step('the comment page of a ticket', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'sam@example.com', departmentId: 'technical', question: 'I cannot log in to the event platform.' });
      if (!res.body.ok) throw new Error(res.body.error.message);
      const ticketId = res.body.value.ticketId;
      const sig = encodeURIComponent(signCommentLink(server.app.ctx.secret, ticketId, server.clock.now() + 3_600_000));
      await page.goto(`${server.url}/comment/${ticketId}?sig=${sig}`);
      await expect(page.getByTestId('ticket-status')).toContainText('Open');
      await expectAccessible(page, 'comment-page');
    });
  });
});

test.describe('console', () => {
  let server: TestServer;
  const hosts: ConsoleHost[] = [];

  test.beforeAll(async () => {
    server = await startSupportServer(['technical']);
  });
  test.afterAll(async () => {
    for (const h of hosts) await h.stop();
    await server?.stop();
  });

  /**
   * The same screen in the system's light and dark schemes (the console follows it unless a theme is chosen);
   * `shot` also saves both as test-artifacts/console/a11y-<name>-<scheme>.png.
   */
  async function bothSchemes(page: Page, name: string, shot = false): Promise<void> {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectAccessible(page, `${name}-${scheme}`);
      if (shot) await page.screenshot({ path: `${artifacts}/a11y-${name}-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }

  test('sign-in, queue, an open chat, an open ticket and the dashboard have no serious violations, light and dark', async ({ page, browser }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 850 });

    await test.step('sign-in', async () => {
      const host = await startConsoleHost(server.url);
      hosts.push(host);
      await page.goto(host.url);
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await bothSchemes(page, 'console-sign-in');
    });

    await signInToNewConsole(page, server.url, DANA, hosts);
    await expect(page.getByTestId('connection')).toContainText('Online');
    const visitor = await visitorRequestsChat(server, { email: 'ana@example.com', departmentId: 'technical', question: 'My stream is black since the keynote started', pid: 'P-1042' });

    await test.step('queue with a waiting visitor', async () => {
      await expect(page.getByTestId('waiting-row').filter({ hasText: 'ana@example.com' })).toBeVisible();
      await bothSchemes(page, 'console-queue', true);
    });

    await test.step('a chat open', async () => {
      await page.getByTestId('waiting-row').filter({ hasText: 'ana@example.com' }).getByRole('button', { name: /Accept/ }).click();
      const pane = page.getByTestId('chat-pane').filter({ hasText: 'ana@example.com' });
      await expect(pane).toBeVisible();
      await pane.getByRole('textbox', { name: 'Message' }).fill('Hi Ana, checking');
      await pane.getByRole('textbox', { name: 'Message' }).press('Enter');
      await visitor.say('Still black. See https://example.com/status');
      await expect(pane.getByTestId('transcript')).toContainText('Still black');
      await bothSchemes(page, 'console-chat', true);
    });

    await test.step('dialogs and overlays: End chat, search (Ctrl+K), keyboard help (?)', async () => {
      await page.keyboard.press('Alt+e');
      await expect(page.getByRole('dialog', { name: 'End chat' })).toBeVisible();
      await bothSchemes(page, 'console-end-chat-dialog');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog', { name: 'Search' }).getByLabel('Search').fill('keynote');
      await expect(page.getByTestId('search-hit').first()).toBeVisible();
      await bothSchemes(page, 'console-search');
      await page.keyboard.press('Escape');
      // "?" outside a text field (Escape gave focus back to the composer).
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: /shortcut/i })).toBeVisible();
      await bothSchemes(page, 'console-shortcut-help');
      await page.keyboard.press('Escape');
    });

    await test.step('a ticket open', async () => {
      const pane = page.getByTestId('chat-pane').filter({ hasText: 'ana@example.com' });
      await pane.getByRole('button', { name: 'End chat' }).click();
      await page.getByRole('dialog', { name: 'End chat' }).getByRole('button', { name: 'End chat' }).click();
      await expect(page.getByTestId('ticket-detail')).toContainText('ana@example.com');
      await bothSchemes(page, 'console-ticket', true);
    });

    await test.step("a lead's dashboard", async () => {
      // axe needs a page of its own context (not browser.newPage()).
      const context = await browser.newContext({ viewport: { width: 1366, height: 850 } });
      const lead = await context.newPage();
      try {
        await signInToNewConsole(lead, server.url, ADMIN, hosts);
        await lead.getByRole('button', { name: 'Dashboard' }).click();
        await expect(lead.getByTestId('kpi-waiting')).toBeVisible();
        await expect(lead.getByTestId('chart-caption')).toContainText('live from the server');
        await bothSchemes(lead, 'console-dashboard', true);
      } finally {
        await context.close();
      }
    });
  });
});
