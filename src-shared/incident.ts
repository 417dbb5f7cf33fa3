// Incidents: a likely large-scale problem that a lead declares, links tickets to, announces and resolves.
import { z } from 'zod';
import { instantSchema, specialistIdSchema, ticketIdSchema } from './ids';
import { issueCategorySchema } from './issue-category';

export const incidentIdSchema = z.uuid();

export const incidentStateSchema = z.enum(['open', 'resolved']);
export type IncidentState = z.infer<typeof incidentStateSchema>;

export const incidentSchema = z.object({
  id: incidentIdSchema,
  title: z.string().min(1).max(200),
  category: issueCategorySchema,
  /** Event id the reports share (support links' `eid`), when they do. */
  eid: z.string().nullable(),
  state: incidentStateSchema,
  ticketIds: z.array(ticketIdSchema),
  /** The system notice posted for it (shown as a banner on the support page), if any. */
  noticeId: z.string().nullable(),
  createdBy: specialistIdSchema,
  createdAt: instantSchema,
  resolvedAt: instantSchema.nullable(),
  resolutionNote: z.string().nullable(),
});
export type Incident = z.infer<typeof incidentSchema>;
