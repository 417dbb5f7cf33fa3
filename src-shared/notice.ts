// System notices (incident banners) shown on the customer page.
import { z } from 'zod';
import { instantSchema } from './ids';

export const systemNoticeSchema = z.object({
  id: z.string(),
  severity: z.enum(['info', 'warning', 'outage']),
  text: z.string().min(1).max(500),
  postedAt: instantSchema,
});
export type SystemNotice = z.infer<typeof systemNoticeSchema>;
