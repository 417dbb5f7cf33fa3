import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../../../src-shared/attachment';
import type { Message } from '../../../../../src-shared/message';
import type { TicketComment } from '../../../../../src-shared/ticket';
import { ticketStatuses } from '../../../../../src-shared/ticket-lifecycle';
import { makeMessage } from '../../../../support/entity-factories';
import { receiptText, replyOutlook, ticketFiles, ticketHistory } from '../../../../../src-server/widget/src/comment-view';

const file = (n: number, name: string): Attachment => ({
  id: `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  fileName: name,
  size: 1000 * n,
  contentType: 'image/png',
  sha256: 'a'.repeat(64),
  uploadedBy: 'visitor',
  createdAt: n,
});

const message = (n: number, over: Partial<Message>): Message => makeMessage(n, { createdAt: n * 10, ...over });

const comment = (n: number, over: Partial<TicketComment>): TicketComment => ({
  id: `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  ticketId: 7,
  authorKind: 'customer',
  authorId: null,
  authorName: 'ana@example.com',
  body: `c${n}`,
  attachments: [],
  internal: false,
  createdAt: n * 10,
  ...over,
});

describe('ticketHistory', () => {
  it('merges chat and comments by time, calls the customer "You" and leaves internal notes out', () => {
    const history = ticketHistory({
      transcript: [message(1, { authorKind: 'visitor', authorName: 'ana' }), message(3, {}), message(4, { internal: true, body: 'secret' })],
      comments: [comment(2, {}), comment(5, { authorKind: 'specialist', authorName: 'Dana', internal: true, body: 'note' })],
    });
    expect(history.map((e) => [e.body, e.kind, e.author])).toEqual([
      ['m1', 'mine', 'You'],
      ['c2', 'mine', 'You'],
      ['m3', 'specialist', 'Dana'],
    ]);
  });
});

describe('ticketFiles', () => {
  it('lists every file once, oldest first, even when two entries carry the same one', () => {
    const shot = file(1, 'shot.png');
    const log = file(2, 'log.txt');
    const history = ticketHistory({
      transcript: [message(1, { attachments: [shot] }), message(2, { attachments: [shot] })],
      comments: [comment(3, { attachments: [log] })],
    });
    expect(ticketFiles(history).map((a) => a.fileName)).toEqual(['shot.png', 'log.txt']);
  });
});

describe('replyOutlook', () => {
  it('warns that a reply to a closed ticket starts a follow-up and one to a solved ticket reopens it', () => {
    expect(replyOutlook('closed')).toContain('new follow-up ticket');
    expect(replyOutlook('solved')).toContain('reopen');
  });

  it('has a sentence for every status', () => {
    for (const status of ticketStatuses) expect(replyOutlook(status).length).toBeGreaterThan(20);
  });
});

describe('receiptText', () => {
  it('names the follow-up ticket when the comment started one', () => {
    expect(receiptText({ ticketId: 12, followUp: true }, 0)).toBe('Thanks. This ticket was closed, so your comment started follow-up ticket #12.');
  });

  it('names the ticket and counts the files sent', () => {
    expect(receiptText({ ticketId: 7, followUp: false }, 0)).toBe('Thanks, your comment was added to ticket #7.');
    expect(receiptText({ ticketId: 7, followUp: false }, 1)).toBe('Thanks, your comment with 1 file was added to ticket #7.');
    expect(receiptText({ ticketId: 7, followUp: false }, 3)).toBe('Thanks, your comment with 3 files was added to ticket #7.');
  });
});
