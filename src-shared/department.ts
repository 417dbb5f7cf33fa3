// Departments ("Request Chat With"): who serves a request, when they chat, and how chats are routed.
import { z } from 'zod';
import { departmentIdSchema, emailSchema } from './ids';
import { scheduleSchema } from './business-hours';

/** `auto`: the server assigns the least-loaded eligible specialist; `pick`: specialists take chats from the queue. */
export const routingModeSchema = z.enum(['auto', 'pick']);
export type RoutingMode = z.infer<typeof routingModeSchema>;

/** A department's direct address: plus-tags are reserved for the signed reply tokens (src-server/inbound/reply-address.ts). */
export const departmentAddressSchema = emailSchema.refine((e) => !(e.split('@')[0] ?? '').includes('+'), { error: 'no "+" in a department address' });

export const departmentSchema = z.object({
  id: departmentIdSchema,
  name: z.string().min(1).max(80),
  /** What the department covers, shown under the drop-down ("AV Print | Interactive | OOH | Media Accounting"). */
  description: z.string().max(200).default(''),
  schedule: scheduleSchema,
  routing: routingModeSchema.default('auto'),
  /** Product line tickets of this department belong to (e.g. "lumina"); drives product-restricted resolutions. */
  product: z.string().max(40).nullable().default(null),
  /** Order in drop-downs. */
  position: z.number().int().default(0),
  /**
   * The first message a visitor sees when a specialist takes the chat; may use the greeting variables
   * (canned-response.ts). Empty: DEFAULT_GREETING.
   */
  greeting: z.string().max(500).default(''),
  /**
   * The department's direct address ("tech@support.example.com"): listed on the Contacts page, accepted by the
   * inbound mail listener (a mail to it becomes a ticket here), and the base of the signed Reply-To of its ticket
   * mail. Null: no direct email. No "+" (plus-tags are the reply tokens) and unique across departments.
   */
  email: departmentAddressSchema.nullable().default(null),
});
export type Department = z.infer<typeof departmentSchema>;

/** What an empty department greeting means. */
export const DEFAULT_GREETING = "Hi, I'm {specialist.name}. How can I help?";

/** A new department: every field but `position` (new ones go last). */
export const departmentCreateSchema = departmentSchema.omit({ position: true });
export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;

/**
 * A non-destructive change: only the fields present change; `id` and `position` (see reorder) never do here.
 * Written out rather than `.partial()`, which would keep the defaults and turn an absent field into a reset.
 */
export const departmentPatchSchema = z
  .object({
    name: departmentSchema.shape.name,
    description: z.string().max(200),
    schedule: scheduleSchema,
    routing: routingModeSchema,
    product: z.string().max(40).nullable(),
    greeting: z.string().max(500),
    email: departmentAddressSchema.nullable(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { error: 'nothing to change' });
export type DepartmentPatch = z.output<typeof departmentPatchSchema>;

/** What a visitor may do right now in one department; computed by the server, pushed live. */
export const availabilitySchema = z.object({
  departmentId: departmentIdSchema,
  /** Inside chat hours by the department's schedule. */
  inHours: z.boolean(),
  /** `chat` only when in hours and a specialist of it is online with free capacity. */
  mode: z.enum(['chat', 'email']),
  /** Next instant the in-hours state flips, so clients can switch CHAT/HELP without polling. */
  nextChangeAt: z.number().int().nullable(),
  hoursText: z.string(),
});
export type Availability = z.infer<typeof availabilitySchema>;
