// Mail received by the inbound listener, as the console sees it: the admin's list (what became of each mail) and
// a ticket's original mail with its headers, shown on demand.
import { z } from 'zod';
import { departmentIdSchema, instantSchema, ticketIdSchema } from './ids';

/** received: stored, not yet processed; processed: a ticket or a comment; ignored: machine mail (never answered); failed: kept, unreadable. */
export const inboundMailStatusSchema = z.enum(['received', 'processed', 'ignored', 'failed']);
export type InboundMailStatus = z.infer<typeof inboundMailStatusSchema>;

export const inboundMailStatusLabels: Record<InboundMailStatus, string> = {
  received: 'Waiting to be processed',
  processed: 'On a ticket',
  ignored: 'Ignored (automatic mail)',
  failed: 'Could not be read',
};

export const inboundMailSummarySchema = z.object({
  id: z.number().int().positive(),
  receivedAt: instantSchema,
  envelopeFrom: z.string(),
  envelopeTo: z.string(),
  departmentId: departmentIdSchema,
  status: inboundMailStatusSchema,
  /** Why it was ignored or failed ("Auto-Submitted: auto-replied", "no text and no attachment"), or what it became. */
  reason: z.string().nullable(),
  messageId: z.string().nullable(),
  fromAddress: z.string().nullable(),
  subject: z.string().nullable(),
  ticketId: ticketIdSchema.nullable(),
  size: z.number().int().nonnegative(),
});
export type InboundMailSummary = z.infer<typeof inboundMailSummarySchema>;

export const mailHeaderSchema = z.object({ name: z.string(), value: z.string() });
export type MailHeader = z.infer<typeof mailHeaderSchema>;

/** One mail with its header lines as received (unfolded, in order) and the start of its raw source. */
export const inboundMailDetailSchema = inboundMailSummarySchema.extend({
  headers: z.array(mailHeaderSchema),
  /** The raw message as text, cut at INBOUND_SOURCE_PREVIEW_CHARS (for an admin reading a mail that failed). */
  source: z.string(),
  sourceTruncated: z.boolean(),
});
export type InboundMailDetail = z.infer<typeof inboundMailDetailSchema>;

export const INBOUND_SOURCE_PREVIEW_CHARS = 64_000;
