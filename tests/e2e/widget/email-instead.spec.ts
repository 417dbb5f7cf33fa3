// A queued visitor whose department stops being able to chat is offered an email answer instead (keeping the wait
// possible); choosing it leaves the queue and the question stays a ticket, answered by email: the mail is the EMAIL US
// acknowledgement, not a chat recap.
import { expect, test } from '@playwright/test';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import { callOk } from '../../support/socket-clients';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import type { TestServer } from '../../support/start-server';
import { fillContactForm, shot, startWidgetServer, usePickRouting } from './support-page';

let server: TestServer;
let sink: SmtpSink;

test.beforeEach(async () => {
  sink = await smtpSink();
  server = await startWidgetServer({ smtpUrl: sink.url });
});

test.afterEach(async ({ page }) => {
  await page.close();
  await server.stop();
  await sink.close();
});

test('a queued visitor is offered an email answer when the last specialist steps away, and can take it', async ({ page }) => {
  await usePickRouting(server, 'technical');
  const dana = await server.connectSpecialist({ displayName: 'Dana Reyes', departmentIds: ['technical'] });

  await page.goto(`${server.url}/support`);
  await fillContactForm(page, { email: 'ben@example.com', department: 'technical', question: 'Captions are out of sync.' });
  await page.getByRole('button', { name: 'CHAT WITH US' }).click();
  await expect(page.getByTestId('waiting')).toContainText('Just a moment');
  await expect(page.getByTestId('email-instead')).toHaveCount(0);

  // The only technical specialist steps away: the department can no longer chat, so the page offers email.
  await callOk(dana.socket, 'status:set', { status: 'away' });
  const offer = page.getByTestId('email-instead');
  await expect(offer).toContainText('No one in Technical is free to chat right now');
  await expect(offer).toContainText('ben@example.com');
  await shot(page, '21-email-instead-offered');

  // Keeping on waiting stays possible: when she is back, the offer goes and the visitor is still queued.
  await callOk(dana.socket, 'status:set', { status: 'online' });
  await expect(offer).toHaveCount(0);
  await expect(page.getByTestId('waiting')).toBeVisible();

  await callOk(dana.socket, 'status:set', { status: 'away' });
  await offer.getByRole('button', { name: 'Answer me by email instead' }).click();
  await expect(page.getByTestId('chat-ended')).toContainText("We'll answer you by email");
  await expect(page.getByTestId('waiting')).toHaveCount(0);
  await shot(page, '22-email-instead-chosen');

  // The question stays an open ticket in Technical, and the customer gets the EMAIL US acknowledgement with a comment link.
  const ended = await dana.inbox.nextEvent('conversation.updated', (e) => e.payload.visitorEmail === 'ben@example.com' && e.payload.state === 'ended');
  const ticketId = ended.payload.ticketId;
  expect(ticketId).not.toBeNull();
  await expect(page.getByTestId('chat-ended')).toContainText(`ticket #${ticketId}`);
  const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId });
  expect(detail.ticket).toMatchObject({ status: 'open', departmentId: 'technical', requesterEmail: 'ben@example.com' });
  const mail = await sink.waitFor((m) => m.to.includes('ben@example.com') && /\/comment\/\d+\?sig=/.test(m.text));
  expect(mail.subject).toBe(`We received your request — ticket #${ticketId}`);
  expect(mail.text).not.toContain('Transcript:');
  // Sent to an address that was only typed: it quotes nothing the visitor wrote.
  expect(mail.text).not.toContain('Captions are out of sync.');
  // One mail: no recap follows the acknowledgement.
  await page.waitForTimeout(500);
  expect(sink.mails.filter((m) => m.to.includes('ben@example.com'))).toHaveLength(1);
});
