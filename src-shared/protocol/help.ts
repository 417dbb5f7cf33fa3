// The help center over HTTP (docs/protocol.md "Help center"): search and suggestions anyone may ask for, the
// suggestion events the widget logs, what a signed-in portal customer follows, and the mailed one-click unfollow.
// The reading pages themselves (`/help…`) are HTML rendered by the server.
import { z } from 'zod';
import {
  followDeliverySchema,
  followKindSchema,
  helpArticleIdSchema,
  helpFollowSchema,
  helpProductIdSchema,
  helpProductSchema,
  helpSearchHitSchema,
  helpSectionSchema,
  HELP_QUERY_MAX_CHARS,
  suggestionEventKindSchema,
} from '../help-center';

/** The words a reader typed: trimmed, at least 2 characters, at most HELP_QUERY_MAX_CHARS. */
export const helpQuerySchema = z.string().trim().min(2, { error: 'type at least 2 characters' }).max(HELP_QUERY_MAX_CHARS);

/** `GET /api/help/search?q=&limit=&offset=` (no sign-in). */
export const helpSearchQuerySchema = z.object({
  q: helpQuerySchema,
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});
export const helpSearchAnswerSchema = z.object({
  query: z.string(),
  /** Best match first. */
  hits: z.array(helpSearchHitSchema),
  /** True when another page exists after this one. */
  more: z.boolean(),
});
export type HelpSearchAnswer = z.infer<typeof helpSearchAnswerSchema>;

/** `GET /api/help/suggest?q=&productId=` (no sign-in): up to three articles for a question being typed. */
export const helpSuggestQuerySchema = z.object({
  q: helpQuerySchema,
  /** Prefer this product's articles (the widget passes its department's product). */
  productId: helpProductIdSchema.optional(),
});
export const helpSuggestAnswerSchema = z.object({ hits: z.array(helpSearchHitSchema).max(3) });
export type HelpSuggestAnswer = z.infer<typeof helpSuggestAnswerSchema>;

/** `POST /api/help/suggestion-events` (no sign-in, JSON): one page view's suggestion outcome. */
export const suggestionEventSchema = z.object({
  /** Random per page load of the widget; groups shown → opened → asked. */
  sessionId: z.uuid(),
  kind: suggestionEventKindSchema,
  /** The article opened (kind `opened`); null otherwise. */
  articleId: helpArticleIdSchema.nullable().default(null),
});
export type SuggestionEvent = z.infer<typeof suggestionEventSchema>;
export const suggestionRecordedSchema = z.object({ recorded: z.literal(true) });

/** `GET /api/help/sections` (no sign-in): every product tile and its sections, for choosing what to follow. */
export const helpSectionsAnswerSchema = z.object({ products: z.array(helpProductSchema), sections: z.array(helpSectionSchema) });
export type HelpSectionsAnswer = z.infer<typeof helpSectionsAnswerSchema>;

/** `GET /api/portal/help/follows`, and the answer of every change below: the caller's follows as they now stand. */
export const followSettingsSchema = z.object({
  email: z.string(),
  delivery: followDeliverySchema,
  /** Newest first. */
  follows: z.array(helpFollowSchema),
});
export type FollowSettings = z.infer<typeof followSettingsSchema>;

/** `PUT|DELETE /api/portal/help/follows/:kind/:id` (portal session; no body). Following twice changes nothing. */
export const followParamsSchema = z.object({ kind: followKindSchema, id: z.uuid() });

/** `PUT /api/portal/help/delivery` (portal session, JSON). */
export const followDeliveryInputSchema = z.object({ delivery: followDeliverySchema });

/**
 * `POST /api/help/unsubscribe?token=` (RFC 8058 one-click; no session: the mailed token is the credential). A mail
 * about one followed section or article unfollows that one; a digest's token ends every follow of the address.
 */
export const helpUnsubscribeQuerySchema = z.object({ token: z.string().min(20).max(600) });
export const helpUnsubscribedSchema = z.object({ unsubscribed: z.literal(true), what: z.string() });

/** `POST /api/help/images` (agent bearer token, leads and admins; multipart, one image): where the article links it. */
export const helpImageUploadedSchema = z.object({ id: z.string(), url: z.string() });
export type HelpImageUploaded = z.infer<typeof helpImageUploadedSchema>;
