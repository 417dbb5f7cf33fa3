// Chat messages: ordered per conversation by a server-assigned seq, deduplicated by client id.
import { z } from 'zod';
import { clientIdSchema, conversationIdSchema, instantSchema, messageIdSchema, specialistIdSchema } from './ids';
import { attachmentSchema } from './attachment';

import { MAX_MESSAGE_CHARS } from './limits';

export { MAX_MESSAGE_CHARS };

export const authorKindSchema = z.enum(['visitor', 'specialist', 'system']);
export type AuthorKind = z.infer<typeof authorKindSchema>;

export const messageBodySchema = z
  .string()
  .max(MAX_MESSAGE_CHARS)
  .transform((s) => s.replace(/\r\n?/g, '\n'))
  .refine((s) => s.trim().length > 0, 'message is empty');

export const messageSchema = z.object({
  id: messageIdSchema,
  clientId: clientIdSchema,
  conversationId: conversationIdSchema,
  /** 1, 2, 3 … per conversation; the server defines the order. */
  seq: z.number().int().positive(),
  authorKind: authorKindSchema,
  authorId: specialistIdSchema.nullable(),
  authorName: z.string(),
  body: z.string(),
  attachments: z.array(attachmentSchema),
  /** Internal notes are for specialists only and are never sent to visitors. */
  internal: z.boolean(),
  createdAt: instantSchema,
});
export type Message = z.infer<typeof messageSchema>;
