// Customer emails as plain text, built from public data only (never internal notes).
import type { Message } from '../../src-shared/message';
import type { EndReason } from '../../src-shared/conversation';
import type { Ticket } from '../../src-shared/ticket';
import { ticketStatusLabels } from '../../src-shared/ticket-lifecycle';

/**
 * The recap the seeds promise ("Afterwards, the support specialist will disconnect the session … you will receive an
 * email … recapping the conversation"). Its address was typed into the widget and never proved: the visitor's own
 * lines are quoted only when a specialist ended the chat, i.e. a person of ours saw it through. A chat the visitor
 * left (or that timed out) right after asking would otherwise mail a stranger's text to anyone; its recap quotes
 * our side only, and the whole conversation stays behind the comment link.
 */
export function chatRecap(opts: { ticket: Ticket; transcript: readonly Message[]; endReason: EndReason | null; commentUrl: string; departmentName: string }): {
  subject: string;
  text: string;
} {
  const quoteVisitor = opts.endReason === 'specialist';
  const lines = opts.transcript
    .filter((m) => quoteVisitor || m.authorKind !== 'visitor')
    .map((m) => `[${new Date(m.createdAt).toISOString().slice(11, 16)} UTC] ${m.authorName}: ${m.body}`);
  return {
    subject: `Your chat with ${opts.departmentName} support — ticket #${opts.ticket.id}`,
    text: [
      `Thank you for contacting ${opts.departmentName} support.`,
      `Your chat is recorded as ticket #${opts.ticket.id} (status: ${ticketStatusLabels[opts.ticket.status]}).`,
      '',
      'Transcript:',
      ...lines,
      ...(quoteVisitor ? [] : ['(Your own messages are kept in the ticket: open the link below to read them.)']),
      '',
      'To add a comment to this ticket, open:',
      opts.commentUrl,
      '',
    ].join('\n'),
  };
}

/**
 * The EMAIL US acknowledgement goes to an address anyone can type: it carries nothing the requester wrote (question,
 * name), only our own text, so it cannot carry a stranger's message to a victim. The question is on the linked page.
 */
export function emailAcknowledgement(opts: { ticket: Ticket; expectedReplyText: string; commentUrl: string; departmentName: string }): {
  subject: string;
  text: string;
} {
  return {
    subject: `We received your request — ticket #${opts.ticket.id}`,
    text: [
      `Thank you for contacting ${opts.departmentName} support. Your request is ticket #${opts.ticket.id}.`,
      opts.expectedReplyText,
      '',
      'To see your request or add details to this ticket, open:',
      opts.commentUrl,
      '',
      'If you did not write to us, you can ignore this email.',
      '',
    ].join('\n'),
  };
}

export function incidentResolved(opts: { ticketIds: readonly number[]; title: string; note: string; commentUrl: string }): { subject: string; text: string } {
  const refs = opts.ticketIds.map((id) => `#${id}`).join(', ');
  return {
    subject: `Resolved: ${opts.title} — ticket ${refs}`,
    text: [
      `The problem you reported (ticket ${refs}) has been resolved.`,
      '',
      opts.note,
      '',
      'If it still affects you, add a comment to your ticket:',
      opts.commentUrl,
      '',
    ].join('\n'),
  };
}

export function accountManagementHandoff(opts: { ticket: Ticket; resolutionLabel: string }): { subject: string; text: string } {
  return {
    subject: `Redirect to Account Management — ticket #${opts.ticket.id}`,
    text: [
      `Ticket #${opts.ticket.id} was solved as "${opts.resolutionLabel}" and is handed to Account Management.`,
      '',
      `Subject: ${opts.ticket.subject}`,
      `Requester: ${opts.ticket.requesterEmail}`,
      `Department: ${opts.ticket.departmentId}`,
      '',
    ].join('\n'),
  };
}

/** "30 minutes", "1 hour", "2 days": how long a link works, in the largest whole unit. */
function spokenDuration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute']];
  const [size, name] = units.find(([u]) => ms >= u && ms % u === 0) ?? [60_000, 'minute'];
  const n = Math.max(1, Math.round(ms / size));
  return `${n} ${name}${n === 1 ? '' : 's'}`;
}

/** The portal sign-in link: anyone can type any address, so it carries only our text and the link itself. */
export function portalSignIn(opts: { link: string; ttlMs: number }): { subject: string; text: string } {
  return {
    subject: 'Your sign-in link for the support portal',
    text: [
      'Open this link to sign in to the support portal and see your requests:',
      opts.link,
      '',
      `The link works once, within ${spokenDuration(opts.ttlMs)}. If it has expired, ask for a new one on the sign-in page.`,
      '',
      'If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.',
      '',
    ].join('\n'),
  };
}
