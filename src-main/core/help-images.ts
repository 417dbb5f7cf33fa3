// Help article images between the console and the server: an author's upload (multipart, bearer token, the way chat
// attachments go) answering where the article links it, and the preview's copy of a published image. The renderer's
// CSP allows images from itself and data: only — never the server — so the core fetches the image and answers a
// data: URL, and only for the help center's own image store on the signed-in server, only raster bytes it recognises.
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { ConsoleResults, consoleMethods } from '../../src-shared/console-api';
import { MAX_PREVIEW_BYTES } from '../../src-shared/image-preview';
import { helpImageUploadedSchema } from '../../src-shared/protocol/help';
import { err, ok, type Result } from '../../src-shared/result';
import { readAnswer } from './sync/answer-check';
import { imageTypeOf } from './attachment-preview';
import { HELP_OFFLINE } from './help-authoring-queries';

type In<M extends 'uploadHelpImage' | 'previewHelpImage'> = z.output<(typeof consoleMethods)[M]>;
type Out<M extends 'uploadHelpImage' | 'previewHelpImage'> = Promise<Result<ConsoleResults[M]>>;

/** Where the server keeps article images (GET /help/images/:name); nothing else is fetched for a preview. */
const IMAGE_PATH = /^\/help\/images\/[A-Za-z0-9._-]{1,200}$/;

export interface HelpImageDeps {
  /** The server this console signed in to, or null. */
  serverUrl(): string | null;
  /** A valid access token (the sync engine's), or a refusal (`offline` before sign-in). */
  accessToken(): Promise<Result<string>>;
  log: Pick<Logger, 'warn'>;
}

/** The image's path on `serverUrl`, or null when `url` points anywhere but its help image store. */
export function helpImagePath(url: string, serverUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, serverUrl);
  } catch {
    return null;
  }
  if (parsed.origin !== new URL(serverUrl).origin || parsed.search !== '' || parsed.hash !== '') return null;
  return IMAGE_PATH.test(parsed.pathname) ? parsed.pathname : null;
}

export function createHelpImages(deps: HelpImageDeps) {
  const base = (url: string) => url.replace(/\/+$/, '');
  return {
    async uploadHelpImage(input: In<'uploadHelpImage'>): Out<'uploadHelpImage'> {
      const serverUrl = deps.serverUrl();
      if (!serverUrl) return err('offline', HELP_OFFLINE);
      const bytes = Buffer.from(input.dataBase64, 'base64');
      // Checked here as well as on the server: a PDF renamed .png is refused before it travels.
      if (imageTypeOf(bytes) === null) return err('bad_request', 'Only PNG, JPEG, GIF and WebP images can go into an article');
      const token = await deps.accessToken();
      if (!token.ok) return token.error.code === 'unavailable' ? err('offline', HELP_OFFLINE) : token;
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: imageTypeOf(bytes) ?? 'application/octet-stream' }), input.fileName);
      let response: Response;
      try {
        response = await fetch(`${base(serverUrl)}/api/help/images`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token.value}`, accept: 'application/json' },
          body: form,
          signal: AbortSignal.timeout(60_000),
        });
      } catch {
        return err('offline', HELP_OFFLINE);
      }
      const body: unknown = await response.json().catch(() => null);
      return readAnswer(helpImageUploadedSchema, body, 'help image upload', deps.log);
    },

    /** A data: URL of an article image for the preview; `dataUrl` null when it is not one the preview may show. */
    async previewHelpImage(input: In<'previewHelpImage'>): Out<'previewHelpImage'> {
      const serverUrl = deps.serverUrl();
      if (!serverUrl) return err('offline', HELP_OFFLINE);
      const path = helpImagePath(input.url, serverUrl);
      if (!path) return ok({ dataUrl: null });
      let response: Response;
      try {
        response = await fetch(`${base(serverUrl)}${path}`, { signal: AbortSignal.timeout(30_000) });
      } catch {
        return err('offline', HELP_OFFLINE);
      }
      if (!response.ok) return ok({ dataUrl: null });
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > MAX_PREVIEW_BYTES) return ok({ dataUrl: null });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const type = bytes.length <= MAX_PREVIEW_BYTES ? imageTypeOf(bytes) : null;
      return ok({ dataUrl: type ? `data:${type};base64,${Buffer.from(bytes).toString('base64')}` : null });
    },
  };
}
