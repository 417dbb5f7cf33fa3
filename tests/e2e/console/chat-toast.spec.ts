// The new-chat toast in the console (browser mode, real server): a button that opens the chat, announced politely
// without taking focus, kept until dismissed or until the chat is taken, with its own close button.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { callOk } from '../../support/socket-clients';
import type { TestServer } from '../../support/start-server';
import { expectAccessible } from '../support-axe';
import { DANA, artifacts, signInToNewConsole, startSupportServer, visitorRequestsChat, type ConsoleHost } from './console-stack';

let server: TestServer;
const hosts: ConsoleHost[] = [];

test.beforeAll(async () => {
  // Technical lets specialists pick from the queue, so a new visitor waits and the toast says so.
  server = await startSupportServer(['technical']);
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  await server?.stop();
});

test('a new-chat toast opens the waiting chat, stays until dismissed or taken, and never takes focus', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 850 });
  await signInToNewConsole(page, server.url, DANA, hosts);
  // Live changes notify; what the first sync brings in does not, so the chat arrives once the console is online.
  await expect(page.getByTestId('connection')).toContainText('Online');
  await page.getByRole('button', { name: 'Tickets' }).click();
  // The specialist is working somewhere else (focus on the Tickets button) when the chat arrives.
  const typingHere = page.getByRole('button', { name: 'Tickets' });
  await typingHere.focus();
  await expect(typingHere).toBeFocused();

  const region = page.getByRole('status', { name: 'Notifications' });
  await expect(region).toHaveAttribute('aria-live', 'polite');
  const toasts = page.getByTestId('chat-toast');

  await test.step('announced politely, without stealing focus, and still there well after the old 4 seconds', async () => {
    await visitorRequestsChat(server, { email: 'ana@example.com', departmentId: 'technical', question: 'My stream is black' });
    const toast = toasts.filter({ hasText: 'ana@example.com' });
    await expect(toast).toBeVisible();
    await expect(region.getByTestId('chat-toast')).toHaveCount(1);
    await expect(toast.getByRole('button', { name: /Chat waiting.*ana@example\.com/ })).toBeVisible();
    await expect(typingHere).toBeFocused();
    await page.screenshot({ path: `${artifacts}/20-chat-toast.png` });
    await expectAccessible(page, 'console-chat-toast');
    await page.waitForTimeout(6_500);
    await expect(toast).toBeVisible();
  });

  await test.step('its close button dismisses it', async () => {
    await toasts.filter({ hasText: 'ana@example.com' }).getByRole('button', { name: 'Dismiss “Chat waiting”' }).click();
    await expect(toasts).toHaveCount(0);
  });

  await test.step('clicking it opens the queue with that chat’s Accept button focused; Enter accepts', async () => {
    await visitorRequestsChat(server, { email: 'ben@example.com', departmentId: 'technical', question: 'No sound' });
    await toasts.filter({ hasText: 'ben@example.com' }).getByRole('button', { name: /^Chat waiting/ }).click();
    await expect(toasts).toHaveCount(0);
    const accept = page.getByRole('button', { name: 'Accept chat with ben@example.com' });
    await expect(accept).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('chat-pane').filter({ hasText: 'ben@example.com' })).toBeVisible();
  });

  await test.step('it goes by itself once another specialist takes the chat', async () => {
    await page.getByRole('button', { name: 'Tickets' }).click();
    const other = await server.connectSpecialist({ displayName: 'Omar', departmentIds: ['technical'] });
    // The core shows one notification per 2 s (notification-policy.ts); accepting Ben's chat just raised one.
    await page.waitForTimeout(2_500);
    const cid = await visitorRequestsChat(server, { email: 'cid@example.com', departmentId: 'technical', question: 'Cannot log in' });
    await expect(toasts.filter({ hasText: 'cid@example.com' })).toBeVisible();
    await callOk(other.socket, 'chat:accept', { clientId: randomUUID(), conversationId: cid.state.conversation.id });
    await expect(toasts.filter({ hasText: 'cid@example.com' })).toHaveCount(0);
  });
});
