// A lead's incident in browser mode against the real server: reports of one category and event raise a live
// alert in the console, the lead declares an incident with a banner (which the support page shows), links
// another ticket, resolves with "notify requesters" (the email reaches the SMTP sink), and the ticket view
// shows the audit trail. Also: the Escalated filter.
import { test, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import { ADMIN, artifacts, signInToNewConsole, startSupportServer, type ConsoleHost } from './console-stack';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import { callOk } from '../../support/socket-clients';
import type { TestServer } from '../../support/start-server';

let server: TestServer;
let sink: SmtpSink;
const hosts: ConsoleHost[] = [];

test.beforeAll(async () => {
  sink = await smtpSink();
  // The built widget serves /support, where the banner shows.
  server = await startSupportServer([], {
    smtpUrl: sink.url,
    env: { INCIDENT_THRESHOLD: '3', INCIDENT_WINDOW_MS: '600000', WIDGET_DIR: resolve('dist/widget') },
  });
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  await server?.stop();
  await sink?.close();
});

const signIn = (page: Page, email: string) => signInToNewConsole(page, server.url, email, hosts);

async function emailTicket(email: string, eid: string | null): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', {
    clientId: randomUUID(),
    email,
    departmentId: 'technical',
    question: 'The stream of the keynote is black',
    ...(eid ? { context: { eid } } : {}),
  });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

test('a lead is alerted to an incident, declares it with a banner, links a ticket and resolves it with requester emails', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, ADMIN);
  await expect(page.getByTestId('connection')).toContainText('Online');
  const agent = await server.connectSpecialist({ displayName: 'Eli', departmentIds: ['technical'] });

  const reported = await test.step('three streaming reports for one event raise a live alert', async () => {
    const ids: number[] = [];
    for (const who of ['amy', 'bob', 'cat']) ids.push(await emailTicket(`${who}@example.com`, 'EV-9'));
    for (const id of ids) {
      await callOk(agent.socket, 'ticket:escalate', { clientId: randomUUID(), ticketId: id, category: 'streaming', note: 'black stream' });
      await server.clock.advance(1000);
    }
    const alert = page.getByTestId('incident-alert');
    await expect(alert).toContainText('3 reports of Streaming for event EV-9');
    await page.screenshot({ path: `${artifacts}/20-incident-alert.png` });
    return ids;
  });

  await test.step('the Escalated filter lists the escalated tickets from the server', async () => {
    await page.getByRole('button', { name: 'Tickets' }).click();
    await page.getByRole('checkbox', { name: 'Escalated' }).check();
    const rows = page.getByTestId('ticket-row');
    await expect(rows).toHaveCount(3);
    for (const id of reported) await expect(page.getByRole('list', { name: 'Tickets' })).toContainText(`#${id}`);
    await page.getByRole('checkbox', { name: 'Escalated' }).uncheck();
  });

  const support = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await support.goto(`${server.url}/support`);

  await test.step('declaring from the alert prefills the form and posts the banner to the support page', async () => {
    await page.getByTestId('incident-alert').getByRole('button', { name: 'Declare incident…' }).click();
    const form = page.getByRole('form', { name: 'Declare incident' });
    await expect(form.getByLabel('Linked tickets')).toHaveValue(reported.join(', '));
    await expect(form.getByLabel('Event id (optional)')).toHaveValue('EV-9');
    await form.getByLabel('Banner severity').selectOption('outage');
    await form.getByLabel('Banner text').fill('Keynote streaming is down; we are on it.');
    await page.screenshot({ path: `${artifacts}/21-incident-declare.png` });
    await form.getByRole('button', { name: 'Declare' }).click();
    await expect(page.getByTestId('incident-alert')).toHaveCount(0);
    const incident = page.getByTestId('incident').first();
    await expect(incident).toContainText('Open');
    await expect(incident).toContainText('banner posted');
    await expect(support.getByText('Keynote streaming is down; we are on it.')).toBeVisible();
    await support.screenshot({ path: `${artifacts}/22-support-banner.png` });
  });

  const late = await test.step('a further report is linked by number', async () => {
    const id = await emailTicket('dan@example.com', null);
    const incident = page.getByTestId('incident').first();
    await incident.getByLabel('Tickets to link').fill(`#${id}`);
    await incident.getByRole('button', { name: 'Link tickets' }).click();
    await expect(incident.getByRole('button', { name: `#${id}` })).toBeVisible();
    return id;
  });

  await test.step('resolving with "notify requesters" emails every linked requester and clears the banner', async () => {
    const incident = page.getByTestId('incident').first();
    await incident.getByRole('button', { name: 'Resolve…' }).click();
    await incident.getByLabel('Resolution note').fill('Streams are back for everyone.');
    await expect(incident.getByRole('checkbox', { name: 'Notify requesters by email' })).toBeChecked();
    await incident.getByRole('button', { name: 'Resolve incident' }).click();
    await expect(incident).toContainText('Resolved');
    for (const to of ['amy@example.com', 'dan@example.com']) {
      const mail = await sink.waitFor((m) => m.to.includes(to) && m.subject.startsWith('Resolved:'), 15_000);
      expect(mail.text).toContain('Streams are back for everyone.');
    }
    await expect(support.getByText('Keynote streaming is down; we are on it.')).toHaveCount(0);
    await page.screenshot({ path: `${artifacts}/23-incident-resolved.png` });
  });

  await test.step('the ticket view shows the audit trail among the comments', async () => {
    await page.getByTestId('incident').first().getByRole('button', { name: `#${late}` }).click();
    const detail = page.getByTestId('ticket-detail');
    await expect(detail).toContainText(`#${late}`);
    await expect(detail.getByTestId('ticket-incidents')).toContainText('linked to 1 incident');
    await page.getByRole('button', { name: 'Tickets' }).click();
    await page.getByTestId('ticket-row').filter({ hasText: `#${reported[0]}` }).click();
    const timeline = page.getByTestId('ticket-timeline');
    await expect(timeline.getByTestId('audit-entry').first()).toBeVisible();
    await expect(timeline).toContainText('Eli');
    await page.screenshot({ path: `${artifacts}/24-ticket-audit.png` });
  });

  await support.close();
});
