// When the server goes away the console says so, keeps working from its cache, and counts what is unsent.
import { test, expect } from '@playwright/test';
import { DANA, artifacts, startConsoleHost, startSupportServer, submitSignIn, visitorRequestsChat } from './console-stack';

test('losing the server shows reconnecting/offline with the unsent count, and a reply waits as pending', async ({ page }) => {
  test.setTimeout(90_000);
  const server = await startSupportServer();
  const host = await startConsoleHost(server.url);
  let serverStopped = false;
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await submitSignIn(page, host.url, server.url, DANA);
    await expect(page.getByTestId('connection')).toContainText('Online');

    await visitorRequestsChat(server, { email: 'eve@example.com', departmentId: 'finance', question: 'Where is my invoice?' });
    await page.getByRole('button', { name: /Chats/ }).click();
    await page.getByTestId('chat-tab').filter({ hasText: 'eve@example.com' }).click();
    const pane = page.getByTestId('chat-pane').filter({ hasText: 'eve@example.com' });
    await expect(pane.getByTestId('transcript')).toContainText('Where is my invoice?');

    await server.stop();
    serverStopped = true;
    await expect(page.getByTestId('connection')).toContainText(/Reconnecting|Offline/, { timeout: 20_000 });

    await pane.getByRole('textbox', { name: 'Message' }).fill('I will check as soon as we are back');
    await pane.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect(pane.getByTestId('transcript')).toContainText('I will check as soon as we are back');
    await expect(pane.getByTestId('transcript')).toContainText('Sending…');
    await expect(page.getByTestId('connection')).toContainText('1 unsent');
    await page.screenshot({ path: `${artifacts}/12-offline.png` });
  } finally {
    await host.stop();
    if (!serverStopped) await server.stop();
  }
});
