// Issue categories from the event-platform support doc; used for escalation and incident detection.
import { z } from 'zod';

export const issueCategorySchema = z.enum([
  'platform_access', // can't load the page
  'streaming', // buffering, audio/video quality, black screens
  'personal_information', // redirected to the organisers/customers
  'other_technical', // a specific functionality misbehaves
  'large_scale', // many users affected: escalate to engineering
]);
export type IssueCategory = z.infer<typeof issueCategorySchema>;

export const issueCategoryLabels: Record<IssueCategory, string> = {
  platform_access: 'Platform access',
  streaming: 'Streaming',
  personal_information: 'Personal information (redirect to organisers)',
  other_technical: 'Other technical problem',
  large_scale: 'Large-scale problem',
};
