// Specialists (support staff): role, presence and capacity.
import { z } from 'zod';
import { departmentIdSchema, emailSchema, specialistIdSchema } from './ids';

export const roleSchema = z.enum(['agent', 'lead', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const presenceSchema = z.enum(['online', 'away', 'offline']);
export type Presence = z.infer<typeof presenceSchema>;

export const specialistSchema = z.object({
  id: specialistIdSchema,
  email: emailSchema,
  /** Shown to visitors with the greeting. */
  displayName: z.string().min(1).max(80),
  role: roleSchema,
  status: presenceSchema,
  maxConcurrentChats: z.number().int().min(1).max(20),
  departmentIds: z.array(departmentIdSchema),
  /** Chats currently assigned (derived by the server). */
  activeChats: z.number().int().nonnegative().default(0),
  /** False once an admin deactivated the account: it cannot sign in and is never routed chats. */
  active: z.boolean().default(true),
});
export type Specialist = z.infer<typeof specialistSchema>;

/** What a visitor ever learns about a specialist. */
export const publicSpecialistSchema = specialistSchema.pick({ id: true, displayName: true });
export type PublicSpecialist = z.infer<typeof publicSpecialistSchema>;

/** Leads see everything in their departments; admins manage accounts; agents handle chats and tickets. */
export const canSeeAllDepartments = (role: Role): boolean => role === 'lead' || role === 'admin';
