// The editor's live preview: the article rendered exactly as readers get it (src-shared/help-markdown.ts — safe HTML
// by construction), adapted to the console's CSP, which loads nothing from the server: a video player becomes a link
// to the video, and each image waits (its URL in data-help-src) until the core fetches it as a data: URL.
import { renderArticleHtml } from '../../src-shared/help-markdown';

/**
 * The server's default HELP_VIDEO_HOSTS. The console does not know the server's setting; here it only decides which
 * links are announced as videos, as players never show in the console anyway.
 */
export const PREVIEW_VIDEO_HOSTS = ['www.youtube.com', 'youtube.com', 'youtu.be', 'player.vimeo.com', 'vimeo.com'] as const;

export type PreviewResult = { ok: true; nodes: readonly Node[] } | { ok: false; problem: string };

/**
 * Renders `markdown` for the preview (browser only): parsed by DOMParser, whose documents load and run nothing, and
 * answered as nodes the preview imports as they are — never serialised and parsed again, which is where sanitised
 * HTML can change meaning.
 */
export function previewHtml(markdown: string): PreviewResult {
  let raw: string;
  try {
    raw = renderArticleHtml(markdown, { videoHosts: PREVIEW_VIDEO_HOSTS });
  } catch {
    return { ok: false, problem: 'The preview cannot be shown in this version of the console; the text is saved as you typed it.' };
  }
  const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${raw}</body></html>`, 'text/html');
  // In depth: the renderer's output has none of these, and the CSP would stop their scripts anyway.
  for (const el of doc.body.querySelectorAll('script, style, object, embed, form, base, meta, link')) el.remove();
  for (const frame of doc.body.querySelectorAll('iframe')) {
    const src = frame.getAttribute('src') ?? '';
    const note = doc.createElement('p');
    note.className = 'help-preview-video';
    const link = doc.createElement('a');
    link.setAttribute('href', src);
    link.textContent = `Video: ${src}`;
    note.append(link);
    frame.replaceWith(note);
  }
  for (const img of doc.body.querySelectorAll('img')) {
    const src = img.getAttribute('src');
    img.removeAttribute('src');
    img.removeAttribute('srcset');
    if (src) img.setAttribute('data-help-src', src);
  }
  return { ok: true, nodes: [...doc.body.childNodes] };
}
