// The help center (docs/protocol.md "Help center"): product tiles → sections → articles written in Markdown, their
// revisions, search hits with highlighted snippets, and what a customer follows. One place for these types: the
// server's pages and routes, the console's authoring screens and the widget's suggestions all parse with them.
import { z } from 'zod';
import { instantSchema, specialistIdSchema } from './ids';

/** A product tile's id, also its URL segment: `/help/lumina`. */
export const helpProductIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, { error: 'expected lower-case letters, digits and dashes' });
/** Section and article slugs: lower-case words joined by dashes, as they appear in URLs. */
export const helpSlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected lower-case words joined by dashes' }).max(80);
export const helpSectionIdSchema = z.uuid();
export const helpArticleIdSchema = z.uuid();

/** The longest article body (Markdown characters) the server accepts; a long manual page is a few tens of thousands. */
export const HELP_ARTICLE_MAX_CHARS = 100_000;
/** What the search box and suggestions read of a query; longer input is refused, not cut. */
export const HELP_QUERY_MAX_CHARS = 200;

export const helpProductSchema = z.object({
  id: helpProductIdSchema,
  name: z.string().min(1).max(80),
  description: z.string().max(300),
  position: z.number().int(),
  /** The tile that shows system availability (the docs' "Technical" tile). */
  showsStatus: z.boolean(),
});
export type HelpProduct = z.infer<typeof helpProductSchema>;

/** Release notes sections are what "subscribe to release notes" follows. */
export const helpSectionKindSchema = z.enum(['faq', 'documentation', 'release_notes', 'other']);
export type HelpSectionKind = z.infer<typeof helpSectionKindSchema>;
export const helpSectionKindLabels: Record<HelpSectionKind, string> = {
  faq: 'FAQs',
  documentation: 'Training and Documentation',
  release_notes: 'Release notes',
  other: 'Other',
};

export const helpSectionSchema = z.object({
  id: helpSectionIdSchema,
  productId: helpProductIdSchema,
  slug: helpSlugSchema,
  title: z.string().min(1).max(120),
  description: z.string().max(500),
  kind: helpSectionKindSchema,
  position: z.number().int(),
});
export type HelpSection = z.infer<typeof helpSectionSchema>;

/** Leads and admins: a new section (no id) or changed fields of one (id). */
export const helpSectionDraftSchema = z.object({
  id: helpSectionIdSchema.optional(),
  productId: helpProductIdSchema,
  slug: helpSlugSchema,
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500).default(''),
  kind: helpSectionKindSchema,
});
export type HelpSectionDraft = z.infer<typeof helpSectionDraftSchema>;

/**
 * `draft`: never published; `published`: readers see `published*` (a newer saved revision may wait as the draft);
 * `unpublished`: taken down, readers get 404, the revisions stay.
 */
export const helpArticleStatusSchema = z.enum(['draft', 'published', 'unpublished']);
export type HelpArticleStatus = z.infer<typeof helpArticleStatusSchema>;

/** What an author saves: the whole article as Markdown (no raw HTML: it is shown as text). */
export const helpArticleDraftSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(HELP_ARTICLE_MAX_CHARS),
});
export type HelpArticleDraft = z.infer<typeof helpArticleDraftSchema>;

/** One row of the authoring tree. */
export const helpArticleSummarySchema = z.object({
  id: helpArticleIdSchema,
  sectionId: helpSectionIdSchema,
  slug: helpSlugSchema,
  /** The newest saved revision's title. */
  title: z.string(),
  status: helpArticleStatusSchema,
  /** True when the newest saved revision is not the one readers see. */
  hasUnpublishedChanges: z.boolean(),
  publishedAt: instantSchema.nullable(),
  updatedAt: instantSchema,
});
export type HelpArticleSummary = z.infer<typeof helpArticleSummarySchema>;

export const helpRevisionSchema = z.object({
  revision: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  savedBy: specialistIdSchema,
  savedByName: z.string(),
  savedAt: instantSchema,
});
export type HelpRevision = z.infer<typeof helpRevisionSchema>;

/** The authoring view of one article: the newest revision (what the editor opens), what readers see, history. */
export const helpArticleDetailSchema = z.object({
  summary: helpArticleSummarySchema,
  /** The newest saved revision: the editor's content; save with `baseRevision` = its number. */
  latest: helpRevisionSchema,
  /** The revision readers see, or null while draft or unpublished. */
  publishedRevision: z.number().int().positive().nullable(),
  /** Newest first, without bodies beyond the first 50 (enough to restore any recent one). */
  revisions: z.array(helpRevisionSchema.omit({ body: true })),
  /** Where readers find it once published. */
  url: z.string(),
});
export type HelpArticleDetail = z.infer<typeof helpArticleDetailSchema>;

/** Products, sections and every article (any status) for the console's authoring screen. */
export const helpTreeSchema = z.object({
  products: z.array(helpProductSchema),
  sections: z.array(helpSectionSchema),
  articles: z.array(helpArticleSummarySchema),
});
export type HelpTree = z.infer<typeof helpTreeSchema>;

/** A search snippet as text pieces; `match` marks the query's words. Rendered as text (never parsed as HTML). */
export const snippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPartSchema>;

export const helpSearchHitSchema = z.object({
  articleId: helpArticleIdSchema,
  slug: helpSlugSchema,
  title: z.string(),
  /** The title with the query's words marked. */
  titleParts: z.array(snippetPartSchema),
  snippet: z.array(snippetPartSchema),
  sectionTitle: z.string(),
  productName: z.string(),
  /** Path on the server: `/help/articles/<slug>`. */
  url: z.string(),
});
export type HelpSearchHit = z.infer<typeof helpSearchHitSchema>;

/** A follow: a section (every new or updated article in it) or one article (its updates). */
export const followKindSchema = z.enum(['section', 'article']);
export type FollowKind = z.infer<typeof followKindSchema>;

/** `each`: a mail per published article; `daily`: one digest a day of what was published. */
export const followDeliverySchema = z.enum(['each', 'daily']);
export type FollowDelivery = z.infer<typeof followDeliverySchema>;

export const helpFollowSchema = z.object({
  kind: followKindSchema,
  id: z.uuid(),
  title: z.string(),
  /** The product it belongs to (a section's, or an article's section's). */
  productName: z.string(),
  url: z.string(),
  since: instantSchema,
});
export type HelpFollow = z.infer<typeof helpFollowSchema>;

/** Suggestions the widget logs, so leads see whether they help: shown, opened, and a chat asked anyway. */
export const suggestionEventKindSchema = z.enum(['shown', 'opened', 'asked']);
export type SuggestionEventKind = z.infer<typeof suggestionEventKindSchema>;
