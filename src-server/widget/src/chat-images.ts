// Thumbnails in the chat: a chat's files need the visitor's bearer token, which an <img src> cannot send, so each
// image is fetched once with it and shown from a blob: URL (the page's CSP allows blob: images). Revoked on dispose.
import type { Attachment } from '../../../src-shared/attachment';
import { isPreviewable } from '../../../src-shared/image-preview';

export interface ImageLoader {
  /** A URL to show the image from, or null when it is no previewable image or could not be fetched. */
  load(attachment: Attachment): Promise<string | null>;
  dispose(): void;
}

export function createChatImageLoader(origin: string, token: string, fetchImpl: typeof fetch = fetch): ImageLoader {
  const urls = new Map<string, Promise<string | null>>();
  let disposed = false;

  async function fetchOne(a: Attachment): Promise<string | null> {
    try {
      const res = await fetchImpl(`${origin}/api/attachments/${encodeURIComponent(a.id)}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) return null;
      // Typed from the server's record (an allow-listed raster type), never from the answer: nothing renders as SVG.
      const blob = new Blob([await res.arrayBuffer()], { type: a.contentType });
      return disposed ? null : URL.createObjectURL(blob);
    } catch {
      return null;
    }
  }

  return {
    load(a) {
      if (disposed || !isPreviewable(a)) return Promise.resolve(null);
      let url = urls.get(a.id);
      if (!url) {
        url = fetchOne(a);
        urls.set(a.id, url);
        // A failure is not cached: the next time the thumbnail scrolls into view it tries again.
        void url.then((u) => {
          if (u === null) urls.delete(a.id);
        });
      }
      return url;
    },
    dispose() {
      disposed = true;
      for (const url of urls.values()) void url.then((u) => u && URL.revokeObjectURL(u));
      urls.clear();
    },
  };
}
