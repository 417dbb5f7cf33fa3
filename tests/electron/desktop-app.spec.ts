// The desktop app (Electron) against a real support server: sign in, accept a waiting chat and reply while the
// main process asks the OS for a notification and a badge; relaunch with the server gone and work from the
// local cache (the reply waits unsent); relaunch with the server back and the reply reaches the customer once.
// The three tests share one server data folder, one port and one userData folder, so they run in order.
import { test, expect, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope, EventsPage } from '../../src-shared/events';
import { defaultDepartments } from '../../src-server/seed';
import { upsertDepartment } from '../../src-server/db/departments';
import { startServer, type TestServer } from '../support/start-server';
import { callOk, type Inbox, type VisitorSocket } from '../support/socket-clients';
import { DEMO_PASSWORD, visitorRequestsChat, type Visitor } from '../e2e/console/console-stack';
import { attentionCalls, badgeRequested, electronSkipReason, keepAppLogs, launchApp, recordAttention, signInAsDana } from './electron-app';

// Skipped with the reason where Electron or the built app is missing (fails instead on GitHub Actions).
const reason = electronSkipReason();
// Skip reason: Electron's binary (not downloadable here) or the built app is missing; on GitHub Actions it is there and this runs.
test.skip(reason !== null, reason ?? undefined);
test.describe.configure({ mode: 'serial' });

const CUSTOMER = 'fay@example.com';
const QUESTION = 'Does my question reach the desktop console?';
const ONLINE_REPLY = 'Hi Fay, answering from the desktop app';
const OFFLINE_REPLY = 'Typed while the server was away, sent when it is back';

const isMessage = (body: string) => (e: EventEnvelope) => e.type === 'message.created' && e.payload.body === body;

let serverDataDir = '';
let userData = '';
let server: TestServer | null = null;
let serverUrl = '';
let port = 0;
let customer: Visitor | null = null;
let reconnected: { socket: VisitorSocket; inbox: Inbox } | null = null;
let running: { app: ElectronApplication; window: Page } | null = null;

/**
 * The support server with the demo accounts on a data folder that outlives it (the restart must see the same
 * chat), on `port` (0 = any). Technical picks from the queue, so the chat waits for Dana to accept it.
 */
async function startDeskServer(onPort: number): Promise<TestServer> {
  const s = await startServer({ demoPassword: DEMO_PASSWORD, dataDir: serverDataDir, env: { PORT: String(onPort) } });
  for (const d of defaultDepartments.filter((x) => x.id === 'technical')) await upsertDepartment(s.app.ctx.db, { ...d, routing: 'pick' });
  return s;
}

async function launch(testInfo: TestInfo, name: string): Promise<{ app: ElectronApplication; window: Page }> {
  running = await launchApp({ serverUrl, userData, logFile: testInfo.outputPath(`${name}-electron.log`) });
  return running;
}

async function quit(): Promise<void> {
  const r = running;
  running = null;
  if (r) await r.app.close();
}

/** The customer's own view of the chat: how many times a message with this body was logged. */
async function loggedTimes(socket: VisitorSocket, body: string): Promise<number> {
  const page = await callOk<EventsPage>(socket as never, 'events:since', { since: 0, limit: 5000 });
  return page.events.filter(isMessage(body)).length;
}

test.beforeAll(async () => {
  serverDataDir = await mkdtemp(join(tmpdir(), 'switchboard-electron-server-'));
  userData = await mkdtemp(join(tmpdir(), 'switchboard-electron-userdata-'));
  server = await startDeskServer(0);
  serverUrl = server.url;
  port = server.port;
});

test.afterEach(async () => {
  const testInfo = test.info();
  if (running && testInfo.status !== testInfo.expectedStatus) {
    await running.window.screenshot({ path: testInfo.outputPath('failure.png') }).catch(() => undefined);
    await keepAppLogs(userData, testInfo.outputPath('app-logs'));
  }
  await quit().catch(() => undefined);
});

test.afterAll(async () => {
  reconnected?.socket.disconnect();
  await server?.stop();
  // Electron may hold files a moment after it exits (Windows).
  for (const dir of [userData, serverDataDir]) if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

test('online: sign in, accept a waiting chat and reply; the main process asks for a notification and a badge', async () => {
  const testInfo = test.info();
  const { app, window } = await launch(testInfo, 'online');
  await recordAttention(app);
  await signInAsDana(window, serverUrl);
  await expect(window.getByTestId('connection')).toContainText('Online');

  await test.step('a customer asks for a chat: it waits in the queue, with a notification and a badge', async () => {
    customer = await visitorRequestsChat(server!, { email: CUSTOMER, departmentId: 'technical', question: QUESTION });
    await expect(window.getByTestId('waiting-row').filter({ hasText: CUSTOMER })).toContainText(QUESTION);
    await expect
      .poll(async () => (await attentionCalls(app)).notifications.some((n) => `${n.title} ${n.body}`.includes(CUSTOMER)), { message: 'a notification about the waiting customer' })
      .toBe(true);
    await expect.poll(async () => badgeRequested(await attentionCalls(app)), { message: 'setBadgeCount(n > 0), or on Windows setOverlayIcon(image)' }).toBe(true);
    const calls = await attentionCalls(app);
    await testInfo.attach('attention-calls.json', { body: JSON.stringify(calls, null, 2), contentType: 'application/json' });
    if (!calls.osSupportsNotifications) testInfo.annotations.push({ type: 'note', description: 'this OS reported no notification support; the request was still recorded' });
  });

  await test.step('Dana accepts it and replies; the customer receives the reply', async () => {
    await window.getByTestId('waiting-row').filter({ hasText: CUSTOMER }).getByRole('button', { name: /Accept/ }).click();
    const pane = window.getByTestId('chat-pane').filter({ hasText: CUSTOMER });
    await expect(pane).toBeVisible();
    const composer = pane.getByRole('textbox', { name: 'Message' });
    await composer.fill(ONLINE_REPLY);
    await composer.press('Enter');
    await customer!.inbox.next<EventEnvelope>('event', isMessage(ONLINE_REPLY));
    await expect(pane.getByTestId('message').filter({ hasText: ONLINE_REPLY })).toHaveCount(1);
    await expect(pane.getByTestId('message').filter({ hasText: ONLINE_REPLY })).not.toContainText('Sending…');
  });

  await quit();
  expect(existsSync(join(userData, 'cache.db')), 'the app keeps its cache in SWITCHBOARD_USER_DATA').toBe(true);
});

test('offline: relaunched with the server stopped, the cached chat shows and a reply waits unsent', async () => {
  const testInfo = test.info();
  await server!.stop();
  server = null;
  const { window } = await launch(testInfo, 'offline');
  const connection = window.getByTestId('connection');
  await expect(connection).toContainText(/Reconnecting|Offline/, { timeout: 20_000 });

  await window.getByRole('button', { name: /Chats/ }).click();
  await window.getByTestId('chat-tab').filter({ hasText: CUSTOMER }).click();
  const pane = window.getByTestId('chat-pane').filter({ hasText: CUSTOMER });
  await expect(pane.getByTestId('transcript')).toContainText(QUESTION);
  await expect(pane.getByTestId('message').filter({ hasText: ONLINE_REPLY })).toHaveCount(1);

  const composer = pane.getByRole('textbox', { name: 'Message' });
  await composer.fill(OFFLINE_REPLY);
  await composer.press('Enter');
  const pending = pane.getByTestId('message').filter({ hasText: OFFLINE_REPLY });
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText('Sending…');
  await expect(connection).toContainText('1 unsent');
  await quit();
});

test('back online: the reply typed offline reaches the customer exactly once', async () => {
  const testInfo = test.info();
  server = await startDeskServer(port);
  expect(server.url).toBe(serverUrl);
  // The customer comes back with the chat token (a page reload); connected first, it sees the reply arrive live.
  reconnected = await server.connectVisitor({ token: customer!.state.token });

  const { window } = await launch(testInfo, 'back-online');
  const connection = window.getByTestId('connection');
  await expect(connection).toContainText('Online', { timeout: 30_000 });
  await expect(connection).not.toContainText('unsent', { timeout: 30_000 });

  const socket = reconnected.socket;
  await expect.poll(() => loggedTimes(socket, OFFLINE_REPLY), { timeout: 30_000, message: 'the offline reply in the chat log' }).toBe(1);
  await expect.poll(() => reconnected!.inbox.events().filter(isMessage(OFFLINE_REPLY)).length, { message: 'the offline reply pushed to the customer' }).toBe(1);

  await window.getByRole('button', { name: /Chats/ }).click();
  await window.getByTestId('chat-tab').filter({ hasText: CUSTOMER }).click();
  const pane = window.getByTestId('chat-pane').filter({ hasText: CUSTOMER });
  const sent = pane.getByTestId('message').filter({ hasText: OFFLINE_REPLY });
  await expect(sent).toHaveCount(1);
  await expect(sent).not.toContainText('Sending…');

  // Any retry of the outbox would have gone out by now: still one copy of each reply, on both sides.
  await window.waitForTimeout(2_000);
  expect(await loggedTimes(socket, OFFLINE_REPLY)).toBe(1);
  expect(await loggedTimes(socket, ONLINE_REPLY)).toBe(1);
  expect(reconnected.inbox.events().filter(isMessage(OFFLINE_REPLY))).toHaveLength(1);
  await expect(pane.getByTestId('message').filter({ hasText: OFFLINE_REPLY })).toHaveCount(1);
  await quit();
});
