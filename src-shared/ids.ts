// Identifier and scalar schemas shared by every entity, so a "conversation id" means one thing everywhere.
import { z } from 'zod';

/** Client-generated UUID carried by every write; the server's unique key for idempotent retries. */
export const clientIdSchema = z.uuid();
export const conversationIdSchema = z.uuid();
export const specialistIdSchema = z.uuid();
export const messageIdSchema = z.uuid();
export const attachmentIdSchema = z.uuid();
export const dropBoxIdSchema = z.uuid();
/** Departments use readable slugs ("av-media") because support links and configs name them. */
export const departmentIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase slug');
/** Tickets get small sequential numbers customers can quote ("ticket #1042"). */
export const ticketIdSchema = z.number().int().positive();
/** Epoch milliseconds; all instants on the wire are numbers in UTC. */
export const instantSchema = z.number().int().nonnegative();
export const emailSchema = z.email().max(254).transform((e) => e.trim().toLowerCase());
/** Server event-log sequence number; 0 means "from the beginning". */
export const cursorSchema = z.number().int().nonnegative();

export type ConversationId = z.infer<typeof conversationIdSchema>;
export type SpecialistId = z.infer<typeof specialistIdSchema>;
export type DepartmentId = z.infer<typeof departmentIdSchema>;
export type TicketId = z.infer<typeof ticketIdSchema>;
