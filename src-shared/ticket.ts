// Tickets: every chat and every EMAIL US request becomes one; statuses and resolutions per DESIGN.md §3.
import { z } from 'zod';
import { conversationIdSchema, departmentIdSchema, emailSchema, instantSchema, specialistIdSchema, ticketIdSchema } from './ids';
import { ticketStatusSchema } from './ticket-lifecycle';
import { resolutionSchema } from './resolution-catalog';
import { supportContextSchema } from './visitor';
import { issueCategorySchema } from './issue-category';
import { attachmentSchema } from './attachment';

export const ticketChannelSchema = z.enum(['chat', 'email', 'web']);

export const escalationSchema = z.object({
  category: issueCategorySchema,
  note: z.string().max(2000),
  by: specialistIdSchema,
  at: instantSchema,
});

export const ticketSchema = z.object({
  id: ticketIdSchema,
  subject: z.string().max(200),
  status: ticketStatusSchema,
  channel: ticketChannelSchema,
  departmentId: departmentIdSchema,
  requesterEmail: emailSchema,
  ccs: z.array(emailSchema),
  context: supportContextSchema,
  category: issueCategorySchema.nullable(),
  /** Product line (e.g. "lumina"), inherited from the department; drives product-restricted resolutions. */
  product: z.string().nullable(),
  resolution: resolutionSchema.nullable(),
  assigneeId: specialistIdSchema.nullable(),
  conversationId: conversationIdSchema.nullable(),
  /** The ticket this one follows up (a reply to a Closed ticket creates a new linked ticket). */
  followUpOf: ticketIdSchema.nullable(),
  escalation: escalationSchema.nullable(),
  /** Fixed – Pending RCA: the workaround given and, when done, the RCA note. */
  workaround: z.string().nullable(),
  rcaNote: z.string().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  solvedAt: instantSchema.nullable(),
  closedAt: instantSchema.nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketCommentSchema = z.object({
  id: z.uuid(),
  ticketId: ticketIdSchema,
  authorKind: z.enum(['customer', 'specialist', 'system']),
  authorId: specialistIdSchema.nullable(),
  authorName: z.string(),
  body: z.string(),
  attachments: z.array(attachmentSchema),
  /** Internal notes never reach customers (emails, comment page). */
  internal: z.boolean(),
  createdAt: instantSchema,
});
export type TicketComment = z.infer<typeof ticketCommentSchema>;

/** One line of a ticket's audit trail: who changed what, when. */
export const ticketAuditEntrySchema = z.object({
  ticketId: ticketIdSchema,
  at: instantSchema,
  actorKind: z.enum(['specialist', 'customer', 'system']),
  actorId: z.string().nullable(),
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
});
export type TicketAuditEntry = z.infer<typeof ticketAuditEntrySchema>;

/** What a specialist may change on a ticket; omitted fields stay as they are. */
export const ticketPatchSchema = z
  .object({
    status: ticketStatusSchema.optional(),
    resolution: resolutionSchema.nullable().optional(),
    ccs: z.array(emailSchema).max(20).optional(),
    subject: z.string().trim().min(1).max(200).optional(),
    category: issueCategorySchema.nullable().optional(),
    assigneeId: specialistIdSchema.nullable().optional(),
    workaround: z.string().max(5000).nullable().optional(),
    rcaNote: z.string().max(5000).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');
export type TicketPatch = z.infer<typeof ticketPatchSchema>;

export const ticketFilterSchema = z.object({
  status: z.array(ticketStatusSchema).optional(),
  departmentId: departmentIdSchema.optional(),
  assigneeId: specialistIdSchema.optional(),
  requesterEmail: emailSchema.optional(),
  /** Only tickets escalated to engineering (leads review these). */
  escalated: z.boolean().optional(),
  /** Keyset pagination: tickets with id below this, newest first. */
  beforeId: ticketIdSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type TicketFilter = z.infer<typeof ticketFilterSchema>;
