// Sends the customer emails (chat recap, EMAIL US acknowledgement) after the commit, and records each in mail_log.
import type { ServerContext } from '../context';
import type { Conversation } from '../../src-shared/conversation';
import type { Ticket } from '../../src-shared/ticket';
import { getTicket } from '../db/tickets';
import { listMessages } from '../db/messages';
import { getDepartment } from '../db/departments';
import { recordMail } from '../db/mail-log';
import { signCommentLink } from '../auth/tokens';
import { chatRecap, emailAcknowledgement } from './templates';
import type { OutgoingMail } from './mailer';

export function commentUrl(ctx: ServerContext, ticketId: number): string {
  const sig = signCommentLink(ctx.secret, ticketId, ctx.clock.now() + ctx.config.commentLinkTtlMs);
  return `${ctx.config.publicUrl}/comment/${ticketId}?sig=${encodeURIComponent(sig)}`;
}

/** Sends and records one mail; a failure is recorded and rethrown (the automation retries failed reminders). */
export async function sendRecorded(ctx: ServerContext, mail: OutgoingMail): Promise<void> {
  const log = ctx.log.child({ ticketId: mail.ticketId, mailKind: mail.kind });
  const record = (status: 'sent' | 'written' | 'failed', fileName: string | null) =>
    ctx.writes.run((trx) => recordMail(trx, { kind: mail.kind, to: mail.to, subject: mail.subject, ticketId: mail.ticketId, fileName, status, now: ctx.clock.now() }));
  try {
    const d = await ctx.mailer.send(mail);
    await record(d.status, d.fileName);
    log.info('mail delivered');
  } catch (e) {
    log.error({ err: e }, 'mail delivery failed');
    await record('failed', null).catch(() => undefined);
    throw e;
  }
}

async function deliver(ctx: ServerContext, mail: OutgoingMail): Promise<void> {
  await sendRecorded(ctx, mail).catch(() => undefined);
}

export async function sendChatRecap(ctx: ServerContext, conversation: Conversation): Promise<void> {
  if (conversation.ticketId === null) return;
  const [ticket, transcript, dept] = await Promise.all([
    getTicket(ctx.db, conversation.ticketId),
    listMessages(ctx.db, conversation.id, { includeInternal: false }),
    getDepartment(ctx.db, conversation.departmentId),
  ]);
  if (!ticket) return;
  const { subject, text } = chatRecap({ ticket, transcript, commentUrl: commentUrl(ctx, ticket.id), departmentName: dept?.name ?? 'our' });
  await deliver(ctx, { kind: 'chat_recap', to: conversation.visitorEmail, subject, text, ticketId: ticket.id });
}

export async function sendEmailAcknowledgement(ctx: ServerContext, ticket: Ticket, question: string, expectedReplyText: string): Promise<void> {
  const dept = await getDepartment(ctx.db, ticket.departmentId);
  const { subject, text } = emailAcknowledgement({ ticket, question, expectedReplyText, commentUrl: commentUrl(ctx, ticket.id), departmentName: dept?.name ?? 'our' });
  await deliver(ctx, { kind: 'email_ack', to: ticket.requesterEmail, subject, text, ticketId: ticket.id });
}

