// Departments ("Request Chat With"): who serves a request, when they chat, and how chats are routed.
import { z } from 'zod';
import { departmentIdSchema } from './ids';
import { scheduleSchema } from './business-hours';

/** `auto`: the server assigns the least-loaded eligible specialist; `pick`: specialists take chats from the queue. */
export const routingModeSchema = z.enum(['auto', 'pick']);
export type RoutingMode = z.infer<typeof routingModeSchema>;

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
});
export type Department = z.infer<typeof departmentSchema>;

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
