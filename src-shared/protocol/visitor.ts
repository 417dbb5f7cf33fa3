// Wire contract of the `/visitor` socket.io namespace (customer page and widget ↔ support server).
// Inbound payloads are validated by `visitorInbound[event]` on the server before any handler runs.
import { z } from 'zod';
import type { Ack } from '../result';
import { clientIdSchema, type conversationIdSchema, departmentIdSchema, emailSchema } from '../ids';
import { supportContextSchema } from '../visitor';
import { messageBodySchema, type Message } from '../message';
import type { Conversation } from '../conversation';
import type { DropBox } from '../drop-box';
import type { Availability } from '../department';
import type { SystemNotice } from '../notice';
import { eventsSinceInputSchema, type EventsPage, type EventEnvelope } from '../events';
import type { LogHead } from './log-head';

export const VISITOR_NAMESPACE = '/visitor';

/** Opaque bearer token bound to one conversation; the only key to it a visitor ever holds. */
export const visitorTokenSchema = z.string().min(32).max(200);

export const chatRequestSchema = z.object({
  clientId: clientIdSchema,
  email: emailSchema,
  departmentId: departmentIdSchema,
  question: z.string().trim().min(1).max(2000),
  context: supportContextSchema.default({}),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const visitorInbound = {
  'chat:request': chatRequestSchema,
  'chat:resume': z.object({ token: visitorTokenSchema }),
  'message:send': z.object({ clientId: clientIdSchema, body: messageBodySchema }),
  typing: z.object({ typing: z.boolean() }),
  /** `answerByEmail`: end a chat no specialist has written in yet as an email request (docs/protocol.md). */
  'chat:leave': z.object({ answerByEmail: z.boolean().optional() }),
  'events:since': eventsSinceInputSchema,
} as const;

/** Everything a visitor needs to (re)draw its chat window. */
export interface VisitorChatState {
  conversation: Conversation;
  messages: Message[];
  dropBoxes: DropBox[];
  queuePosition: number | null;
  /** Cursor of the newest event included in this state. */
  cursor: number;
}

export interface VisitorClientToServerEvents {
  'chat:request': (input: z.input<typeof chatRequestSchema>, ack: Ack<VisitorChatState & { token: string }>) => void;
  'chat:resume': (input: z.input<(typeof visitorInbound)['chat:resume']>, ack: Ack<VisitorChatState>) => void;
  'message:send': (input: z.input<(typeof visitorInbound)['message:send']>, ack: Ack<Message>) => void;
  typing: (input: z.input<(typeof visitorInbound)['typing']>, ack?: Ack<null>) => void;
  'chat:leave': (input: z.input<(typeof visitorInbound)['chat:leave']>, ack: Ack<null>) => void;
  'events:since': (input: z.input<typeof eventsSinceInputSchema>, ack: Ack<EventsPage>) => void;
}

export interface VisitorServerToClientEvents {
  /** A logged change visible to this visitor (own conversation, public messages, drop boxes, notices). */
  event: (envelope: EventEnvelope) => void;
  /** Ephemeral: live availability for every department (not logged). */
  availability: (list: Availability[]) => void;
  /** Ephemeral: position in the department queue, 1 = next. */
  'queue:position': (p: { conversationId: z.infer<typeof conversationIdSchema>; position: number }) => void;
  /** Ephemeral: the specialist is typing; expires on its own after `ttlMs`. */
  typing: (t: { conversationId: string; displayName: string; typing: boolean; ttlMs: number }) => void;
  /** Ephemeral: current system notice (incident banner), or null. */
  notice: (n: SystemNotice | null) => void;
  /**
   * Ephemeral: the newest committed seq, sent when the node's Redis link is back, and when the node finds events no
   * node published live (docs/protocol.md, "Live events and gaps").
   */
  'log:head': (head: LogHead) => void;
}

export interface VisitorSocketData {
  conversationId: string | null;
}
