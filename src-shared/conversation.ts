// Chats: lifecycle states and the conversation record both sides see.
import { z } from 'zod';
import { conversationIdSchema, departmentIdSchema, emailSchema, instantSchema, specialistIdSchema, ticketIdSchema } from './ids';
import { supportContextSchema } from './visitor';
import { publicSpecialistSchema } from './specialist';

/**
 * queued → assigned (specialist picked, greeting sent) → active (first exchange) → ended.
 * `requested` exists only between the visitor's press and the commit, so it never reaches the wire.
 */
export const conversationStateSchema = z.enum(['queued', 'assigned', 'active', 'ended']);
export type ConversationState = z.infer<typeof conversationStateSchema>;

export const endReasonSchema = z.enum(['specialist', 'visitor_left', 'idle_timeout', 'no_specialist']);
export type EndReason = z.infer<typeof endReasonSchema>;

export const conversationSchema = z.object({
  id: conversationIdSchema,
  departmentId: departmentIdSchema,
  visitorEmail: emailSchema,
  question: z.string(),
  context: supportContextSchema,
  state: conversationStateSchema,
  specialist: publicSpecialistSchema.nullable(),
  /** Each chat becomes a ticket; the ticket exists from the request on. */
  ticketId: ticketIdSchema.nullable(),
  queuedAt: instantSchema,
  assignedAt: instantSchema.nullable(),
  firstResponseAt: instantSchema.nullable(),
  endedAt: instantSchema.nullable(),
  endReason: endReasonSchema.nullable(),
  /** Highest message seq in the conversation. */
  lastSeq: z.number().int().nonnegative(),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** Only ids of the specialist are visible to other specialists; visitors get `publicSpecialist`. */
export const conversationAssigneeSchema = specialistIdSchema.nullable();
