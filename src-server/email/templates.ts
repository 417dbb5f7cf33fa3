// Customer emails as plain text, built from public data only (never internal notes).
import type { Message } from '../../src-shared/message';
import type { Ticket } from '../../src-shared/ticket';
import { ticketStatusLabels } from '../../src-shared/ticket-lifecycle';

export function chatRecap(opts: { ticket: Ticket; transcript: readonly Message[]; commentUrl: string; departmentName: string }): { subject: string; text: string } {
  const lines = opts.transcript.map((m) => `[${new Date(m.createdAt).toISOString().slice(11, 16)} UTC] ${m.authorName}: ${m.body}`);
  return {
    subject: `Your chat with ${opts.departmentName} support — ticket #${opts.ticket.id}`,
    text: [
      `Thank you for contacting ${opts.departmentName} support.`,
      `Your chat is recorded as ticket #${opts.ticket.id} (status: ${ticketStatusLabels[opts.ticket.status]}).`,
      '',
      'Transcript:',
      ...lines,
      '',
      'To add a comment to this ticket, open:',
      opts.commentUrl,
      '',
    ].join('\n'),
  };
}

export function emailAcknowledgement(opts: { ticket: Ticket; question: string; expectedReplyText: string; commentUrl: string; departmentName: string }): {
  subject: string;
  text: string;
} {
  return {
    subject: `We received your request — ticket #${opts.ticket.id}`,
    text: [
      `Thank you for contacting ${opts.departmentName} support. Your request is ticket #${opts.ticket.id}.`,
      opts.expectedReplyText,
      '',
      'Your question:',
      opts.question,
      '',
      'To add details to this ticket, open:',
      opts.commentUrl,
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
