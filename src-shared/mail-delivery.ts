// Outgoing mail as the console sees it: the kinds of mail, one delivery attempt in a ticket's audit trail, and the
// outbox counts on the lead dashboard. The server writes these shapes; the renderer parses and words them.
import { z } from 'zod';
import { instantSchema } from './ids';

export const mailKindSchema = z.enum(['chat_recap', 'email_ack', 'ticket_update', 'incident_resolved', 'account_management', 'ticket_reply', 'portal_sign_in', 'status_update', 'help_article', 'help_digest']);
export type MailKind = z.infer<typeof mailKindSchema>;

export const mailKindLabels: Record<MailKind, string> = {
  chat_recap: 'Chat recap email',
  email_ack: 'Acknowledgement email',
  ticket_update: 'Ticket update email',
  incident_resolved: 'Incident resolved email',
  account_management: 'Account Management email',
  ticket_reply: 'Reply email',
  portal_sign_in: 'Sign-in link email',
  status_update: 'System status email',
  help_article: 'Help center article email',
  help_digest: 'Help center digest email',
};

/** The `field` of a ticket audit entry that records a delivery attempt; its `to` is a MailAttempt. */
export const MAIL_AUDIT_FIELD = 'email';

export const mailAttemptSchema = z.object({
  kind: mailKindSchema,
  /** 1-based attempt number of this mail. */
  attempt: z.number().int().positive(),
  /** sent: accepted by the SMTP server (or written to the file outbox); retrying: failed, tried again at nextAttemptAt; failed: for good. */
  outcome: z.enum(['sent', 'retrying', 'failed']),
  /** Short error code (ECONNREFUSED, SMTP 550, …); never the server's text. */
  error: z.string().nullable(),
  nextAttemptAt: instantSchema.nullable(),
});
export type MailAttempt = z.infer<typeof mailAttemptSchema>;

/** The mail outbox on the lead dashboard: waiting for a first try, failing and being retried, failed for good. */
export const mailOutboxStatsSchema = z.object({
  queued: z.number().int().nonnegative(),
  retrying: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});
export type MailOutboxStats = z.infer<typeof mailOutboxStatsSchema>;
