// Administration in the console against the real server (issue 14): an admin opens a department's hours, sees the
// next openings previewed as they edit, saves, and the customer support page flips to "open now" live; a customer
// chats in that one open department and the agent answers with a canned response the admin just wrote
// ({visitor.email} filled), then solves the ticket; the admin creates an account (password shown once), posts a
// notice the support page shows, and reads the audit; the new lead sees the admin screens read-only.
import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { ADMIN, DANA, DEMO_PASSWORD, artifacts, startConsoleHost, type ConsoleHost } from './console-stack';
import { startServer, type TestServer } from '../../support/start-server';
import { departmentOption, departmentPicker } from '../widget/support-page';
import { expectAccessible } from '../support-axe';

/** Wednesday 18 Nov 2026, 20:00 in New York (every seeded department closed) and 17:00 in Los Angeles. */
const NOW = Date.UTC(2026, 10, 19, 1, 0);

// The admin reads hours from London: the preview shows the department's zone and theirs.
test.use({ timezoneId: 'Europe/London' });

let server: TestServer;
let stopped = false;
const hosts: ConsoleHost[] = [];

test.beforeAll(async () => {
  // The built widget serves /support; the server's clock stands still at NOW.
  server = await startServer({ demoPassword: DEMO_PASSWORD, now: NOW, env: { WIDGET_DIR: resolve('dist/widget') } });
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  if (!stopped) await server?.stop();
});

/** A console of its own for `page`, signed in as `email` with `password`. */
async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const host = await startConsoleHost(server.url);
  hosts.push(host);
  await page.goto(host.url);
  await page.getByLabel('Server').fill(server.url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('my-load')).toBeVisible();
  await expect(page.getByTestId('connection')).toContainText('Online');
}

/** A 1366×850 screenshot of the screen as it is, and axe on it (serious or critical findings fail, softly). */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}/${name}.png`, animations: 'disabled' });
  await expectAccessible(page, name);
}
const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Administration sections' }).getByRole('tab', { name });

test('an admin changes a department’s hours with a live preview, and the customer, the agent and a lead see it all live', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 850 });
  // The preview counts from the browser's clock: the same instant as the server's.
  await page.clock.setFixedTime(NOW);
  await signIn(page, ADMIN);
  // The admin is in every department; away, so the customer's chat goes to Dana.
  await page.getByLabel('Status', { exact: true }).selectOption('away');

  // Pages of their own contexts (axe needs one per page).
  const newPage = async (viewport = { width: 1366, height: 850 }) => (await browser.newContext({ viewport, timezoneId: 'Europe/London' })).newPage();
  const agent = await newPage();
  await signIn(agent, DANA);

  const support = await newPage({ width: 1100, height: 800 });
  await support.goto(`${server.url}/support`);
  const picker = departmentPicker(support);

  await test.step('every department is closed for the customer to begin with', async () => {
    await picker.click();
    await expect(departmentOption(support, 'technical')).toContainText('opens');
    await picker.press('Escape');
  });

  await test.step('the admin opens Admin: departments in order, with their hours', async () => {
    await page.getByRole('button', { name: 'Admin', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Administration', level: 1 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Department order' }).getByRole('listitem')).toHaveCount(5);
    await page.getByRole('button', { name: 'Technical', exact: true }).click();
    const form = page.getByRole('form', { name: 'Department Technical' });
    await form.getByLabel(/^Greeting/).fill('Hi {visitor.emial}, {specialist.name} here.');
    await expect(form.getByTestId('unknown-variables')).toContainText('{visitor.emial}');
    await form.getByLabel(/^Greeting/).fill('Hi {visitor.email}, {specialist.name} from {department.name} here.');
    await expect(form.getByTestId('unknown-variables')).toHaveCount(0);
    await expect(form.getByTestId('template-preview')).toHaveText('Hi pat.customer@example.com, Admin from Technical here.');
    await shot(page, '50-admin-departments');
    await form.getByRole('button', { name: 'Save department' }).click();
    await expect(form.getByTestId('department-outcome')).toHaveText('Saved.');
  });

  await test.step('hours: a bad time is flagged next to its field; the preview follows every edit before saving', async () => {
    await tab(page, 'Hours').click();
    await page.getByRole('combobox', { name: /^Department/ }).selectOption('technical');
    const hours = page.getByRole('form', { name: 'Hours of Technical' });
    const preview = page.getByTestId('openings-preview');
    await expect(preview).toContainText('Closed now.');
    await expect(preview.getByTestId('opening-row')).toHaveCount(5);
    await expect(preview.getByTestId('opening-row').first()).toContainText('Thu 19 Nov 09:00 – 19:00');
    await expect(preview).toContainText('Times in America/New York; below each, your time (Europe/London).');
    await expect(preview.getByTestId('opening-row').first()).toContainText('Thu 19 Nov 14:00 – 24:00');

    // Saturday mornings, with a typo first: the shared schema's message shows by the field.
    await hours.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await hours.getByLabel('Saturday opens').fill('10:00');
    await hours.getByLabel('Saturday closes').fill('25:00');
    await hours.getByLabel('Saturday closes').blur();
    await expect(hours.getByTestId('hours-saturday')).toContainText('expected "HH:mm" between 00:00 and 24:00');
    await expect(preview).toContainText('The preview returns once the hours are valid.');
    await hours.getByLabel('Saturday closes').fill('14:00');
    await expect(hours.getByTestId('hours-saturday').getByRole('alert')).toHaveCount(0);

    // Pacific time: 17:00 there now, inside the hours — open now, and the preview says so at once.
    await hours.getByLabel(/^Time zone/).selectOption('America/Los_Angeles');
    await expect(preview).toContainText('Open now.');
    await expect(preview.getByTestId('opening-row').first()).toContainText('Wed 18 Nov 17:00 – 19:00');
    await expect(preview.getByTestId('opening-row').first()).toContainText('open now');
    await expect(preview.getByTestId('opening-row').first()).toContainText('Thu 19 Nov 01:00 – 03:00');

    // Thanksgiving off: the preview skips Thursday.
    await hours.getByLabel('Holiday date').fill('2026-11-26');
    await hours.getByRole('button', { name: 'Add holiday' }).click();
    await expect(hours.getByTestId('holiday')).toHaveText(/Thu 26 Nov 2026/);
    await expect(preview).not.toContainText('Thu 26 Nov');
    await expect(hours.getByText('Unsaved changes')).toBeVisible();
    await shot(page, '51-admin-hours');

    await hours.getByRole('button', { name: 'Save hours' }).click();
    await expect(hours.getByTestId('hours-outcome')).toHaveText('Hours saved.');
    await expect(hours.getByText('Unsaved changes')).toHaveCount(0);
  });

  await test.step('the support page flips Technical to open now, live', async () => {
    await picker.click();
    await expect(departmentOption(support, 'technical')).toContainText('open now');
    await expect(departmentOption(support, 'finance')).toContainText('opens');
    await departmentOption(support, 'technical').click();
    await expect(support.getByTestId('chat-status')).toContainText('available');
    await expect(support.getByRole('button', { name: 'CHAT WITH US' })).toBeVisible();
  });

  await test.step('a new department, and the order customers see it in', async () => {
    await tab(page, 'Departments').click();
    await page.getByRole('button', { name: 'New department…' }).click();
    const form = page.getByRole('form', { name: 'New department' });
    await form.getByLabel('Name', { exact: true }).fill('Live Events');
    await expect(form.getByLabel(/^Id/)).toHaveValue('live-events');
    await shot(page, '50b-admin-new-department');
    await form.getByRole('button', { name: 'Create department' }).click();
    const order = page.getByRole('list', { name: 'Department order' }).getByRole('listitem');
    await expect(order).toHaveCount(6);
    await expect(order.last()).toContainText('Live Events');
    // Technical moves above Finance, for the console and the support page alike.
    await page.getByRole('button', { name: 'Move Technical up' }).click();
    await expect(order.nth(2)).toContainText('Technical');
    await expect(order.nth(3)).toContainText('Finance');
    // Pushed live to the support page too: the new department and the new order.
    await picker.click();
    const options = async () => (await support.locator('[role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).join(' ');
    await expect.poll(options).toBe('av-media production technical finance canadian-spot live-events');
    await picker.press('Escape');
  });

  await test.step('the admin writes a canned response with {visitor.email} for Technical', async () => {
    await tab(page, 'Canned responses').click();
    await expect(page.getByTestId('canned-row-thanks')).toBeVisible();
    await page.getByRole('button', { name: 'New response…' }).click();
    const editor = page.getByRole('form', { name: 'New canned response' });
    await editor.getByLabel('Shared with').selectOption('technical');
    await editor.getByLabel(/^Shortcut/).fill('recap');
    await editor.getByLabel('Title').fill('Recap email');
    await editor.getByLabel('Text').fill('I will send the recap to {visitor.email}. — {specialist.name}');
    await expect(editor.getByTestId('template-preview')).toHaveText('I will send the recap to pat.customer@example.com. — Admin');
    await shot(page, '53-admin-canned');
    await editor.getByRole('button', { name: 'Create response' }).click();
    await expect(editor.getByTestId('canned-outcome')).toHaveText('Saved.');
    await expect(page.getByTestId('canned-row-recap')).toBeVisible();
  });

  const ticketId = await test.step('a customer chats in Technical; Dana answers with /recap, filled for them, and solves the ticket', async () => {
    await support.getByLabel('Your Email').fill('pat@example.com');
    await support.getByLabel('Your Question').fill('Where will the recap go?');
    await support.getByRole('button', { name: 'CHAT WITH US' }).click();
    await expect(support.getByTestId('specialist-name')).toHaveText('Dana');
    await expect(support.getByText('Hi pat@example.com, Dana from Technical here.')).toBeVisible();

    await agent.getByRole('button', { name: 'Chats' }).click();
    const pane = agent.getByTestId('chat-pane').filter({ hasText: 'pat@example.com' });
    const composer = pane.getByRole('textbox', { name: 'Message' });
    await composer.fill('/rec');
    const list = agent.getByRole('listbox', { name: 'Canned responses' });
    await expect(list).toContainText('/recap');
    await composer.press('Enter');
    await expect(composer).toHaveValue('I will send the recap to pat@example.com. — Dana');
    await shot(agent, '54-agent-canned-filled');
    await composer.press('Enter');
    await expect(support.getByText('I will send the recap to pat@example.com. — Dana')).toBeVisible();

    await pane.getByRole('button', { name: 'End chat' }).click();
    await agent.getByRole('dialog', { name: 'End chat' }).getByRole('button', { name: 'End chat' }).click();
    const detail = agent.getByTestId('ticket-detail');
    await expect(detail).toContainText('pat@example.com');
    const id = Number(/#(\d+)/.exec(await detail.getByRole('heading', { level: 1 }).innerText())?.[1]);
    await detail.getByRole('button', { name: 'Solve…' }).click();
    const solve = agent.getByRole('dialog', { name: `Solve ticket #${id}` });
    await solve.getByPlaceholder('Search resolution types…').fill('explained');
    await solve.getByRole('radio').first().check();
    await solve.getByRole('button', { name: 'Solve ticket' }).click();
    await expect(detail.locator('.ticket-status-control')).toContainText('Solved');
    return id;
  });
  expect(ticketId).toBeGreaterThan(0);

  const leadPassword = await test.step('the admin creates a lead; the generated password shows once', async () => {
    await tab(page, 'Specialists').click();
    await expect(page.getByTestId(`specialist-row-${DANA}`)).toContainText('Online');
    await page.getByRole('button', { name: 'New specialist…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New specialist' });
    await dialog.getByLabel(/^Email/).fill('lee@example.com');
    await dialog.getByLabel('Name customers see').fill('Lee Park');
    await dialog.getByLabel('Role').selectOption('lead');
    await dialog.getByLabel('Technical').check();
    await dialog.getByLabel('Most chats at once').fill('3');
    await shot(page, '52a-admin-new-specialist');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    const created = page.getByRole('dialog', { name: 'Account created' });
    await expect(created.getByTestId('one-time-password')).toContainText('Shown once.');
    await expect(created.getByRole('button', { name: 'Copy' })).toBeVisible();
    const password = (await created.getByTestId('one-time-password-value').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    await shot(page, '52-admin-specialist-password');
    await created.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByTestId('specialist-row-lee@example.com')).toContainText('Lead');
    await shot(page, '52b-admin-specialists');
    return password;
  });

  await test.step('a notice posted from the console shows on the support page', async () => {
    await tab(page, 'Notice banner').click();
    const form = page.getByRole('form', { name: 'Post a notice' });
    await form.getByLabel('Severity').selectOption('warning');
    await form.getByLabel('Notice text').fill('Technical now chats on Pacific time; closed on Thanksgiving.');
    await form.getByRole('button', { name: 'Post notice' }).click();
    await expect(page.getByTestId('current-notice')).toContainText('Technical now chats on Pacific time');
    await expect(support.getByText('Technical now chats on Pacific time; closed on Thanksgiving.')).toBeVisible();
    await shot(page, '55-admin-notice');
  });

  await test.step('the audit lists each change, newest first, with before and after', async () => {
    await tab(page, 'Audit').click();
    const rows = page.getByTestId('audit-row');
    await expect(rows.filter({ hasText: 'Created account' })).toContainText('lee@example.com');
    const schedule = rows.filter({ hasText: 'Changed department' }).filter({ hasText: 'schedule' });
    // Before → after (the arrow reads "became" to a screen reader).
    await expect(schedule).toContainText(/Mon–Fri 9 am to 7 pm Eastern Time →\s*(became)?\s*Mon–Fri 9 am to 7 pm, Sat 10 am to 2 pm Pacific Time; holidays 2026-11-26/);
    const order = await rows.locator('td:nth-child(3)').allInnerTexts();
    const at = (what: string) => order.findIndex((t) => t.startsWith(what));
    expect(at('Created account')).toBeLessThan(at('Saved canned response'));
    expect(at('Saved canned response')).toBeLessThan(at('Changed department'));
    await shot(page, '56-admin-audit');
    // The notice was the last change: it leads the list.
    await expect(rows.first()).toContainText('Set notice banner');
  });

  await test.step('the new lead signs in with that password and sees administration read-only', async () => {
    const lead = await newPage();
    await signIn(lead, 'lee@example.com', leadPassword);
    await lead.keyboard.press('Alt+KeyA');
    await expect(lead.getByRole('heading', { name: 'Administration', level: 1 })).toBeVisible();
    await tab(lead, 'Hours').click();
    await expect(lead.getByTestId('admin-readonly')).toHaveText('Only admins can change this.');
    const hours = lead.getByRole('form', { name: /^Hours of / });
    await expect(hours.getByLabel(/^Time zone/)).toBeDisabled();
    await expect(hours.getByRole('button', { name: 'Save hours' })).toHaveCount(0);
    await shot(lead, '57-admin-lead-hours-read-only');
    await tab(lead, 'Specialists').click();
    await expect(lead.getByRole('button', { name: 'New specialist…' })).toHaveCount(0);
    await expect(lead.getByRole('button', { name: /^Deactivate/ })).toHaveCount(0);
    // Canned responses are the leads' to change.
    await tab(lead, 'Canned responses').click();
    await expect(lead.getByRole('button', { name: 'New response…' })).toBeEnabled();
    // An agent never sees the Admin item.
    await expect(agent.getByRole('button', { name: 'Admin', exact: true })).toHaveCount(0);
    await lead.context().close();
  });

  await test.step('without a connection, administration says so and nothing can be saved', async () => {
    await support.context().close();
    await agent.context().close();
    await server.stop();
    stopped = true;
    await expect(page.getByTestId('admin-offline')).toContainText('You are offline — administration needs a connection');
    await tab(page, 'Notice banner').click();
    await expect(page.getByRole('form', { name: 'Post a notice' }).getByLabel('Notice text')).toBeDisabled();
    await shot(page, '58-admin-offline');
  });
});
