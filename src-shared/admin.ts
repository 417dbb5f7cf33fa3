// Administration on the wire: the admin view of the help desk, the account commands, and the audit trail every
// administrative change leaves (who changed what, when, before and after).
import { z } from 'zod';
import { departmentIdSchema, emailSchema, instantSchema, specialistIdSchema } from './ids';
import { departmentSchema } from './department';
import { roleSchema, specialistSchema } from './specialist';
import { cannedResponseSchema } from './canned-response';
import { systemNoticeSchema } from './notice';

export const adminActionSchema = z.enum([
  'department.create',
  'department.update',
  'department.reorder',
  'specialist.create',
  'specialist.update',
  'specialist.deactivate',
  'specialist.reactivate',
  'specialist.reset-password',
  'canned.save',
  'canned.delete',
  'notice.set',
]);
export type AdminAction = z.infer<typeof adminActionSchema>;

export const adminAuditEntrySchema = z.object({
  id: z.number().int().positive(),
  at: instantSchema,
  /** Null when the change came from the command line (`npm run admin`). */
  actorId: specialistIdSchema.nullable(),
  actorName: z.string(),
  action: adminActionSchema,
  /** What changed: a department id, a specialist's email, a canned shortcut. */
  target: z.string(),
  /** The changed fields, before and after (never a password). */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type AdminAuditEntry = z.infer<typeof adminAuditEntrySchema>;

/** Everything the admin screens show: every department and account (deactivated too), canned responses, notice, recent audit. */
export const adminOverviewSchema = z.object({
  departments: z.array(departmentSchema),
  specialists: z.array(specialistSchema),
  canned: z.array(cannedResponseSchema),
  notice: systemNoticeSchema.nullable(),
  /** Newest first, at most 200. */
  audit: z.array(adminAuditEntrySchema),
});
export type AdminOverview = z.infer<typeof adminOverviewSchema>;

export const specialistCreateSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(80),
  role: roleSchema,
  departmentIds: z.array(departmentIdSchema).max(100),
  maxConcurrentChats: z.number().int().min(1).max(20).default(4),
});

/** Only the fields present change. Deactivating signs the account out everywhere and requeues its live chats. */
export const specialistPatchSchema = z
  .object({
    displayName: z.string().trim().min(1).max(80),
    role: roleSchema,
    departmentIds: z.array(departmentIdSchema).max(100),
    maxConcurrentChats: z.number().int().min(1).max(20),
    active: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { error: 'nothing to change' });
export type SpecialistPatch = z.output<typeof specialistPatchSchema>;

/**
 * A password the server generated, shown once to the admin who asked. Null when the command was a retry of one
 * already done: the server never stores a password it generated, so it cannot repeat it (reset again).
 */
export const oneTimePasswordSchema = z.string().min(12).nullable();

export const specialistCreatedSchema = z.object({ specialist: specialistSchema, password: oneTimePasswordSchema });
export type SpecialistCreated = z.infer<typeof specialistCreatedSchema>;
export const passwordResetSchema = z.object({ specialist: specialistSchema, password: oneTimePasswordSchema });
export type PasswordReset = z.infer<typeof passwordResetSchema>;
