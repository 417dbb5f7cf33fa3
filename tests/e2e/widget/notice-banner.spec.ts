// A lead's system notice reaches the support page live and is there for a page opened later; clearing removes it.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { SystemNotice } from '../../../src-shared/notice';
import { callOk, connectAgent, type AgentSocket } from '../../support/socket-clients';
import type { TestServer } from '../../support/start-server';
import { shot, startWidgetServer } from './support-page';

const DEMO_PASSWORD = 'demo-password-for-e2e';
let server: TestServer;
let lead: AgentSocket | null = null;

test.beforeEach(async () => {
  server = await startWidgetServer({ demoPassword: DEMO_PASSWORD });
});

test.afterEach(async ({ page }) => {
  await page.close();
  lead?.disconnect();
  lead = null;
  await server.stop();
});

test('a notice posted by the demo admin shows live on an open support page, on a newly opened one, and goes when cleared', async ({ page, browser }) => {
  const tokens = await server.login('admin@switchboard.local', DEMO_PASSWORD);
  lead = (await connectAgent(server.url, tokens.accessToken)).socket;

  await page.goto(`${server.url}/support`);
  await expect(page.getByRole('heading', { name: 'CONTACT US' })).toBeVisible();
  await expect(page.locator('.sb-notice')).toHaveCount(0);

  // Posted while the page is open: the banner appears without a reload, in a polite live region.
  const posted = await callOk<SystemNotice>(lead, 'notice:set', {
    clientId: randomUUID(),
    notice: { severity: 'warning', text: 'Live streams are slow to start; we are on it.' },
  });
  expect(posted.text).toBe('Live streams are slow to start; we are on it.');
  const banner = page.getByRole('status').filter({ hasText: 'Live streams are slow to start' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Heads up');
  await shot(page, '20-notice-banner');

  // A page opened afterwards gets the current notice when it connects.
  const later = await browser.newPage();
  try {
    await later.goto(`${server.url}/support`);
    await expect(later.getByRole('status').filter({ hasText: 'Live streams are slow to start' })).toBeVisible();

    // An outage replaces it, announced as an alert on both pages.
    await callOk(lead, 'notice:set', { clientId: randomUUID(), notice: { severity: 'outage', text: 'Streaming is down.' } });
    await expect(page.getByRole('alert').filter({ hasText: 'Streaming is down.' })).toBeVisible();
    await expect(later.getByRole('alert').filter({ hasText: 'Streaming is down.' })).toBeVisible();
    await expect(page.getByText('Live streams are slow to start')).toHaveCount(0);

    // Cleared: the banner goes everywhere.
    await callOk(lead, 'notice:set', { clientId: randomUUID(), notice: null });
    await expect(page.locator('.sb-notice')).toHaveCount(0);
    await expect(later.locator('.sb-notice')).toHaveCount(0);
  } finally {
    await later.close();
  }
});
