// Issue 14, item 3: the console shows closed hours. With every department closed the queue says so and when the
// first one opens (in the specialist's own time), Accept next is off and says why, and the view turns open by
// itself at the opening; a chat still waiting in a closed department can be accepted; with one department open
// the queue works as usual. The server and the browser run on the same fake instant.
import { test, expect, type Page } from '@playwright/test';
import { getDepartment, upsertDepartment } from '../../../src-server/db/departments';
import { startServer, type TestServer } from '../../support/start-server';
import { DANA, DEMO_PASSWORD, artifacts, signInToNewConsole, visitorRequestsChat, type ConsoleHost } from './console-stack';

// The specialist works from London: New York's 9:00 AM opening is 2:00 PM for them (GMT in November).
test.use({ timezoneId: 'Europe/London', viewport: { width: 1366, height: 850 } });

/** Thursday 19 Nov 2026, 8:58 in New York: every seeded department is closed, the first opens at 9:00. */
const THU_0858_NY = Date.UTC(2026, 10, 19, 13, 58);
/** Wednesday 18 Nov 2026, 18:58 in New York: only the 9–19 departments are still open, for two minutes. */
const WED_1858_NY = Date.UTC(2026, 10, 18, 23, 58);
/** Wednesday 18 Nov 2026, 20:00 in New York (all closed) and 17:00 in Los Angeles. */
const WED_20_NY = Date.UTC(2026, 10, 19, 1, 0);

const servers: TestServer[] = [];
const hosts: ConsoleHost[] = [];

test.afterEach(async ({ page }) => {
  await page.close();
  for (const h of hosts.splice(0)) await h.stop();
  for (const s of servers.splice(0)) await s.stop();
});

/** The support server at `now`, with Technical as pick-from-queue (so visitors wait) and optionally other hours. */
async function serverAt(now: number, technicalSchedule?: { zone: string }): Promise<TestServer> {
  const server = await startServer({ demoPassword: DEMO_PASSWORD, now });
  servers.push(server);
  const technical = await getDepartment(server.app.ctx.db, 'technical');
  if (!technical) throw new Error('no technical department');
  const schedule = technicalSchedule ? { ...technical.schedule, ...technicalSchedule } : technical.schedule;
  await upsertDepartment(server.app.ctx.db, { ...technical, routing: 'pick', schedule });
  await server.app.chat.refreshAvailability();
  return server;
}

/** Dana's console, its browser clock starting at `now` and flowing from there. */
async function danaAt(page: Page, server: TestServer, now: number): Promise<void> {
  await page.clock.install({ time: now });
  await signInToNewConsole(page, server.url, DANA, hosts);
  await expect(page.getByTestId('connection')).toContainText('Online');
}

const acceptNext = (page: Page) => page.getByRole('region', { name: 'My status' }).getByRole('button', { name: 'Accept next' });

test('every department closed: the queue says when the first opens, Accept next is off and says why, and it opens on time', async ({ page }) => {
  const server = await serverAt(THU_0858_NY);
  await danaAt(page, server, THU_0858_NY);

  const closed = 'All your departments are closed — next opening Thu 2:00 PM.';
  await expect(page.getByRole('heading', { name: 'All queues' })).toBeVisible();
  await expect(page.getByTestId('queue-closed')).toHaveText(closed);
  for (const id of ['av-media', 'finance', 'technical']) {
    await expect(page.getByTestId(`queue-hours-${id}`)).toHaveText('Closed · opens Thu 2:00 PM');
    await expect(page.getByTestId(`queue-hours-link-${id}`)).toHaveText('Closed · opens Thu 2:00 PM');
  }
  await expect(page.locator('.queue-view')).not.toContainText('Nobody waiting');
  await expect(page.getByTestId('queue-list-technical')).toContainText('Closed: no new chats until Thu 2:00 PM.');
  await expect(acceptNext(page)).toBeDisabled();
  await expect(acceptNext(page)).toHaveAccessibleDescription(closed);
  await expect(acceptNext(page)).toHaveAttribute('title', closed);
  await expect(page.getByTestId('queue-list-technical').getByRole('button', { name: 'Accept next' })).toBeDisabled();
  await page.screenshot({ path: `${artifacts}/30-queue-all-closed.png` });

  // 9:00 in New York: every department opens by itself, without a reload.
  await page.clock.fastForward('03:00');
  await expect(page.getByTestId('queue-closed')).toHaveCount(0);
  await expect(page.getByTestId('queue-hours-technical')).toHaveText('Open now');
  await expect(page.getByTestId('queue-hours-link-finance')).toHaveText('Open now');
  await expect(page.getByTestId('queue-list-technical')).toContainText('Nobody waiting.');
  await expect(acceptNext(page)).toBeDisabled();
  await expect(acceptNext(page)).toHaveAccessibleDescription('Nobody is waiting.');
});

test('a chat still waiting when its department closes can be accepted', async ({ page }) => {
  const server = await serverAt(WED_1858_NY);
  await danaAt(page, server, WED_1858_NY);
  await visitorRequestsChat(server, { email: 'late@example.com', departmentId: 'technical', question: 'Stream stopped just before seven' });
  const row = page.getByTestId('waiting-row').filter({ hasText: 'late@example.com' });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('queue-hours-technical')).toHaveText('Open now');

  // 19:01 in New York: Technical (and every other department) is now closed, the visitor still waits.
  await server.clock.advance(3 * 60_000);
  await page.clock.fastForward('03:00');
  await expect(page.getByTestId('queue-hours-technical')).toHaveText('Closed · opens Thu 2:00 PM');
  await expect(page.getByTestId('queue-closed')).toHaveText('All your departments are closed — next opening Thu 2:00 PM. Chats already waiting can still be accepted.');
  await expect(row.getByRole('button', { name: 'Accept chat with late@example.com' })).toBeEnabled();
  await expect(page.getByTestId('queue-list-technical').getByRole('button', { name: 'Accept next' })).toBeEnabled();
  await expect(acceptNext(page)).toBeEnabled();
  await expect(acceptNext(page)).toHaveAttribute('title', 'Alt N');
  await page.screenshot({ path: `${artifacts}/31-queue-closed-waiting.png` });

  await acceptNext(page).click();
  await expect(page.getByTestId('chat-pane').filter({ hasText: 'late@example.com' })).toBeVisible();
});

test('one department open: it reads open, the others when they open, and the queue works as usual', async ({ page }) => {
  // Technical keeps Los Angeles hours, so at 17:00 there it alone is open.
  const server = await serverAt(WED_20_NY, { zone: 'America/Los_Angeles' });
  await danaAt(page, server, WED_20_NY);

  await expect(page.getByTestId('queue-hours-technical')).toHaveText('Open now');
  await expect(page.getByTestId('queue-hours-link-technical')).toHaveText('Open now');
  await expect(page.getByTestId('queue-hours-finance')).toHaveText('Closed · opens Thu 2:00 PM');
  await expect(page.getByTestId('queue-closed')).toHaveCount(0);
  await expect(page.getByTestId('queue-list-technical')).toContainText('Nobody waiting.');
  await expect(acceptNext(page)).toBeDisabled();
  await expect(acceptNext(page)).toHaveAccessibleDescription('Nobody is waiting.');
  await page.screenshot({ path: `${artifacts}/32-queue-one-open.png` });

  await visitorRequestsChat(server, { email: 'open@example.com', departmentId: 'technical', question: 'Audio drops in the breakout room' });
  await expect(page.getByTestId('waiting-row').filter({ hasText: 'open@example.com' })).toBeVisible();
  await expect(acceptNext(page)).toBeEnabled();
  await acceptNext(page).click();
  await expect(page.getByTestId('chat-pane').filter({ hasText: 'open@example.com' })).toBeVisible();
});
