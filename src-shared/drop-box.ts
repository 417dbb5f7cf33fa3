// Drop boxes: an upload slot a specialist inserts into a chat for the visitor to fill.
import { z } from 'zod';
import { attachmentIdSchema, conversationIdSchema, dropBoxIdSchema, instantSchema, specialistIdSchema } from './ids';
import { attachmentSchema } from './attachment';

export const dropBoxStateSchema = z.enum(['open', 'fulfilled', 'cancelled']);

export const dropBoxSchema = z.object({
  id: dropBoxIdSchema,
  conversationId: conversationIdSchema,
  requestedBy: specialistIdSchema,
  /** What the specialist asks for ("a screenshot of the error"). */
  label: z.string().max(200),
  state: dropBoxStateSchema,
  attachments: z.array(attachmentSchema),
  createdAt: instantSchema,
});
export type DropBox = z.infer<typeof dropBoxSchema>;
export const dropBoxAttachmentRefSchema = attachmentIdSchema;
