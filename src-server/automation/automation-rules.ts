// The tunable numbers of ticket automation (reminder offsets, auto-solve, auto-close), validated once so the planner can trust them.
import { z } from 'zod';
import { AUTO_CLOSE_DAYS, AUTO_SOLVE_BUSINESS_DAYS, REMINDER_BUSINESS_DAYS } from '../../src-shared/ticket-lifecycle';

export const automationRulesSchema = z
  .object({
    /** Business days after entering "Awaiting your reply" at which reminder n (1-based) is sent; strictly increasing. */
    reminderBusinessDays: z.array(z.number().int().positive()).max(10),
    /** Business days after entering "Awaiting your reply" at which the ticket is auto-solved. */
    autoSolveBusinessDays: z.number().int().positive(),
    /** Calendar days after solving at which a Solved ticket closes. */
    autoCloseDays: z.number().int().positive(),
  })
  // A reminder on or after the auto-solve day could never be sent before the ticket is already solved.
  .refine((r) => r.reminderBusinessDays.every((d, i, all) => d < r.autoSolveBusinessDays && (i === 0 || d > (all[i - 1] ?? 0))), {
    error: 'reminder days must be strictly increasing and before the auto-solve day',
    path: ['reminderBusinessDays'],
  });
export type AutomationRules = z.infer<typeof automationRulesSchema>;

/** The support docs' defaults: 2 reminders, auto-solve after 7 business days, close 28 days after solving. */
export const defaultAutomationRules: AutomationRules = {
  reminderBusinessDays: [...REMINDER_BUSINESS_DAYS],
  autoSolveBusinessDays: AUTO_SOLVE_BUSINESS_DAYS,
  autoCloseDays: AUTO_CLOSE_DAYS,
};
