// Issue 14: with one department open (its specialist online) and the others closed, the tab reads CHAT, the open
// department is preselected and marked "open now", and each closed one says when it opens in the customer's own zone.
import { expect, test } from '@playwright/test';
import { getDepartment, upsertDepartment } from '../../../src-server/db/departments';
import { callOk } from '../../support/socket-clients';
import type { TestServer } from '../../support/start-server';
import { departmentOption, departmentPicker, shot, startHostPage, startWidgetServer } from './support-page';

/** Wednesday 18 Nov 2026, 20:00 in New York (every seeded department closed) and 17:00 in Los Angeles. */
const NOW = Date.UTC(2026, 10, 19, 1, 0);

// The customer is in London: New York's Thursday 9:00 opening is 2:00 PM for them.
test.use({ timezoneId: 'Europe/London' });

let server: TestServer;
let host: Awaited<ReturnType<typeof startHostPage>>;

test.beforeEach(async () => {
  server = await startWidgetServer({ now: NOW });
  host = await startHostPage(`${server.url}/widget.js`);
  // Technical works Los Angeles hours, so it alone is inside its hours now; the others keep New York's.
  const technical = await getDepartment(server.app.ctx.db, 'technical');
  if (!technical) throw new Error('no technical department');
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '19:00' }));
  await upsertDepartment(server.app.ctx.db, { ...technical, schedule: { zone: 'America/Los_Angeles', weekly: weekdays, holidays: [] } });
  await server.app.chat.refreshAvailability();
});

test.afterEach(async ({ page }) => {
  // Close the page first so no request of it is still in flight while the server shuts down.
  await page.close();
  await host.close();
  await server.stop();
});

test('one open department: the tab reads CHAT, it is preselected and marked open now, closed ones show their next opening', async ({ page }) => {
  const dana = await server.connectSpecialist({ displayName: 'Dana Reyes', departmentIds: ['technical'] });

  // The embedded tab: CHAT, because one department can chat, though the first in the list is closed.
  await page.setViewportSize({ width: 1366, height: 850 });
  await page.goto(host.url);
  const tab = page.getByTestId('support-tab');
  await expect(tab).toHaveText('CHAT');
  await tab.hover();
  await expect(page.getByTestId('support-tab-hours')).toContainText('Chat with us');

  await tab.click();
  const panel = page.frameLocator('iframe[title="Customer support"]');
  const picker = departmentPicker(panel);
  await expect(picker).toContainText('Technical');
  await expect(picker).toContainText('open now');
  await expect(panel.getByTestId('chat-status')).toContainText('A specialist is available to chat now');
  await expect(panel.getByRole('button', { name: 'CHAT WITH US' })).toBeVisible();

  // The list marks every department.
  await picker.click();
  await expect(departmentOption(panel, 'technical')).toContainText('open now');
  await expect(departmentOption(panel, 'technical')).toHaveAttribute('aria-selected', 'true');
  await expect(departmentOption(panel, 'finance')).toContainText('opens Thu 2:00 PM');
  await expect(departmentOption(panel, 'av-media')).toContainText('opens Thu 2:00 PM');
  // Escape closes the list only, not the panel.
  await picker.press('Escape');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByRole('heading', { name: 'CONTACT US' })).toBeVisible();

  // The support page itself, for a customer whose saved choice (Finance) is closed: the open department wins.
  await page.addInitScript(() => localStorage.setItem('switchboard.department', 'finance'));
  await page.goto(`${server.url}/support`);
  const pagePicker = departmentPicker(page);
  await expect(pagePicker).toContainText('Technical');
  await pagePicker.click();
  await expect(page.getByRole('listbox', { name: 'Request Chat With' })).toBeVisible();
  await expect(departmentOption(page, 'canadian-spot')).toContainText('opens Thu 2:00 PM');
  await shot(page, '40-department-picker-1366');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '41-department-picker-390', { fullPage: true });

  // Keyboard: Escape closes, Space opens, End moves to the last department, Enter chooses it.
  await pagePicker.press('Escape');
  await expect(pagePicker).toHaveAttribute('aria-expanded', 'false');
  await pagePicker.press('Space');
  await expect(pagePicker).toHaveAttribute('aria-expanded', 'true');
  await pagePicker.press('End');
  await pagePicker.press('Enter');
  await expect(pagePicker).toHaveAttribute('aria-expanded', 'false');
  await expect(pagePicker).toContainText('Canadian Spot');
  await expect(page.getByRole('button', { name: 'EMAIL US' })).toBeVisible();

  // Dana steps away: Technical is still inside its hours but nobody can chat, and the tab flips to HELP live.
  await page.setViewportSize({ width: 1366, height: 850 });
  await page.goto(host.url);
  await expect(tab).toHaveText('CHAT');
  await callOk(dana.socket, 'status:set', { status: 'away' });
  await expect(tab).toHaveText('HELP');
  // "Offline", as the support docs say, not "closed": Technical's hours still run.
  await tab.hover();
  await expect(page.getByTestId('support-tab-hours')).toContainText('Chat is offline: email us');
  await tab.click();
  await departmentPicker(panel).click();
  await expect(departmentOption(panel, 'technical')).toContainText('no one available');
});
