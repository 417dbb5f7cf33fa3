// The whole customer journey on the real server: support link → queue → chat with a specialist (typing, links,
// drop box upload, too-large refusal) → end → recap email over real SMTP → comment page through its signed link.
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Conversation } from '../../../src-shared/conversation';
import type { DropBox } from '../../../src-shared/drop-box';
import type { Message } from '../../../src-shared/message';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import { MAX_MESSAGE_CHARS, MAX_UPLOAD_BYTES } from '../../../src-shared/limits';
import { callOk } from '../../support/socket-clients';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import type { TestServer } from '../../support/start-server';
import { chooseDepartment, closeTicket, expectNoHtmlInjection, fillContactForm, shot, startWidgetServer, tinyPng, usePickRouting, watchCsp } from './support-page';

let server: TestServer;
let sink: SmtpSink;

test.beforeEach(async () => {
  sink = await smtpSink();
  // Comment links live two hours here, so the test can also see one expire on the server's fake clock.
  server = await startWidgetServer({ smtpUrl: sink.url, env: { COMMENT_LINK_TTL_MS: String(2 * 3_600_000) } });
});

test.afterEach(async ({ page }) => {
  // Close the page first so no request of it is still in flight while the server shuts down.
  await page.close();
  await server.stop();
  await sink.close();
});

test('a visitor from a support link chats with a specialist, uploads a file and comments through the recap email link', async ({ page }) => {
  const cspRefusals = watchCsp(page);
  await usePickRouting(server, 'technical');
  const dana = await server.connectSpecialist({ displayName: 'Dana Reyes', departmentIds: ['technical'] });

  // CONTACT US: the support link's pid/eid travel with the request.
  await page.goto(`${server.url}/support?pid=P1&eid=E9`);
  await expect(page.getByRole('heading', { name: 'CONTACT US' })).toBeVisible();
  await chooseDepartment(page, 'technical');
  await expect(page.getByRole('button', { name: 'CHAT WITH US' })).toBeVisible();
  await expect(page.getByTestId('chat-hours')).toContainText('Technical');
  await shot(page, '01-contact-us');

  // An invalid email is caught before anything is sent.
  await fillContactForm(page, { email: 'ana@example', department: 'technical', question: 'The live stream keeps buffering.' });
  await page.getByRole('button', { name: 'CHAT WITH US' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByLabel('Your Email')).toBeFocused();
  await page.getByLabel('Your Email').fill('ana@example.com');
  await page.getByRole('button', { name: 'CHAT WITH US' }).click();

  // LET'S CHAT, queued: "Just a moment" with the queue position.
  await expect(page.getByRole('heading', { name: "LET'S CHAT" })).toBeVisible();
  await expect(page.getByTestId('waiting')).toContainText('Just a moment');
  await expect(page.getByTestId('queue-position')).toHaveText('1st');
  await shot(page, '02-just-a-moment');

  const queued = await dana.inbox.nextEvent('conversation.updated', (e) => e.payload.visitorEmail === 'ana@example.com');
  const conversation: Conversation = queued.payload;
  expect(conversation.context).toMatchObject({ pid: 'P1', eid: 'E9' });

  // The specialist accepts: name and greeting appear.
  await callOk(dana.socket, 'chat:accept', { clientId: randomUUID(), conversationId: conversation.id });
  await expect(page.getByTestId('specialist-name')).toHaveText('Dana Reyes');
  await expect(page.getByText("Hi, I'm Dana Reyes. How can I help?")).toBeVisible();
  await expect(page.getByTestId('waiting')).toHaveCount(0);

  // Links are clickable and safe; markup in a message stays text.
  await callOk(dana.socket, 'message:send', {
    clientId: randomUUID(),
    conversationId: conversation.id,
    body: 'See https://help.example.com/streaming. <b>bold?</b> <img src=x onerror=alert(1)> javascript:alert(1)',
  });
  const link = page.getByRole('link', { name: 'https://help.example.com/streaming' });
  await expect(link).toHaveAttribute('href', 'https://help.example.com/streaming');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(page.getByText('<b>bold?</b> <img src=x onerror=alert(1)> javascript:alert(1)')).toBeVisible();
  await expect(page.getByRole('link', { name: /javascript/ })).toHaveCount(0);
  await expectNoHtmlInjection(page);

  // The specialist types: grey dots beside their name.
  await callOk(dana.socket, 'typing', { conversationId: conversation.id, typing: true });
  await expect(page.getByTestId('typing-indicator')).toContainText('Dana Reyes');
  await shot(page, '03-chat-specialist-typing');

  // The visitor's typing reaches the specialist; Enter sends, Shift+Enter makes a new line.
  const box = page.getByLabel('Message');
  await box.pressSequentially('Chrome on Windows');
  await dana.inbox.next<{ conversationId: string; typing: boolean }>('typing', (t) => t.conversationId === conversation.id && t.typing);
  await box.press('Shift+Enter');
  await box.pressSequentially('version 131');
  await box.press('Enter');
  await dana.inbox.nextEvent('message.created', (e) => e.payload.body === 'Chrome on Windows\nversion 131');
  await expect(box).toHaveValue('');
  await expect(page.getByTestId('chat-message').filter({ hasText: 'version 131' })).toHaveCount(1);

  // Near the 5,000-character limit a counter appears; over it, the message cannot be sent.
  await box.fill('x'.repeat(MAX_MESSAGE_CHARS - 5));
  await expect(page.getByTestId('char-counter')).toHaveText('5 characters left');
  await box.fill('x'.repeat(MAX_MESSAGE_CHARS + 1));
  await expect(page.getByTestId('char-counter')).toHaveText('1 character over the limit');
  await expect(page.getByRole('button', { name: 'SEND' })).toBeDisabled();
  await box.press('Enter');
  await expect(box).toHaveValue('x'.repeat(MAX_MESSAGE_CHARS + 1));
  await shot(page, '03b-message-too-long');
  await box.fill('');
  await expect(page.getByTestId('char-counter')).toHaveCount(0);

  // Drop Box: Browse appears; a too-large file is refused with a clear message and nothing is stored.
  await callOk(dana.socket, 'typing', { conversationId: conversation.id, typing: false });
  const inserted = await callOk<DropBox>(dana.socket, 'dropbox:insert', {
    clientId: randomUUID(),
    conversationId: conversation.id,
    label: 'Please upload a screenshot of the error',
  });
  const dropBox = page.getByTestId('drop-box');
  await expect(dropBox).toContainText('Please upload a screenshot of the error');
  await expect(dropBox.getByText('Browse…')).toBeVisible();
  await shot(page, '04-drop-box');

  const fileInput = dropBox.locator('input[type=file]');
  await fileInput.setInputFiles({ name: 'recording.png', mimeType: 'image/png', buffer: Buffer.alloc(MAX_UPLOAD_BYTES + 1) });
  await expect(page.getByTestId('upload-error')).toContainText('Files can be at most 10 MB');
  await shot(page, '05-upload-too-large');
  expect(await readdir(join(server.dataDir, 'files')).catch(() => [])).toEqual([]);

  // A real upload over a slow uplink (Chromium's network emulation): the progress bar moves, then the file shows in
  // the attachment box (and reaches the specialist).
  const screenshot = Buffer.concat([tinyPng, Buffer.alloc(600 * 1024)]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 150 * 1024 });
  await fileInput.setInputFiles({ name: 'error-screenshot.png', mimeType: 'image/png', buffer: screenshot });
  const progress = dropBox.getByRole('progressbar', { name: 'Uploading error-screenshot.png' });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
  await shot(page, '06a-uploading');
  await expect(dropBox.getByTestId('attachment')).toContainText('error-screenshot.png');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(dropBox.getByTestId('attachment')).toContainText('600 KB');
  await expect(page.getByTestId('upload-error')).toHaveCount(0);
  const filled = await dana.inbox.nextEvent('dropbox.updated', (e) => e.payload.id === inserted.id && e.payload.state === 'fulfilled');
  expect(filled.payload.attachments.map((a) => a.fileName)).toEqual(['error-screenshot.png']);
  await shot(page, '06-uploaded');

  // The specialist ends the chat: the window says so and announces the recap email.
  await callOk(dana.socket, 'chat:end', { clientId: randomUUID(), conversationId: conversation.id });
  await expect(page.getByTestId('chat-ended')).toContainText('This chat session has ended');
  await expect(page.getByTestId('chat-ended')).toContainText('ana@example.com');
  await expect(page.getByLabel('Message')).toHaveCount(0);
  await shot(page, '07-chat-ended');

  // A reload still shows the ended chat; "Start a new chat" returns to CONTACT US with the email remembered.
  await page.reload();
  await expect(page.getByTestId('chat-ended')).toBeVisible();
  await page.getByRole('button', { name: 'Start a new chat' }).click();
  await expect(page.getByRole('heading', { name: 'CONTACT US' })).toBeVisible();
  await expect(page.getByLabel('Your Email')).toHaveValue('ana@example.com');

  // The recap email arrives over SMTP with a signed comment link that works.
  const recap = await sink.waitFor((m) => m.to.includes('ana@example.com') && /\/comment\/\d+\?sig=/.test(m.text));
  const commentUrl = /(http:\/\/127\.0\.0\.1:\d+\/comment\/\d+\?sig=[^\s]+)/.exec(recap.text)?.[1];
  expect(commentUrl).toBeTruthy();
  await page.goto(commentUrl!);
  await expect(page.getByTestId('ticket-status')).toContainText('Open');
  await expect(page.getByTestId('reply-outlook')).toContainText('added to this ticket');
  await expect(page.getByTestId('transcript')).toContainText('The live stream keeps buffering.');
  await expect(page.getByTestId('transcript')).toContainText('error-screenshot.png');

  // The ticket's files are download links signed like the page itself.
  const fileLink = page.getByTestId('ticket-files').getByRole('link', { name: 'error-screenshot.png' });
  const href = await fileLink.getAttribute('href');
  expect(href).toMatch(new RegExp(`/api/comment/${conversation.ticketId}/attachments/[0-9a-f-]+\\?sig=`));
  const download = await page.request.get(new URL(href!, server.url).toString());
  expect(download.status()).toBe(200);
  expect((await download.body()).equals(screenshot)).toBe(true);

  // A too-large file is refused before upload and the server stores nothing new.
  const storedBefore = await readdir(join(server.dataDir, 'files')).catch(() => []);
  const commentFiles = page.getByTestId('comment-files');
  const commentInput = commentFiles.locator('input[type=file]');
  await commentInput.setInputFiles({ name: 'capture.png', mimeType: 'image/png', buffer: Buffer.alloc(MAX_UPLOAD_BYTES + 1) });
  await expect(page.getByTestId('comment-file-error')).toContainText('Files can be at most 10 MB');
  await expect(commentFiles.getByTestId('comment-file')).toHaveCount(0);
  await shot(page, '08a-comment-file-too-large', { fullPage: true });
  // Sent anyway, past the page's check: the server refuses it too and keeps nothing.
  const sig = new URL(commentUrl!).searchParams.get('sig')!;
  const forced = await page.request.post(`${server.url}/api/comment/${conversation.ticketId}/attachments?sig=${encodeURIComponent(sig)}`, {
    multipart: { file: { name: 'capture.png', mimeType: 'image/png', buffer: Buffer.alloc(MAX_UPLOAD_BYTES + 1) } },
  });
  expect(await forced.json()).toMatchObject({ ok: false, error: { code: 'too_large' } });
  expect(await readdir(join(server.dataDir, 'files')).catch(() => [])).toEqual(storedBefore);

  // A real file uploads at once (with progress), then goes with the comment.
  const settings = Buffer.concat([tinyPng, Buffer.alloc(2048)]);
  await commentInput.setInputFiles({ name: 'cache-settings.png', mimeType: 'image/png', buffer: settings });
  const pending = commentFiles.getByTestId('comment-file').filter({ hasText: 'cache-settings.png' });
  await expect(pending).toContainText('2.1 KB');
  await expect(page.getByTestId('comment-file-error')).toHaveCount(0);
  await page.getByLabel('Your comment').fill('Clearing the cache fixed it, thanks!');
  await page.getByLabel('CC (optional)').fill('lead@example.com');
  await shot(page, '08b-comment-with-file', { fullPage: true });
  await page.getByRole('button', { name: 'ADD COMMENT' }).click();
  await expect(page.getByTestId('comment-sent')).toContainText(`with 1 file was added to ticket #${conversation.ticketId}`);
  await expect(page.getByTestId('transcript')).toContainText('Clearing the cache fixed it, thanks!');
  await expect(page.getByTestId('ticket-files').getByRole('link', { name: 'cache-settings.png' })).toBeVisible();
  await expect(commentFiles.getByTestId('comment-file')).toHaveCount(0);
  await shot(page, '08-comment-page', { fullPage: true });

  const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId: conversation.ticketId });
  const added = detail.comments.find((c) => c.body === 'Clearing the cache fixed it, thanks!');
  expect(added?.attachments.map((a) => [a.fileName, a.size])).toEqual([['cache-settings.png', settings.length]]);
  expect(detail.ticket.ccs).toContain('lead@example.com');

  // Once the ticket is closed, the page says a comment starts a follow-up, and the receipt names the new ticket.
  await closeTicket(server, conversation.ticketId!);
  await page.reload();
  await expect(page.getByTestId('ticket-status')).toContainText('Closed');
  await expect(page.getByTestId('reply-outlook')).toContainText('new follow-up ticket');
  await page.getByLabel('Your comment').fill('It is buffering again since this morning.');
  await page.getByRole('button', { name: 'ADD COMMENT' }).click();
  const followUpText = await page.getByTestId('comment-sent').textContent();
  const followUpId = Number(/follow-up ticket #(\d+)/.exec(followUpText ?? '')?.[1]);
  expect(followUpId).toBeGreaterThan(conversation.ticketId!);
  await shot(page, '08c-comment-follow-up', { fullPage: true });
  const followUp = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId: followUpId });
  expect(followUp.ticket.followUpOf).toBe(conversation.ticketId);
  expect(detail.transcript.some((m: Message) => m.body === 'Chrome on Windows\nversion 131')).toBe(true);

  // A tampered link gets a clear message, not the ticket.
  await page.goto(commentUrl!.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`));
  await expect(page.getByTestId('link-problem')).toContainText('This link is not valid');
  await shot(page, '09-comment-link-invalid');

  // Past its lifetime the genuine link says it expired.
  await server.clock.advance(3 * 3_600_000);
  await page.goto(commentUrl!);
  await expect(page.getByTestId('link-problem')).toContainText('This link has expired');
  // The customer page and the comment page ran under their CSP (no inline code) without a single refusal.
  expect(cspRefusals()).toEqual([]);
});
