// The commands that go through the outbox, the schema of the server's answer to each, and what a delivered answer
// changes in the cache (and which change event it announces).
import type { ConsoleEventName, ConsoleEvents } from '../../src-shared/console-api';
import { conversationSchema, type Conversation } from '../../src-shared/conversation';
import { messageSchema, type Message } from '../../src-shared/message';
import { dropBoxSchema, type DropBox } from '../../src-shared/drop-box';
import { ticketCommentSchema, ticketSchema, type Ticket, type TicketComment } from '../../src-shared/ticket';
import { incidentSchema, type Incident } from '../../src-shared/incident';
import type { Cache } from './cache/open-cache';

/** Commands whose answer the caller waits for, with the schema the server's value is checked against. */
export const commandValueSchemas = {
  'chat:accept': conversationSchema,
  'chat:accept-next': conversationSchema.nullable(),
  'chat:transfer': conversationSchema,
  'chat:end': conversationSchema,
  'dropbox:insert': dropBoxSchema,
  'message:send': messageSchema,
  /** A file attached while offline: uploaded, then sent as a message, when the connection is back. */
  'attachment:send': messageSchema,
  'ticket:update': ticketSchema,
  'ticket:comment': ticketCommentSchema,
  'ticket:escalate': ticketSchema,
  'incident:create': incidentSchema,
  'incident:link': incidentSchema,
  'incident:resolve': incidentSchema,
} as const;
export type CommandKind = keyof typeof commandValueSchemas;

type Emit = <E extends ConsoleEventName>(event: E, payload: ConsoleEvents[E]) => void;

/** Stores the server's answer to a delivered command, so the cache shows it before the matching event arrives. */
export function applyDelivered(cache: Cache, emit: Emit, kind: string, value: unknown): void {
  const schema = commandValueSchemas[kind as CommandKind];
  if (!schema) return;
  const parsed = schema.safeParse(value);
  if (!parsed.success || parsed.data === null) return;
  const v = parsed.data;
  cache.transaction(() => {
    switch (kind as CommandKind) {
      case 'attachment:send':
      case 'message:send': {
        const m = v as Message;
        cache.messages.apply(m);
        cache.conversations.noteMessageSeq(m.conversationId, m.seq);
        emit('messages', { conversationId: m.conversationId, messages: [m] });
        return;
      }
      case 'chat:accept':
      case 'chat:accept-next':
      case 'chat:transfer':
      case 'chat:end': {
        const c = v as Conversation;
        cache.conversations.upsert(c);
        emit('conversations', { ids: [c.id] });
        return;
      }
      case 'dropbox:insert': {
        const d = v as DropBox;
        cache.dropBoxes.upsert(d);
        emit('dropBoxes', { conversationId: d.conversationId });
        return;
      }
      case 'ticket:update':
      case 'ticket:escalate': {
        const t = v as Ticket;
        cache.tickets.upsert(t);
        emit('tickets', { ids: [t.id] });
        return;
      }
      case 'ticket:comment': {
        const c = v as TicketComment;
        cache.tickets.addComment(c);
        emit('tickets', { ids: [c.ticketId] });
        return;
      }
      case 'incident:create':
      case 'incident:link':
      case 'incident:resolve': {
        const i = v as Incident;
        cache.incidents.upsert(i);
        emit('incidents', { ids: [i.id] });
        return;
      }
    }
  });
}
