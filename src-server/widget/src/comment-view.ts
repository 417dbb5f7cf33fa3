// What the comment page shows of a ticket: its public history in time order, its files, and what a reply will do.
import type { Attachment } from '../../../src-shared/attachment';
import type { CommentPage, CustomerCommentReceipt } from '../../../src-shared/protocol/http';
import type { TicketStatus } from '../../../src-shared/ticket-lifecycle';

export interface HistoryEntry {
  key: string;
  at: number;
  kind: 'mine' | 'specialist' | 'system';
  author: string;
  body: string;
  attachments: Attachment[];
}

/** Chat transcript and ticket comments merged by time; internal notes never show (the server omits them too). */
export function ticketHistory(page: Pick<CommentPage, 'transcript' | 'comments'>): HistoryEntry[] {
  return [
    ...page.transcript
      .filter((m) => !m.internal)
      .map((m): HistoryEntry => ({
        key: `m${m.id}`,
        at: m.createdAt,
        kind: m.authorKind === 'visitor' ? 'mine' : m.authorKind,
        author: m.authorKind === 'visitor' ? 'You' : m.authorName,
        body: m.body,
        attachments: m.attachments,
      })),
    ...page.comments
      .filter((c) => !c.internal)
      .map((c): HistoryEntry => ({
        key: `c${c.id}`,
        at: c.createdAt,
        kind: c.authorKind === 'customer' ? 'mine' : c.authorKind,
        author: c.authorKind === 'customer' ? 'You' : c.authorName,
        body: c.body,
        attachments: c.attachments,
      })),
  ].sort((a, b) => a.at - b.at);
}

/** Every file of the ticket once, oldest first (a drop-box file can appear in more than one message). */
export function ticketFiles(history: readonly HistoryEntry[]): Attachment[] {
  const seen = new Map<string, Attachment>();
  for (const entry of history) for (const a of entry.attachments) if (!seen.has(a.id)) seen.set(a.id, a);
  return [...seen.values()];
}

/** What sending a comment will do, said before the customer sends it. */
export function replyOutlook(status: TicketStatus): string {
  switch (status) {
    case 'closed':
      return 'This ticket is closed. Your comment will start a new follow-up ticket that links back to this one.';
    case 'solved':
      return 'This ticket is solved. Your comment will reopen it and a specialist will pick it up again.';
    case 'awaiting_reply':
      return 'We are waiting for your answer. Your comment goes straight back to our support team.';
    case 'open':
    case 'fixed_pending_rca':
      return 'Your comment will be added to this ticket and our support team will be notified.';
  }
}

/** The confirmation after sending, naming the ticket the comment actually landed on. */
export function receiptText(receipt: Pick<CustomerCommentReceipt, 'ticketId' | 'followUp'>, files: number): string {
  const withFiles = files === 0 ? '' : files === 1 ? ' with 1 file' : ` with ${files} files`;
  return receipt.followUp
    ? `Thanks. This ticket was closed, so your comment${withFiles} started follow-up ticket #${receipt.ticketId}.`
    : `Thanks, your comment${withFiles} was added to ticket #${receipt.ticketId}.`;
}
