// The server's event log: every state change is one envelope with a monotonically increasing seq.
// Clients apply envelopes in order and keep the last seq as their cursor ("events since N").
import { z } from 'zod';
import { cursorSchema, instantSchema } from './ids';
import { conversationSchema } from './conversation';
import { messageSchema } from './message';
import { dropBoxSchema } from './drop-box';
import { ticketAuditEntrySchema, ticketCommentSchema, ticketSchema } from './ticket';
import { specialistSchema } from './specialist';
import { departmentSchema } from './department';
import { systemNoticeSchema } from './notice';
import { incidentSchema } from './incident';
import { cannedResponseSchema } from './canned-response';

const envelope = <T extends string, P extends z.ZodType>(type: T, payload: P) =>
  z.object({ seq: cursorSchema, at: instantSchema, type: z.literal(type), payload });

export const eventEnvelopeSchema = z.discriminatedUnion('type', [
  /** Full snapshot of the conversation after any change (queued, assigned, transferred, ended). */
  envelope('conversation.updated', conversationSchema),
  envelope('message.created', messageSchema),
  envelope('dropbox.updated', dropBoxSchema),
  envelope('ticket.updated', ticketSchema),
  envelope('ticket.comment', ticketCommentSchema),
  envelope('ticket.audit', ticketAuditEntrySchema),
  envelope('specialist.updated', specialistSchema),
  envelope('department.updated', departmentSchema),
  envelope('notice.updated', z.object({ notice: systemNoticeSchema.nullable() })),
  /** Leads and admins only. */
  envelope('incident.updated', incidentSchema),
  /** A canned response saved, or deleted (`deleted`: the last version, gone now). Scoped like its department. */
  envelope('canned.updated', z.object({ canned: cannedResponseSchema, deleted: z.boolean() })),
  /** Leads and admins only: the admin audit grew (the admin screens re-read it). */
  envelope('admin.audit', z.object({ entryId: z.number().int().positive() })),
]);
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;
export type EventType = EventEnvelope['type'];
export type EventPayload<T extends EventType> = Extract<EventEnvelope, { type: T }>['payload'];

export const eventsSinceInputSchema = z.object({
  since: cursorSchema,
  limit: z.number().int().min(1).max(5000).default(1000),
});
export type EventsSinceInput = z.infer<typeof eventsSinceInputSchema>;

export const eventsPageSchema = z.object({
  events: z.array(eventEnvelopeSchema),
  /** Pass as `since` next time; equals the last event's seq, or the input when nothing new. */
  cursor: cursorSchema,
  hasMore: z.boolean(),
});
export type EventsPage = z.infer<typeof eventsPageSchema>;
