// Visitors and the context a support link carries (event platform: participant id `pid`, event id `eid`).
import { z } from 'zod';
import { emailSchema } from './ids';

export const supportContextSchema = z.object({
  /** Participant id from the event platform's support link (`?pid=`). */
  pid: z.string().trim().min(1).max(128).optional(),
  /** Event id from the support link (`?eid=`). */
  eid: z.string().trim().min(1).max(128).optional(),
  /** Page the widget was opened on, if the host page allows it. */
  pageUrl: z.url().max(2048).optional(),
});
export type SupportContext = z.infer<typeof supportContextSchema>;

export const visitorSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(120).optional(),
});
export type Visitor = z.infer<typeof visitorSchema>;
