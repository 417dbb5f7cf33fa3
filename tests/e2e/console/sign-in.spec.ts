// The sign-in form in browser mode (issue 14, item 4): it shows the server the console was started with, names
// the address it could not reach, explains a page opened without its launch link; and the server's own address
// opened in a browser says what it is.
import { test, expect } from '@playwright/test';
import { createServer } from 'node:net';
import { artifacts, DANA, startConsoleHost, startSupportServer, submitSignIn, type ConsoleHost } from './console-stack';
import type { TestServer } from '../../support/start-server';

let server: TestServer;
let host: ConsoleHost;

test.beforeAll(async () => {
  // Port 0: never the 4080 the form used to show whatever the console was started with.
  server = await startSupportServer();
  host = await startConsoleHost(server.url);
});

test.afterAll(async () => {
  await host?.stop();
  await server?.stop();
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 850 });
});

/** An address on 127.0.0.1 where nothing listens: a port the OS just handed out and took back. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const address = probe.address();
  await new Promise<void>((ok) => probe.close(() => ok()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

test('the sign-in form shows the server the console was started with', async ({ page }) => {
  expect(new URL(server.url).port).not.toBe('4080');
  await page.goto(host.url);
  await expect(page.getByLabel('Server')).toHaveValue(server.url);
  // The settings keep arriving after the first render; the value must not flip back to a default.
  await page.waitForTimeout(500);
  await expect(page.getByLabel('Server')).toHaveValue(server.url);
  await page.getByLabel('Email').fill(DANA);
  await page.screenshot({ path: `${artifacts}/01-sign-in.png` });
});

test('a server that cannot be reached is named in the error', async ({ page }) => {
  const wrong = await closedPortUrl();
  await submitSignIn(page, host.url, wrong, DANA);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('cannot be reached');
  await expect(alert).toContainText(wrong);
  await page.screenshot({ path: `${artifacts}/01-sign-in-unreachable.png` });
});

test('the console opened without its launch secret says to use the link npm start printed', async ({ page }) => {
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(`${new URL(host.url).origin}/`);
  await expect(page.getByRole('heading', { name: 'Open the console from its link' })).toBeVisible();
  await expect(page.locator('main')).toContainText('npm start');
  await expect(page.locator('main')).toContainText('#secret=');
  // No dead form and no socket the host would refuse over and over.
  await expect(page.getByLabel('Server')).toHaveCount(0);
  await expect(page.getByTestId('connection')).toHaveCount(0);
  expect(sockets).toEqual([]);
  await page.screenshot({ path: `${artifacts}/01-sign-in-no-launch-secret.png` });
});

test("the server's own address in a browser says what it is and links to the customer page", async ({ page }) => {
  const response = await page.goto(`${server.url}/`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Switchboard support server' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'open the support page' })).toHaveAttribute('href', '/support');
  await page.screenshot({ path: `${artifacts}/01-server-root.png` });
});
