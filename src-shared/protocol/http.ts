// HTTP bodies of the support server (auth, EMAIL US, uploads, comment links), validated at each route.
import { z } from 'zod';
import { departmentIdSchema, emailSchema, ticketIdSchema } from '../ids';
import { supportContextSchema } from '../visitor';
import type { Specialist } from '../specialist';
import type { Availability, Department } from '../department';
import type { TicketStatus } from '../ticket-lifecycle';
import type { Message } from '../message';
import type { TicketComment } from '../ticket';

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const refreshInputSchema = z.object({ refreshToken: z.string().min(20).max(500) });

export interface AuthTokens {
  accessToken: string;
  /** Epoch ms at which the access token stops being accepted. */
  accessExpiresAt: number;
  refreshToken: string;
  specialist: Specialist;
}

/** EMAIL US: when no specialist can chat, the request becomes a ticket and an acknowledgement email. */
export const emailRequestSchema = z.object({
  clientId: z.uuid(),
  email: emailSchema,
  departmentId: departmentIdSchema,
  question: z.string().trim().min(1).max(5000),
  context: supportContextSchema.default({}),
});
export type EmailRequest = z.infer<typeof emailRequestSchema>;

export interface EmailRequestReceipt {
  ticketId: number;
  /** When the customer can expect an answer (next opening of the department's hours). */
  expectedReplyBy: number | null;
  expectedReplyText: string;
}

/** Body of a comment added through the signed link of a recap email. */
/**
 * Body of a comment added through the signed link of a recap email. Files are uploaded first with
 * `POST /api/comment/:ticketId/attachments?sig=…` (multipart, same limits and sniffing as drop boxes) and
 * referenced here; `GET /api/comment/:ticketId/attachments/:attachmentId?sig=…` downloads a public
 * attachment of that ticket.
 */
export const customerCommentSchema = z.object({
  body: z.string().trim().min(1).max(10000),
  ccs: z.array(emailSchema).max(20).default([]),
  attachmentIds: z.array(z.uuid()).max(10).default([]),
});

export const commentLinkParamsSchema = z.object({
  ticketId: z.coerce.number().pipe(ticketIdSchema),
  /** Signed, expiring token (HMAC); tampering or expiry is answered with `expired`/`forbidden`. */
  sig: z.string().min(10).max(500),
});

export interface HealthStatus {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
  db: 'sqlite' | 'postgres';
}

/** `GET /api/departments`: what the support page offers (names, hours) and live availability. */
export interface DepartmentsResponse {
  departments: Department[];
  availability: Availability[];
}

/** `GET /api/comment/:ticketId?sig=`: the customer's view of a ticket (never internal notes). */
export interface CommentPage {
  ticketId: number;
  subject: string;
  status: TicketStatus;
  statusLabel: string;
  departmentId: string;
  createdAt: number;
  transcript: Message[];
  comments: TicketComment[];
}

/** `POST /api/comment/:ticketId?sig=` answer: the comment, and the ticket it landed on (a follow-up when the original was closed). */
export interface CustomerCommentReceipt {
  ticketId: number;
  followUp: boolean;
  status: TicketStatus;
  comment: TicketComment;
}
