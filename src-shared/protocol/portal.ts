// The customer portal over HTTP (/api/portal/*): passwordless sign-in, My activities, Submit a request, Contacts.
// A session is an HttpOnly cookie; every body and answer has its schema here, parsed at both ends.
import { z } from 'zod';
import { attachmentIdSchema, clientIdSchema, departmentIdSchema, emailSchema, instantSchema, ticketIdSchema } from '../ids';
import { supportContextSchema } from '../visitor';
import { ticketChannelSchema, ticketCommentSchema } from '../ticket';
import { ticketStatusSchema } from '../ticket-lifecycle';
import { messageSchema } from '../message';
import { scheduleSchema } from '../business-hours';

/** The session cookie's name; HttpOnly, SameSite=Lax, Path=/api/portal, Secure when PUBLIC_URL is https. */
export const PORTAL_SESSION_COOKIE = 'sb_portal';

/** Where a sign-in link may send the customer afterwards: a portal path or the status page (never another site). */
export const portalReturnPathSchema = z
  .string()
  .max(300)
  .regex(/^(\/portal(\/[A-Za-z0-9/_-]*)?|\/status)(\?[A-Za-z0-9=&%_.-]*)?$/, 'a /portal path or /status');

/** `POST /api/portal/sign-in`: mail a one-time link. Always answered 202 the same way, known address or not. */
export const portalSignInRequestSchema = z.object({
  email: emailSchema,
  returnTo: portalReturnPathSchema.optional(),
});
export type PortalSignInRequest = z.infer<typeof portalSignInRequestSchema>;

export const portalSignInSentSchema = z.object({
  /** The address the link went to, as normalised (lower-cased, trimmed). */
  email: z.string(),
  /** When the link stops working. */
  expiresAt: instantSchema,
});
export type PortalSignInSent = z.infer<typeof portalSignInSentSchema>;

/**
 * `POST /api/portal/session` with the token of the link (from `/portal/sign-in?token=`): the link is used up and
 * a session cookie set. The page posts it (a GET would let a mail scanner's prefetch use the link up).
 */
export const portalSessionCreateSchema = z.object({ token: z.string().min(20).max(200) });

/** `GET /api/portal/session` (401 without a live session) and the answer of creating one. */
export const portalSessionSchema = z.object({
  email: z.string(),
  expiresAt: instantSchema,
  /** The path the sign-in link asked for, when creating the session; otherwise null. */
  returnTo: z.string().nullable(),
});
export type PortalSession = z.infer<typeof portalSessionSchema>;

/** The customer's role on a ticket: who asked, or copied on it. */
export const portalTicketRoleSchema = z.enum(['requester', 'cc']);

/** One row of My activities. */
export const portalTicketSummarySchema = z.object({
  id: ticketIdSchema,
  subject: z.string(),
  status: ticketStatusSchema,
  statusLabel: z.string(),
  /** What the status means for the customer (DESIGN.md §3), shown next to the label. */
  statusMeaning: z.string(),
  channel: ticketChannelSchema,
  departmentId: departmentIdSchema,
  departmentName: z.string(),
  role: portalTicketRoleSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type PortalTicketSummary = z.infer<typeof portalTicketSummarySchema>;

/** `GET /api/portal/tickets?status=open,pending&beforeId=`: newest first, 50 a page. */
export const portalTicketQuerySchema = z.object({
  status: z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter((x) => x !== ''))
    .pipe(z.array(ticketStatusSchema).max(10))
    .optional(),
  beforeId: z.coerce.number().pipe(ticketIdSchema).optional(),
});
export type PortalTicketQuery = z.infer<typeof portalTicketQuerySchema>;

export const portalTicketListSchema = z.object({
  tickets: z.array(portalTicketSummarySchema),
  /** Pass as `beforeId` for the next page; null on the last. */
  nextBeforeId: ticketIdSchema.nullable(),
});
export type PortalTicketList = z.infer<typeof portalTicketListSchema>;

/** `GET /api/portal/tickets/:id`: the public view (never internal notes), as on the comment page, plus the CCs. */
export const portalTicketDetailSchema = portalTicketSummarySchema.extend({
  requesterEmail: z.string(),
  ccs: z.array(z.string()),
  transcript: z.array(messageSchema),
  comments: z.array(ticketCommentSchema),
  /** The Closed ticket this one follows up (a reply to a Closed ticket starts a linked follow-up), as Ticket.followUpOf; else null. */
  followUpOf: ticketIdSchema.nullable(),
});
export type PortalTicketDetail = z.infer<typeof portalTicketDetailSchema>;

/**
 * `POST /api/portal/tickets/:id/comments`: add details, CCs and files (uploaded first with
 * `POST /api/portal/tickets/:id/attachments`). Same reopen / follow-up rules as the comment link. A body may be
 * empty only when CCs are added (copying someone in needs no words).
 */
export const portalCommentSchema = z
  .object({
    clientId: clientIdSchema,
    body: z.string().trim().max(10000).default(''),
    ccs: z.array(emailSchema).max(20).default([]),
    attachmentIds: z.array(attachmentIdSchema).max(10).default([]),
  })
  .refine((c) => c.body !== '' || c.ccs.length > 0 || c.attachmentIds.length > 0, { error: 'write something, add a CC or attach a file' });
export type PortalComment = z.infer<typeof portalCommentSchema>;

/** The answer: the ticket the comment landed on (a follow-up when the original was Closed), as it now reads. */
export const portalCommentReceiptSchema = z.object({
  ticketId: ticketIdSchema,
  followUp: z.boolean(),
  /** Null when only CCs were added. */
  comment: ticketCommentSchema.nullable(),
  ticket: portalTicketDetailSchema,
});
export type PortalCommentReceipt = z.infer<typeof portalCommentReceiptSchema>;

/**
 * `POST /api/portal/requests` (Submit a request): at any hour, the same ticket rules and acknowledgement as
 * EMAIL US; channel `web`. Files are uploaded first with `POST /api/portal/uploads`.
 */
export const portalRequestSchema = z.object({
  clientId: clientIdSchema,
  departmentId: departmentIdSchema,
  subject: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(10000),
  ccs: z.array(emailSchema).max(20).default([]),
  attachmentIds: z.array(attachmentIdSchema).max(10).default([]),
  context: supportContextSchema.default({}),
});
export type PortalRequest = z.infer<typeof portalRequestSchema>;

export const portalRequestReceiptSchema = z.object({
  ticketId: ticketIdSchema,
  expectedReplyBy: instantSchema.nullable(),
  expectedReplyText: z.string(),
});
export type PortalRequestReceipt = z.infer<typeof portalRequestReceiptSchema>;

/** `GET /api/portal/contacts` (no sign-in needed): each department's direct address and its coverage hours. */
export const departmentContactSchema = z.object({
  departmentId: departmentIdSchema,
  name: z.string(),
  description: z.string(),
  /** Null: the department takes no direct email (chat, EMAIL US and the portal only). */
  email: z.string().nullable(),
  /** Its hours; the page shows them in the reader's own time zone. */
  schedule: scheduleSchema,
  /** "Mon–Fri 9:00 AM–5:00 PM (Europe/London)" in the department's zone, for readers without JavaScript zone data. */
  hoursText: z.string(),
});
export type DepartmentContact = z.infer<typeof departmentContactSchema>;
export const departmentContactsSchema = z.object({ departments: z.array(departmentContactSchema) });
