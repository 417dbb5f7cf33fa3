// The public status page (/status, docs/protocol.md "System status"): what `GET /api/status` answers to anyone, and
// the signed-in portal customer's email subscription. Parsed by the page; never carries ticket or specialist ids.
import { z } from 'zod';
import { instantSchema } from '../ids';
import { issueCategorySchema } from '../issue-category';
import { systemNoticeSchema } from '../notice';

/** Worst last: an order the server and the page both rank by. */
export const statusStateSchema = z.enum(['operational', 'degraded', 'outage']);
export type StatusState = z.infer<typeof statusStateSchema>;

/** A part of the service customers recognise, derived from the issue categories incidents are filed under. */
export const statusComponentSchema = z.object({
  category: issueCategorySchema,
  name: z.string(),
  state: statusStateSchema,
});
export type StatusComponent = z.infer<typeof statusComponentSchema>;

export const openIncidentViewSchema = z.object({
  title: z.string(),
  categoryLabel: z.string(),
  state: statusStateSchema.exclude(['operational']),
  startedAt: instantSchema,
  /** The incident's banner text while it is the current notice; else null. */
  notice: z.string().nullable(),
  /** What the team posted since it started (`incident:update`), newest first. */
  updates: z.array(z.object({ at: instantSchema, note: z.string() })),
});
export type OpenIncidentView = z.infer<typeof openIncidentViewSchema>;

export const resolvedIncidentViewSchema = z.object({
  title: z.string(),
  startedAt: instantSchema,
  resolvedAt: instantSchema,
  resolutionNote: z.string().nullable(),
});
export type ResolvedIncidentView = z.infer<typeof resolvedIncidentViewSchema>;

/** `GET /api/status` (no sign-in; `Cache-Control: public, max-age=15`). */
export const statusPageSchema = z.object({
  state: statusStateSchema,
  notice: systemNoticeSchema.omit({ id: true }).nullable(),
  components: z.array(statusComponentSchema),
  /** Newest first. */
  openIncidents: z.array(openIncidentViewSchema),
  /** Resolved within the last `historyDays` days, newest resolution first. */
  recentIncidents: z.array(resolvedIncidentViewSchema),
  historyDays: z.number().int().positive(),
  generatedAt: instantSchema,
});
export type StatusPage = z.infer<typeof statusPageSchema>;

/** `GET|PUT|DELETE /api/portal/status-subscription` (portal session): the caller's subscription as it now stands. */
export const statusSubscriptionSchema = z.object({
  email: z.string(),
  subscribed: z.boolean(),
  since: instantSchema.nullable(),
});
export type StatusSubscription = z.infer<typeof statusSubscriptionSchema>;

/** `POST /api/status/unsubscribe?token=` (RFC 8058 one-click; no session: the mailed token is the credential). */
export const statusUnsubscribeQuerySchema = z.object({ token: z.string().min(20).max(200) });
export const statusUnsubscribedSchema = z.object({ unsubscribed: z.literal(true) });
