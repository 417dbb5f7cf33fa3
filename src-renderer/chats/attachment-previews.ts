// Thumbnails of image attachments, asked of the console core (previewAttachment: a data: URL; the renderer never holds
// a server URL or token) once per attachment and kept while there is room. Megabyte strings do not belong in the
// zustand store (every subscriber would compare them), so this read-only cache sits beside it and asks the ConsoleApi
// itself; a row that scrolls back into view shows its thumbnail at once.
import type { ConsoleApi } from '../../src-shared/console-api';
import { getConsoleApi } from '../platform/console-api';

/** Total characters of data: URLs kept (about 30 MB of images); the least recently shown go first. */
const MAX_CACHED_CHARS = 40_000_000;

export interface PreviewCache {
  /** The image as a data: URL, or null (no previewable image, or not available now: offline and never fetched). */
  load(attachmentId: string): Promise<string | null>;
}

export function createPreviewCache(preview: ConsoleApi['previewAttachment'], maxChars = MAX_CACHED_CHARS): PreviewCache {
  // Insertion order is recency: a hit is moved to the end, eviction takes from the front.
  const kept = new Map<string, Promise<string | null>>();
  const sizes = new Map<string, number>();
  let total = 0;

  const evict = () => {
    for (const [id, size] of sizes) {
      if (total <= maxChars) return;
      sizes.delete(id);
      kept.delete(id);
      total -= size;
    }
  };

  return {
    load(attachmentId) {
      const hit = kept.get(attachmentId);
      if (hit) {
        kept.delete(attachmentId);
        kept.set(attachmentId, hit);
        const size = sizes.get(attachmentId);
        if (size !== undefined) {
          sizes.delete(attachmentId);
          sizes.set(attachmentId, size);
        }
        return hit;
      }
      const pending = preview({ attachmentId }).then(
        (r) => {
          // A refusal (offline, not downloaded yet) is not kept: the next time the row shows, it asks again.
          if (!r.ok) {
            kept.delete(attachmentId);
            return null;
          }
          const url = r.value.dataUrl;
          sizes.set(attachmentId, url?.length ?? 0);
          total += url?.length ?? 0;
          evict();
          return url;
        },
        () => {
          kept.delete(attachmentId);
          return null;
        },
      );
      kept.set(attachmentId, pending);
      return pending;
    },
  };
}

let shared: PreviewCache | null = null;

/** The console's one preview cache; null without a ConsoleApi (nothing to show then). */
export function previewCache(): PreviewCache | null {
  if (shared) return shared;
  const api = getConsoleApi();
  if (!api) return null;
  shared = createPreviewCache((input) => api.previewAttachment(input));
  return shared;
}
