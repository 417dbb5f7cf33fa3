// A chat survives a page reload (same conversation, full history) and a lost connection ("Reconnecting…"): messages
// written while offline are kept and delivered once when the connection is back.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { Conversation } from '../../../src-shared/conversation';
import type { EventEnvelope } from '../../../src-shared/events';
import { callOk } from '../../support/socket-clients';
import type { TestServer } from '../../support/start-server';
import { departmentPicker, shot, startWidgetServer } from './support-page';

let server: TestServer;

test.beforeEach(async () => {
  server = await startWidgetServer();
});

test.afterEach(async ({ page }) => {
  // Close the page first so no request of it is still in flight while the server shuts down.
  await page.close();
  await server.stop();
});

const bodiesOf = (events: EventEnvelope[], conversationId: string) =>
  events.flatMap((e) => (e.type === 'message.created' && e.payload.conversationId === conversationId ? [e.payload.body] : []));

test('reloading mid-chat resumes the same chat, and messages written while reconnecting are sent once', async ({ page }) => {
  const dana = await server.connectSpecialist({ displayName: 'Dana Reyes' });
  await page.goto(`${server.url}/support`);
  await expect(page.getByRole('button', { name: 'CHAT WITH US' })).toBeVisible();
  // Keyboard only: Tab through Your Email, Request Chat With (first department), Your Question, then the button.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Your Email')).toBeFocused();
  await page.keyboard.type('lee@example.com');
  await page.keyboard.press('Tab');
  await expect(departmentPicker(page)).toBeFocused();
  await expect(departmentPicker(page)).toContainText('AV Media');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Where is my invoice?');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'CHAT WITH US' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Auto routing: Dana is free, so the chat is assigned at once.
  await expect(page.getByTestId('specialist-name')).toHaveText('Dana Reyes');
  const assigned = await dana.inbox.nextEvent('conversation.updated', (e) => e.payload.visitorEmail === 'lee@example.com' && e.payload.state !== 'queued');
  const conversation: Conversation = assigned.payload;

  await page.getByLabel('Message').fill('It was due on Monday.');
  await page.getByLabel('Message').press('Enter');
  await dana.inbox.nextEvent('message.created', (e) => e.payload.body === 'It was due on Monday.');

  // Reload: same conversation, same history, and the chat goes on.
  await page.reload();
  await expect(page.getByTestId('specialist-name')).toHaveText('Dana Reyes');
  await expect(page.getByText('Where is my invoice?')).toBeVisible();
  await expect(page.getByText('It was due on Monday.')).toBeVisible();
  await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: conversation.id, body: 'Let me check that for you.' });
  await expect(page.getByText('Let me check that for you.')).toBeVisible();
  await page.getByLabel('Message').fill('Thanks!');
  await page.getByLabel('Message').press('Enter');
  await dana.inbox.nextEvent('message.created', (e) => e.payload.body === 'Thanks!' && e.payload.conversationId === conversation.id);

  // Lose the connection: the server drops the socket and the page cannot reach it until we let it.
  await page.route('**/socket.io/**', (route) => route.abort());
  server.app.io.of('/visitor').disconnectSockets(true);
  await expect(page.getByTestId('reconnecting')).toBeVisible();
  await page.getByLabel('Message').fill('Are you still there?');
  await page.getByLabel('Message').press('Enter');
  await expect(page.getByTestId('pending-message')).toContainText('Waiting for connection');
  // A message the specialist sends meanwhile is caught up after reconnecting.
  await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: conversation.id, body: 'Found it: paid on Tuesday.' });
  await shot(page, '14-reconnecting');
  expect(bodiesOf(dana.inbox.events(), conversation.id)).not.toContain('Are you still there?');
  await page.unroute('**/socket.io/**');

  await dana.inbox.nextEvent('message.created', (e) => e.payload.body === 'Are you still there?');
  await expect(page.getByTestId('reconnecting')).toHaveCount(0);
  await expect(page.getByTestId('pending-message')).toHaveCount(0);
  await expect(page.getByTestId('chat-message').filter({ hasText: 'Are you still there?' })).toHaveCount(1);
  await expect(page.getByText('Found it: paid on Tuesday.')).toBeVisible();
  expect(bodiesOf(dana.inbox.events(), conversation.id).filter((b) => b === 'Are you still there?')).toHaveLength(1);
  await shot(page, '15-reconnected');

  // Offline again, and the page is reloaded before the connection returns: the unsent message survives in storage.
  await page.route('**/socket.io/**', (route) => route.abort());
  server.app.io.of('/visitor').disconnectSockets(true);
  await expect(page.getByTestId('reconnecting')).toBeVisible();
  await page.getByLabel('Message').fill('One more thing.');
  await page.getByLabel('Message').press('Enter');
  await expect(page.getByTestId('pending-message')).toContainText('Waiting for connection');
  await page.reload();
  await expect(page.getByText('Reconnecting to your chat')).toBeVisible();
  await page.unroute('**/socket.io/**');
  await dana.inbox.nextEvent('message.created', (e) => e.payload.body === 'One more thing.');
  await expect(page.getByTestId('chat-message').filter({ hasText: 'One more thing.' })).toHaveCount(1);
  await expect(page.getByTestId('pending-message')).toHaveCount(0);
  expect(bodiesOf(dana.inbox.events(), conversation.id).filter((b) => b === 'One more thing.')).toHaveLength(1);

  // The window works on a 320 px wide phone: nothing scrolls sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(page.getByRole('button', { name: 'SEND' })).toBeVisible();
  // A string expression: this file is typechecked without DOM types.
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
  await shot(page, '16-chat-320px');

  // The visitor can leave: the chat ends for both sides.
  await page.getByRole('button', { name: 'End chat' }).click();
  await expect(page.getByTestId('chat-ended')).toBeVisible();
  await dana.inbox.nextEvent('conversation.updated', (e) => e.payload.id === conversation.id && e.payload.endReason === 'visitor_left');
});
