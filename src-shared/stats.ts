// Live numbers for the lead dashboard, computed by the server over its whole history (not a console cache).
import { z } from 'zod';
import { departmentIdSchema, instantSchema, specialistIdSchema } from './ids';
import { ticketStatusSchema } from './ticket-lifecycle';
import { mailOutboxStatsSchema } from './mail-delivery';

export const departmentDayStatsSchema = z.object({
  departmentId: departmentIdSchema,
  waitingNow: z.number().int().nonnegative(),
  /** When the longest-waiting queued chat was queued, or null when nobody waits. */
  longestWaitSince: instantSchema.nullable(),
  inProgress: z.number().int().nonnegative(),
  specialistsOnline: z.number().int().nonnegative(),
  chatsToday: z.number().int().nonnegative(),
  /** Mean queued→assigned of chats assigned today, ms; null when none. */
  avgWaitMs: z.number().nonnegative().nullable(),
  /** Mean queued→first specialist message of chats answered today, ms; null when none. */
  avgFirstResponseMs: z.number().nonnegative().nullable(),
  /** Chats that ended today without ever being assigned. */
  missedToday: z.number().int().nonnegative(),
  ticketsByStatus: z.record(ticketStatusSchema, z.number().int().nonnegative()),
});
export type DepartmentDayStats = z.infer<typeof departmentDayStatsSchema>;

export const specialistLoadSchema = z.object({
  specialistId: specialistIdSchema,
  displayName: z.string(),
  status: z.enum(['online', 'away', 'offline']),
  activeChats: z.number().int().nonnegative(),
  maxConcurrentChats: z.number().int().positive(),
});

/**
 * Today's help center suggestions in the widget's CONTACT US form, counted per page load ("session"): sessions that
 * were shown suggestions, those that opened one, and chats avoided (opened one and then sent no chat or email).
 */
export const helpSuggestionStatsSchema = z.object({
  sessionsShown: z.number().int().nonnegative(),
  sessionsOpened: z.number().int().nonnegative(),
  chatsAvoided: z.number().int().nonnegative(),
  /** sessionsOpened ÷ sessionsShown; null before any suggestion was shown today. */
  openedRate: z.number().min(0).max(1).nullable(),
});
export type HelpSuggestionStats = z.infer<typeof helpSuggestionStatsSchema>;

export const dashboardStatsSchema = z.object({
  /** Start of "today" (midnight in the server's reporting zone, America/New_York by default). */
  dayStart: instantSchema,
  /** The reporting zone (IANA) whose wall clock the day and its hours are counted in; absent from older servers. */
  timeZone: z.string().min(1).max(64).optional(),
  generatedAt: instantSchema,
  departments: z.array(departmentDayStatsSchema),
  specialists: z.array(specialistLoadSchema),
  /** Hourly buckets since dayStart: chats queued and chats assigned in that hour, and queue length at its end. */
  hourly: z.array(
    z.object({ hourStart: instantSchema, queued: z.number().int(), assigned: z.number().int(), waitingAtEnd: z.number().int() }),
  ),
  /** The mail outbox (queued, being retried, failed for good); absent from servers older than the outbox. */
  mail: mailOutboxStatsSchema.optional(),
  /** Help center suggestions today; absent from servers older than the help center. */
  helpSuggestions: helpSuggestionStatsSchema.optional(),
});
export type DashboardStats = z.infer<typeof dashboardStatsSchema>;
