// Which attachments show as a thumbnail (chat transcripts, comment page, console): raster images whose type the
// server sniffed from their bytes — never SVG, which is a document that can carry script — and small enough that
// fetching the whole file for a preview is reasonable. No zod, so the customer widget can import it cheaply.

export const previewImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type PreviewImageType = (typeof previewImageTypes)[number];

/** Larger images show as a file chip only: their bytes are not fetched (nor, in the console, sent over IPC) for a preview. */
export const MAX_PREVIEW_BYTES = 5 * 1024 * 1024;

const types: ReadonlySet<string> = new Set(previewImageTypes);

export const isPreviewImageType = (contentType: string): contentType is PreviewImageType => types.has(contentType);

export function isPreviewable(a: { contentType: string; size: number }): boolean {
  return isPreviewImageType(a.contentType) && a.size > 0 && a.size <= MAX_PREVIEW_BYTES;
}
