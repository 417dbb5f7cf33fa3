// The one rule for what a brand-new Open ticket looks like: who asked, where and about what, with every outcome field empty.
import type { Department } from '../../src-shared/department';
import type { Ticket } from '../../src-shared/ticket';

/** A new ticket to insert; the db layer assigns the id. */
export type TicketDraft = Omit<Ticket, 'id'>;

/** What the caller knows about a new ticket; everything else starts empty. */
export type TicketOrigin = Pick<
  Ticket,
  'subject' | 'channel' | 'departmentId' | 'requesterEmail' | 'ccs' | 'context' | 'category' | 'product' | 'assigneeId' | 'conversationId' | 'followUpOf'
>;

const QUESTION_SUBJECT_MAX = 120;

/** A customer's first question becomes the subject, cut with an ellipsis so the ticket list stays readable. */
export function subjectOfQuestion(question: string): string {
  return question.length > QUESTION_SUBJECT_MAX ? `${question.slice(0, QUESTION_SUBJECT_MAX - 3)}...` : question;
}

/** Open, created and updated `now`; no resolution, escalation, workaround, RCA note, solve or close yet. */
export function openTicketDraft(origin: TicketOrigin, now: number): TicketDraft {
  return {
    ...origin,
    status: 'open',
    resolution: null,
    escalation: null,
    workaround: null,
    rcaNote: null,
    createdAt: now,
    updatedAt: now,
    solvedAt: null,
    closedAt: null,
  };
}

/** A customer's question to a department (a chat request or EMAIL US): unassigned, uncategorised, no CCs yet. */
export function questionTicketDraft(
  asked: { question: string; email: string; context: Ticket['context'] },
  dept: Pick<Department, 'id' | 'product'>,
  channel: Ticket['channel'],
  conversationId: string | null,
  now: number,
): TicketDraft {
  return openTicketDraft(
    {
      subject: subjectOfQuestion(asked.question),
      channel,
      departmentId: dept.id,
      requesterEmail: asked.email,
      ccs: [],
      context: asked.context,
      category: null,
      product: dept.product,
      assigneeId: null,
      conversationId,
      followUpOf: null,
    },
    now,
  );
}
