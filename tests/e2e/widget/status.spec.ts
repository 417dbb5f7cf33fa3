// Issue 16, system availability: a lead declares an incident and /status shows it; a customer signs in from /status
// and subscribes; the incident is resolved, the subscriber's .eml arrives with List-Unsubscribe and a working
// unsubscribe link, and /status shows the resolution. Also: the portal's nav and the Technical card link here.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { test, expect, type Page } from '@playwright/test';
import type { Incident } from '../../../src-shared/incident';
import type { TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';
import { expectAccessible } from '../support-axe';
import { shot, startWidgetServer } from './support-page';

test.use({ viewport: { width: 1100, height: 900 }, timezoneId: 'Europe/Berlin' });

let server: TestServer;
test.beforeAll(async () => {
  server = await startWidgetServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const seen = new Set<string>();

/** The next not yet read mail in DATA_DIR/outbox to `to` whose text matches `pattern`. */
async function nextMail(to: string, pattern: RegExp): Promise<ParsedMail> {
  const dir = join(server.dataDir, 'outbox');
  let found: ParsedMail | null = null;
  await expect
    .poll(
      async () => {
        for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml') && !seen.has(n)).sort()) {
          const mail = await simpleParser(await readFile(join(dir, name)));
          const addressed = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).some((a) => a.text.includes(to));
          if (!addressed || !pattern.test(mail.text ?? '')) continue;
          seen.add(name);
          found = mail;
          return true;
        }
        return false;
      },
      { message: `a mail to ${to} matching ${String(pattern)}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

const headerOf = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? '';
  return line.slice(line.indexOf(':') + 1).replace(/\s+/g, ' ').trim();
};

const component = (page: Page, name: string) => page.getByTestId('status-component').filter({ hasText: name });

test('a declared incident shows on /status, a subscriber is mailed its resolution and unsubscribes from the mail', async ({ page }) => {
  test.setTimeout(120_000);
  const customer = 'casey@example.com';
  const lead = await server.connectSpecialist({ role: 'lead' });

  await test.step('with nothing wrong, all systems are operational', async () => {
    await page.goto(`${server.url}/status`);
    await expect(page.getByTestId('status-banner')).toContainText('All systems operational');
    await expect(page.getByTestId('current-incidents')).toContainText('No current incidents.');
  });

  const incident = await callOk<Incident>(lead.socket, 'incident:create', {
    clientId: randomUUID(),
    title: 'Live streams buffering',
    category: 'streaming',
    notice: { severity: 'outage', text: 'Live streams stall after a few seconds; we are on it.' },
  });

  await test.step('the incident, its banner and the affected component show (reloaded on focus)', async () => {
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(page.getByTestId('status-banner')).toContainText('We have a service outage');
    await expect(page.getByTestId('status-banner')).toContainText('Live streams stall after a few seconds');
    await expect(component(page, 'Streaming')).toContainText('Outage');
    await expect(component(page, 'Platform access')).toContainText('Operational');
    const current = page.getByTestId('current-incidents');
    await expect(current).toContainText('Live streams buffering');
    await expect(current).toContainText('Streaming · started');
    await expect(page.getByTestId('status-banner')).toContainText('Europe/Berlin');
    await shot(page, 'status-01-outage', { fullPage: true });
    await expectAccessible(page, 'status-outage');
  });

  await test.step('signed out, the page offers a sign-in that comes back to /status', async () => {
    const card = page.getByTestId('status-subscribe');
    await card.getByRole('button', { name: 'Sign in to subscribe' }).click();
    await card.getByLabel('Your email').fill(customer);
    await card.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(card.getByTestId('sign-in-sent')).toContainText(`We sent a sign-in link to ${customer}`);
    const mail = await nextMail(customer, /\/portal\/sign-in\?token=/);
    const link = /https?:\/\/\S+\/portal\/sign-in\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0] ?? '';
    await page.goto(link);
    await expect(page).toHaveURL(`${server.url}/status`);
    await expect(page.getByTestId('portal-account')).toContainText(customer);
  });

  await test.step('signed in, the customer subscribes', async () => {
    const toggle = page.getByRole('checkbox', { name: 'Email me when an incident starts, gets an update or is resolved' });
    await expect(toggle).not.toBeChecked();
    await expect(toggle).toBeEnabled();
    await toggle.check();
    await expect(page.getByTestId('subscription-state')).toHaveText(`Status emails go to ${customer}.`);
    await page.reload();
    await expect(toggle).toBeChecked();
    await shot(page, 'status-02-subscribed', { fullPage: true });
    await expectAccessible(page, 'status-subscribed');
  });

  await callOk(lead.socket, 'incident:resolve', { clientId: randomUUID(), incidentId: incident.id, note: 'A faulty cache node was replaced.' });

  const mail = await test.step('the subscriber is mailed the resolution, with one-click unsubscribe headers', async () => {
    const resolved = await nextMail(customer, /A faulty cache node was replaced/);
    expect(resolved.subject).toBe('Resolved: Live streams buffering');
    expect(resolved.text).toContain(`${server.url}/status`);
    expect(headerOf(resolved, 'List-Unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/status\/unsubscribe\?token=[A-Za-z0-9_-]+>$/);
    expect(headerOf(resolved, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    return resolved;
  });

  await test.step('/status shows the incident resolved in the history', async () => {
    await page.reload();
    await expect(page.getByTestId('status-banner')).toContainText('All systems operational');
    await expect(page.getByTestId('current-incidents')).toContainText('No current incidents.');
    const history = page.getByTestId('recent-incidents');
    await expect(history).toContainText('Live streams buffering');
    await expect(history).toContainText('Resolved');
    await expect(history).toContainText('A faulty cache node was replaced.');
    await shot(page, 'status-03-resolved', { fullPage: true });
    await expectAccessible(page, 'status-resolved');
  });

  await test.step("the mail's unsubscribe link asks first, then unsubscribes", async () => {
    const link = /https?:\/\/\S+\/status\/unsubscribe\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe from status emails?' })).toBeVisible();
    await shot(page, 'status-04-unsubscribe');
    await expectAccessible(page, 'status-unsubscribe');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'You are unsubscribed' })).toBeFocused();
    // Used up: opening it again and confirming is refused.
    await page.goto(link);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('alert')).toContainText('not valid, or you are already unsubscribed');
    await page.goto(`${server.url}/status`);
    await expect(page.getByRole('checkbox', { name: 'Email me when an incident starts, gets an update or is resolved' })).not.toBeChecked();
    await expect(page.getByTestId('subscription-state')).toHaveText(`You get no status emails at ${customer}.`);
  });

  await test.step('the portal nav and the Technical card on Contacts lead here', async () => {
    await page.goto(`${server.url}/contacts`);
    await page.getByTestId('technical-status-link').click();
    await expect(page).toHaveURL(`${server.url}/status`);
    await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeFocused();
    await expect(page.getByRole('navigation', { name: 'Support portal' }).getByRole('link', { name: 'System status' })).toHaveAttribute('aria-current', 'page');
  });

  await test.step('on a phone the page fits the width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId('recent-incidents')).toContainText('Live streams buffering');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'status-05-phone', { fullPage: true });
  });
});
