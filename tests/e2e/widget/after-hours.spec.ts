// The embed snippet on a third-party page after hours: the tab reads HELP, only EMAIL US is offered, the request
// becomes a ticket with a receipt, and at the opening hour the tab flips to CHAT live (server's fake clock).
import { expect, test } from '@playwright/test';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import { callOk } from '../../support/socket-clients';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import type { TestServer } from '../../support/start-server';
import { chooseDepartment, fillContactForm, shot, startHostPage, startWidgetServer, watchCsp } from './support-page';

/** Wednesday 18 Nov 2026, 20:00 in New York: after every department's chat hours. */
const AFTER_HOURS = Date.UTC(2026, 10, 19, 1, 0);
/** Thursday 9:00 in New York, when All Media / Technical chat opens. */
const NEXT_OPENING = Date.UTC(2026, 10, 19, 14, 0);

let server: TestServer;
let sink: SmtpSink;
let host: Awaited<ReturnType<typeof startHostPage>>;

test.beforeEach(async () => {
  sink = await smtpSink();
  server = await startWidgetServer({ smtpUrl: sink.url, now: AFTER_HOURS });
  host = await startHostPage(`${server.url}/widget.js`);
});

test.afterEach(async ({ page }) => {
  // Close the page first so no request of it is still in flight while the server shuts down.
  await page.close();
  await host.close();
  await server.stop();
  await sink.close();
});

test('after hours the tab reads HELP and only EMAIL US is possible; the tab flips to CHAT when hours open', async ({ page }) => {
  // A specialist online does not make chat possible outside the department's hours.
  const dana = await server.connectSpecialist({ displayName: 'Dana Reyes', role: 'lead' });
  // The widget's frame on another site: its frame-ancestors allow the host page, its CSP refuses nothing it needs.
  const cspRefusals = watchCsp(page);

  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${host.url}?session=host-secret#inbox`);
  const tab = page.getByTestId('support-tab');
  await expect(tab).toHaveText('HELP');
  await expect(tab).toHaveAttribute('aria-expanded', 'false');
  // The tab shows the chat hours of the chosen department on hover (and keyboard focus).
  await tab.hover();
  await expect(page.getByTestId('support-tab-hours')).toBeVisible();
  await expect(page.getByTestId('support-tab-hours')).toContainText('AV Media, Production / BrandOcean / Aura, Technical: Mon–Fri 9 am to 7 pm Eastern Time');
  await shot(page, '10-host-help-tab');

  // Keyboard only: focus the tab and open the panel with Enter.
  await tab.focus();
  await page.keyboard.press('Enter');
  const panel = page.frameLocator('iframe[title="Customer support"]');
  await expect(panel.getByRole('heading', { name: 'CONTACT US' })).toBeVisible();
  await expect(panel.getByLabel('Your Email')).toBeFocused();
  await expect(tab).toBeHidden();
  await expect(panel.getByTestId('chat-status')).toContainText('Chat is closed right now');
  await expect(panel.getByRole('button', { name: 'EMAIL US' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'CHAT WITH US' })).toHaveCount(0);
  await expect(panel.getByTestId('chat-hours')).toContainText('AV Media, Production / BrandOcean / Aura, Technical: Mon–Fri 9 am to 7 pm');
  await expect(panel.getByTestId('chat-hours')).toContainText('Finance, Canadian Spot: Mon–Fri 9 am to 5 pm');
  await shot(page, '11-host-contact-us-email');

  await fillContactForm(panel, { email: 'sam@example.com', department: 'technical', question: 'I cannot log in to the event platform.' });
  await panel.getByRole('button', { name: 'EMAIL US' }).click();
  const receipt = panel.getByTestId('email-receipt');
  await expect(receipt).toContainText('We received your request');
  await expect(receipt).toContainText(/ticket number is #\d+/);
  await expect(receipt).toContainText('sam@example.com');
  // When it will be answered: the server's text, plus the next opening in the visitor's own time.
  await expect(receipt.getByTestId('expected-reply')).toContainText('Expect an answer by Thursday');
  const ticketId = Number(/#(\d+)/.exec((await receipt.textContent()) ?? '')?.[1]);
  await shot(page, '12-host-email-receipt');

  // The request is a ticket carrying the snippet's support-link context (data-pid / data-eid), and is acknowledged by email.
  const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId });
  expect(detail.ticket.channel).toBe('email');
  expect(detail.ticket.requesterEmail).toBe('sam@example.com');
  expect(detail.ticket.context).toMatchObject({ pid: 'P1', eid: 'E9' });
  // The host page is named without its query or hash, which may carry the host's own secrets.
  expect(detail.ticket.context.pageUrl).toBe(host.url);
  await sink.waitFor((m) => m.to.includes('sam@example.com'));

  // Escape closes the panel and gives focus back to the tab.
  await panel.getByRole('button', { name: 'Ask another question' }).click();
  await page.keyboard.press('Escape');
  await expect(tab).toBeFocused();
  await expect(tab).toHaveAttribute('aria-expanded', 'false');

  // At 9:00 New York time the server pushes availability and the tab flips without a reload.
  await server.clock.advance(NEXT_OPENING - AFTER_HOURS);
  await expect(tab).toHaveText('CHAT');
  await shot(page, '13-host-chat-tab');

  // The email is remembered for next time.
  await page.reload();
  await page.getByTestId('support-tab').click();
  const reopened = page.frameLocator('iframe[title="Customer support"]');
  await expect(reopened.getByLabel('Your Email')).toHaveValue('sam@example.com');

  // In hours, the button follows who can chat, live: CHAT WITH US while Dana is free, EMAIL US once she steps away.
  await chooseDepartment(reopened, 'technical');
  await expect(reopened.getByRole('button', { name: 'CHAT WITH US' })).toBeVisible();
  await callOk(dana.socket, 'status:set', { status: 'away' });
  await expect(reopened.getByRole('button', { name: 'EMAIL US' })).toBeVisible();
  await expect(reopened.getByTestId('chat-status')).toContainText('All specialists are busy');
  await expect(page.getByTestId('support-tab')).toBeHidden();
  expect(cspRefusals()).toEqual([]);
});
