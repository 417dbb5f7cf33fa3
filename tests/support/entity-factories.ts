// Valid domain entities for unit tests on every side (server, console core, renderer): no DOM or Node APIs here.
import type { Conversation } from '../../src-shared/conversation';
import type { Message } from '../../src-shared/message';
import type { Ticket } from '../../src-shared/ticket';

/** The conversation `makeConversation` builds and `makeMessage` posts into. */
export const CONVERSATION_ID = '11111111-1111-4111-8111-111111111111';

/** A valid queued chat with ticket #7; override what the test is about. */
export function makeConversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: CONVERSATION_ID,
    departmentId: 'technical',
    visitorEmail: 'ana@example.com',
    question: 'Help',
    context: {},
    state: 'queued',
    specialist: null,
    ticketId: 7,
    queuedAt: 1000,
    assignedAt: null,
    firstResponseAt: null,
    endedAt: null,
    endReason: null,
    lastSeq: 1,
    ...over,
  };
}

/** The n-th specialist message of `makeConversation`'s chat: ids, seq and body derived from n so tests can tell them apart. */
export function makeMessage(n: number, over: Partial<Message> = {}): Message {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    clientId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    conversationId: CONVERSATION_ID,
    seq: n,
    authorKind: 'specialist',
    authorId: null,
    authorName: 'Dana',
    body: `m${n}`,
    attachments: [],
    internal: false,
    createdAt: n,
    ...over,
  };
}

/** A valid Open ticket with every outcome field empty; override what the test is about. */
export function makeTicket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: 1,
    subject: 'Cannot log in',
    status: 'open',
    channel: 'chat',
    departmentId: 'technical',
    requesterEmail: 'visitor@example.com',
    ccs: [],
    context: {},
    category: null,
    product: null,
    resolution: null,
    assigneeId: null,
    conversationId: null,
    followUpOf: null,
    escalation: null,
    workaround: null,
    rcaNote: null,
    createdAt: 1_000,
    updatedAt: 1_000,
    solvedAt: null,
    closedAt: null,
    ...over,
  };
}
