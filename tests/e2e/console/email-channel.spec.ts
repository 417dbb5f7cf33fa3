// Issue 15 item 7, the console side of the email channel, against the real server and its inbound SMTP listener:
// mail sent over SMTP becomes an email ticket whose list row and detail say how it came in, who asked and who is
// copied; its original headers load only when asked, one block per mail (the original, then a reply). Admins read
// Inbound mail with the mails that could not be read counted, and process a failed one again; a lead reads the same
// without the button. A department's direct email saves, and another department's address is refused by name.
import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { TestServer } from '../../support/start-server';
import { getDepartment } from '../../../src-server/db/departments';
import { getTicket } from '../../../src-server/db/tickets';
import { PortalRequests } from '../../../src-server/portal/portal-requests';
import { listInboundMail, recordAcceptedMail, recordInboundOutcome } from '../../../src-server/db/inbound-mail';
import { replyAddress } from '../../../src-server/inbound/reply-address';
import { ADMIN, DANA, DEMO_PASSWORD, artifacts, signInToNewConsole, startSupportServer, visitorRequestsChat, type ConsoleHost } from './console-stack';
import { expectAccessible } from '../support-axe';

const VIEWPORT = { width: 1366, height: 850 };
test.use({ viewport: VIEWPORT });

const LEAD = 'lee@switchboard.local';
let server: TestServer;
const hosts: ConsoleHost[] = [];
let emailTicketId = 0;
let webTicketId = 0;
let chatTicketId = 0;
/** The mail whose processing failed for a passing reason: processing it again makes a ticket. */
let transientId = 0;

test.beforeAll(async () => {
  server = await startSupportServer([], { env: { INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1' } });
  const port = server.app.inboundSmtpPort;
  if (port === null) throw new Error('the server started without its inbound SMTP listener');
  await server.createSpecialist({ email: LEAD, displayName: 'Lee', role: 'lead', departmentIds: [], password: DEMO_PASSWORD });
  const smtp = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  const send = async (mail: Parameters<typeof smtp.sendMail>[0]) => {
    await smtp.sendMail(mail);
    await server.app.inboundIdle();
  };

  // A chat's ticket (someone online takes it) and a web form's, so the list shows every channel.
  await server.connectSpecialist({ displayName: 'Tom', departmentIds: ['technical'] });
  chatTicketId = (await visitorRequestsChat(server, { email: 'vic@customer.example', departmentId: 'technical', question: 'Stream is black' })).state.conversation.ticketId ?? 0;
  // The portal's request form, as a signed-in customer submits it (the portal's own code path, without its sign-in).
  const request = await new PortalRequests(server.app.ctx).submit('wes@customer.example', {
    clientId: randomUUID(),
    departmentId: 'technical',
    subject: 'Portal request: new seat',
    description: 'Please add a seat for our new hire.',
    ccs: [],
    attachmentIds: [],
    context: {},
  });
  if (!request.ok) throw new Error(request.error.message);
  webTicketId = request.value.ticketId;

  // The real listener: a customer's mail with a CC becomes an email ticket of Technical.
  await send({ from: 'Ann Archer <ann@customer.example>', to: 'tech@support.example.com', cc: 'boss@customer.example', subject: 'Printer jams on tray 2', text: 'Tray 2 jams on every job.', messageId: '<jam-1@customer.example>' });
  const [made] = await listInboundMail(server.app.ctx.db, { last: 10 });
  if (!made?.ticketId) throw new Error(`the mail made no ticket: ${made?.status} ${made?.reason}`);
  emailTicketId = made.ticketId;
  // Her reply to the signed Reply-To: a second mail on the same ticket.
  await send({
    from: 'Ann Archer <ann@customer.example>',
    to: replyAddress(server.app.ctx.secret, 'tech@support.example.com', emailTicketId),
    subject: 'Re: Printer jams on tray 2',
    text: 'Still jams after the update.',
    messageId: '<jam-2@customer.example>',
    inReplyTo: '<jam-1@customer.example>',
  });
  // A mail nobody can read (a multipart body without a boundary): kept, failed.
  await send({
    envelope: { from: 'bo@customer.example', to: ['finance@support.example.com'] },
    raw: 'From: bo@customer.example\r\nTo: finance@support.example.com\r\nSubject: Scan attached\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nhello\r\n',
  });
  // One that failed for a passing reason (as a crash mid-way would leave it): processing it again works.
  transientId = await server.app.ctx.writes.run(async (trx) => {
    const raw = Buffer.from('From: cy@customer.example\r\nTo: finance@support.example.com\r\nSubject: Invoice copy please\r\nMessage-ID: <inv-9@customer.example>\r\n\r\nPlease resend invoice 9.\r\n');
    const id = await recordAcceptedMail(trx, { receivedAt: server.clock.now(), envelopeFrom: 'cy@customer.example', envelopeTo: 'finance@support.example.com', departmentId: 'finance', raw });
    await recordInboundOutcome(trx, id, { status: 'failed', reason: 'Processing failed: database is locked', messageId: null, fromAddress: null, subject: null, ticketId: null, processedAt: server.clock.now() });
    return id;
  });
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  await server?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}/${name}.png`, animations: 'disabled' });
  await expectAccessible(page, name);
}
const row = (page: Page, id: number) => page.getByTestId('ticket-row').filter({ hasText: new RegExp(`#${id}(?!\\d)`) });
const detail = (page: Page) => page.getByTestId('ticket-detail');
const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Administration sections' }).getByRole('tab', { name });

test('an email ticket says how it came in, who asked and who is copied, and shows its original headers only when asked', async ({ page }) => {
  await signInToNewConsole(page, server.url, DANA, hosts);
  await page.getByRole('button', { name: 'Tickets' }).click();

  await test.step('each row carries its channel', async () => {
    await expect(row(page, emailTicketId).getByTestId('channel-badge')).toHaveText('Email');
    await expect(row(page, webTicketId).getByTestId('channel-badge')).toHaveText('Web form');
    await expect(row(page, chatTicketId).getByTestId('channel-badge')).toHaveText('Chat');
    await shot(page, '60-tickets-channels');
  });

  await test.step('the detail names the channel, the requester and the CCs; nothing of the mail is loaded yet', async () => {
    await row(page, emailTicketId).click();
    await expect(detail(page).getByRole('heading', { level: 1 })).toContainText('Printer jams on tray 2');
    await expect(detail(page).locator('.ticket-meta').getByTestId('channel-badge')).toHaveText('Email');
    await expect(detail(page).getByTestId('ticket-requester')).toHaveText('ann@customer.example');
    await expect(detail(page).getByRole('region', { name: 'CCs' })).toContainText('boss@customer.example');
    const disclosure = detail(page).getByRole('button', { name: 'Show original email' });
    await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    await expect(detail(page).getByTestId('mail-block')).toHaveCount(0);
  });

  await test.step('asked, it shows the original and the reply, with the key headers and every header line', async () => {
    await detail(page).getByRole('button', { name: 'Show original email' }).click();
    const blocks = detail(page).getByTestId('mail-block');
    await expect(blocks).toHaveCount(2);
    const original = blocks.nth(0);
    await expect(original.getByRole('heading', { name: 'Original email' })).toBeVisible();
    for (const [name, value] of [
      ['From', 'Ann Archer <ann@customer.example>'],
      ['To', 'tech@support.example.com'],
      ['Cc', 'boss@customer.example'],
      ['Subject', 'Printer jams on tray 2'],
      ['Message-ID', '<jam-1@customer.example>'],
    ]) {
      await expect(original.locator('.mail-key-header').filter({ has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd')).toHaveText(value!);
    }
    await expect(original.locator('.mail-key-header dt', { hasText: /^Date$/ })).toBeVisible();
    await expect(original.getByTestId('mail-headers')).toContainText('Message-ID: <jam-1@customer.example>');
    await expect(original.getByTestId('mail-headers')).toContainText('Content-Type: text/plain');
    const reply = blocks.nth(1);
    await expect(reply.getByRole('heading', { name: 'Reply 1' })).toBeVisible();
    await expect(reply.getByTestId('mail-headers')).toContainText('In-Reply-To: <jam-1@customer.example>');
    await expect(detail(page).getByRole('button', { name: 'Hide original email' })).toHaveAttribute('aria-expanded', 'true');
    await shot(page, '61-ticket-original-email');
  });

  await test.step('a CC is added and another removed', async () => {
    const ccs = detail(page).getByRole('region', { name: 'CCs' });
    await ccs.getByLabel('Add CC email').fill('carol@customer.example');
    await ccs.getByRole('button', { name: 'Add' }).click();
    await expect(ccs).toContainText('carol@customer.example');
    await ccs.getByRole('button', { name: 'Remove boss@customer.example' }).click();
    await expect(ccs).not.toContainText('boss@customer.example');
    await expect.poll(async () => (await getTicket(server.app.ctx.db, emailTicketId))?.ccs).toEqual(['carol@customer.example']);
  });
});

test('an admin reads Inbound mail with the unreadable mails counted and processes a failed one again; a lead reads it without the button', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInToNewConsole(page, server.url, ADMIN, hosts);
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await tab(page, 'Inbound mail').click();
  const section = page.getByTestId('inbound-section');

  await test.step('every mail, newest first, with the failed count in view', async () => {
    await expect(section.getByTestId('inbound-row')).toHaveCount(4);
    await expect(section.getByTestId('inbound-failed-count')).toContainText('2 mails could not be read.');
    await expect(section.getByRole('button', { name: /Could not be read\s*2/ })).toBeVisible();
    const first = section.getByTestId('inbound-row').first();
    await expect(first).toContainText('cy@customer.example');
    await expect(first).toContainText('Could not be read');
    await expect(first).toContainText('Processing failed: database is locked');
    const mailed = section.getByTestId('inbound-row').filter({ has: page.getByRole('button', { name: 'Printer jams on tray 2', exact: true }) });
    await expect(mailed).toContainText('On a ticket');
    await expect(mailed.getByRole('button', { name: `Open ticket #${emailTicketId}` })).toBeVisible();
    await shot(page, '62-admin-inbound-mail');
  });

  await test.step('filtered to the failed ones, one opens with its headers and source, and processing it again makes a ticket', async () => {
    await section.getByRole('button', { name: /Could not be read/ }).click();
    await expect(section.getByTestId('inbound-row')).toHaveCount(2);
    await section.getByTestId('inbound-row').filter({ hasText: 'cy@customer.example' }).getByRole('button', { name: '(no subject)' }).click();
    const dialog = page.getByRole('dialog', { name: `Mail #${transientId}` });
    await expect(dialog.getByTestId('mail-source')).toContainText('Please resend invoice 9.');
    await expect(dialog.getByTestId('mail-headers')).toContainText('Message-ID: <inv-9@customer.example>');
    await shot(page, '63-admin-inbound-detail');
    await dialog.getByRole('button', { name: 'Process again' }).click();
    await expect(page.getByText(`Mail #${transientId} processed again: on a ticket.`)).toBeVisible();
    await expect(dialog.getByTestId('inbound-detail')).toContainText('On a ticket');
    await expect(dialog.getByRole('button', { name: 'Process again' })).toHaveCount(0);
    const made = (await listInboundMail(server.app.ctx.db, { last: 10 })).find((m) => m.id === transientId)?.ticketId;
    expect(made).toBeTruthy();
    // Its ticket link opens the ticket.
    await dialog.getByRole('button', { name: `#${made}` }).click();
    await expect(detail(page).getByRole('heading', { level: 1 })).toContainText(`#${made}`);
    await expect(detail(page).getByRole('heading', { level: 1 })).toContainText('Invoice copy please');
  });

  await test.step('a lead sees the same list and mail, but no Process again', async () => {
    const leadPage = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await signInToNewConsole(leadPage, server.url, LEAD, hosts);
    await leadPage.getByRole('button', { name: 'Admin', exact: true }).click();
    await tab(leadPage, 'Inbound mail').click();
    const leadSection = leadPage.getByTestId('inbound-section');
    await expect(leadSection.getByTestId('inbound-row')).toHaveCount(4);
    await expect(leadSection.getByTestId('inbound-failed-count')).toContainText('1 mail could not be read.');
    // Unreadable, yet listed by its raw Subject line.
    await leadSection.getByTestId('inbound-row').filter({ hasText: 'bo@customer.example' }).getByRole('button', { name: 'Scan attached' }).click();
    const dialog = leadPage.getByRole('dialog', { name: /^Mail #/ });
    await expect(dialog.getByTestId('inbound-detail')).toContainText('Could not be read');
    await expect(dialog.getByText('Only admins can process a mail again.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Process again' })).toHaveCount(0);
    await shot(leadPage, '65-admin-inbound-lead');
  });
});

test('a department’s direct email saves, and another department’s address is refused with its name', async ({ page }) => {
  await signInToNewConsole(page, server.url, ADMIN, hosts);
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await tab(page, 'Departments').click();
  await page.getByRole('list', { name: 'Department order' }).getByRole('button', { name: 'Finance', exact: true }).click();
  const form = page.getByRole('form', { name: 'Department Finance' });
  const field = form.getByLabel(/Direct email/);
  await expect(field).toHaveValue('finance@support.example.com');

  await field.fill('billing+x@support.example.com');
  await form.getByRole('button', { name: 'Save department' }).click();
  await expect(form.locator('.field-issue')).toContainText('No “+” in a department address');

  await field.fill('tech@support.example.com');
  await form.getByRole('button', { name: 'Save department' }).click();
  const conflict = 'tech@support.example.com is already the direct email of Technical; each department needs its own address.';
  await expect(form.getByTestId('department-outcome')).toHaveText(conflict);
  await expect(form.locator('.field-issue')).toHaveText(conflict);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await shot(page, '64-admin-department-email-conflict');
  expect((await getDepartment(server.app.ctx.db, 'finance'))?.email).toBe('finance@support.example.com');

  await field.fill('Billing@Support.Example.com');
  await form.getByRole('button', { name: 'Save department' }).click();
  await expect(form.getByTestId('department-outcome')).toHaveText('Saved.');
  await expect.poll(async () => (await getDepartment(server.app.ctx.db, 'finance'))?.email).toBe('billing@support.example.com');
});
