// The visitor's chat as the window draws it, and the pure rules that fold server state, events and the outbox into it.
import type { Conversation } from '../../../src-shared/conversation';
import type { DropBox } from '../../../src-shared/drop-box';
import type { EventEnvelope } from '../../../src-shared/events';
import type { Message } from '../../../src-shared/message';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { PendingMessage } from './saved-state';

export interface FailedMessage {
  clientId: string;
  body: string;
  reason: string;
}

export interface ChatView {
  token: string;
  conversation: Conversation;
  /** Public messages in server order (seq); a message is present once even if it arrives by ack, event and catch-up. */
  messages: Message[];
  dropBoxes: DropBox[];
  queuePosition: number | null;
  /** Newest event seq folded in. */
  cursor: number;
  /** Written but not yet acknowledged by the server, oldest first; kept in storage across reloads. */
  outbox: PendingMessage[];
  /** Refused by the server for good (not a connection problem); shown so nothing vanishes silently. */
  failed: FailedMessage[];
}

function settleOutbox(outbox: PendingMessage[], messages: readonly Message[]): PendingMessage[] {
  if (outbox.length === 0) return outbox;
  const sent = new Set(messages.map((m) => m.clientId));
  const rest = outbox.filter((p) => !sent.has(p.clientId));
  return rest.length === outbox.length ? outbox : rest;
}

export function chatFromState(token: string, state: VisitorChatState, outbox: PendingMessage[]): ChatView {
  const messages = state.messages.filter((m) => !m.internal).sort((a, b) => a.seq - b.seq);
  return {
    token,
    conversation: state.conversation,
    messages,
    dropBoxes: state.dropBoxes,
    queuePosition: state.queuePosition,
    cursor: state.cursor,
    outbox: settleOutbox(outbox, messages),
    failed: [],
  };
}

/** A fresh server snapshot (after resume) replaces what the server owns and keeps what only the browser knows. */
export function refreshFromState(chat: ChatView, state: VisitorChatState): ChatView {
  const next = chatFromState(chat.token, state, chat.outbox);
  return { ...next, cursor: Math.max(chat.cursor, state.cursor), failed: chat.failed };
}

export function addMessage(chat: ChatView, message: Message): ChatView {
  if (message.internal || message.conversationId !== chat.conversation.id) return chat;
  if (chat.messages.some((m) => m.id === message.id)) return { ...chat, outbox: settleOutbox(chat.outbox, [message]) };
  const messages = [...chat.messages, message].sort((a, b) => a.seq - b.seq);
  return { ...chat, messages, outbox: settleOutbox(chat.outbox, [message]) };
}

export function upsertDropBox(chat: ChatView, box: DropBox): ChatView {
  if (box.conversationId !== chat.conversation.id) return chat;
  const others = chat.dropBoxes.filter((b) => b.id !== box.id);
  return { ...chat, dropBoxes: [...others, box].sort((a, b) => a.createdAt - b.createdAt) };
}

export function updateConversation(chat: ChatView, conversation: Conversation): ChatView {
  if (conversation.id !== chat.conversation.id) return chat;
  const queuePosition = conversation.state === 'queued' ? chat.queuePosition : null;
  return { ...chat, conversation, queuePosition };
}

/** Folds one logged event in; events of other conversations and kinds a visitor does not draw are ignored. */
export function applyEnvelope(chat: ChatView, envelope: EventEnvelope): ChatView {
  let next = chat;
  switch (envelope.type) {
    case 'conversation.updated':
      next = updateConversation(chat, envelope.payload);
      break;
    case 'message.created':
      next = addMessage(chat, envelope.payload);
      break;
    case 'dropbox.updated':
      next = upsertDropBox(chat, envelope.payload);
      break;
    default:
      break;
  }
  return envelope.seq > next.cursor ? { ...next, cursor: envelope.seq } : next;
}

export function enqueueMessage(chat: ChatView, pending: PendingMessage): ChatView {
  return { ...chat, outbox: [...chat.outbox, pending] };
}

export function failMessage(chat: ChatView, clientId: string, reason: string): ChatView {
  const pending = chat.outbox.find((p) => p.clientId === clientId);
  if (!pending) return chat;
  return {
    ...chat,
    outbox: chat.outbox.filter((p) => p.clientId !== clientId),
    failed: [...chat.failed, { clientId, body: pending.body, reason }],
  };
}

/** One timeline of messages and drop boxes, by time, as the window lists them. */
export type TimelineItem = { kind: 'message'; message: Message } | { kind: 'dropbox'; box: DropBox };

export function timeline(chat: Pick<ChatView, 'messages' | 'dropBoxes'>): TimelineItem[] {
  const items: { at: number; order: number; item: TimelineItem }[] = [
    ...chat.messages.map((message, i) => ({ at: message.createdAt, order: i, item: { kind: 'message', message } as const })),
    ...chat.dropBoxes.map((box, i) => ({ at: box.createdAt, order: chat.messages.length + i, item: { kind: 'dropbox', box } as const })),
  ];
  // Stable by time; a drop box created in the same millisecond as a message comes after it.
  return items.sort((a, b) => a.at - b.at || a.order - b.order).map((x) => x.item);
}
