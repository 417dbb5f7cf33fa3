// Help articles' Markdown to HTML, the same for readers (server pages) and authors (console preview): markdown-it
// with raw HTML off (it shows as text), links only http(s), mailto and our own paths, images only from our own
// store (/help/images/), and a link alone on its line to an allow-listed video host embedded as a player. A `#`
// heading renders as h2: the page's h1 is the article's title.
// Runs in Node and in browsers alike: no Node APIs, and no URL global (the shared tsconfig has neither).
import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

export interface ArticleRenderOptions {
  /** Hosts whose videos may be embedded (config HELP_VIDEO_HOSTS); others stay plain links. */
  videoHosts: readonly string[];
}

interface RenderEnv {
  videoHosts: readonly string[];
}

/** Where article images live (src-server/http/help-image-routes.ts); nothing else may be loaded by an article. */
const IMAGE_PATH = /^\/help\/images\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** `/\evil.example` is `//evil.example` to browsers, so a backslash after the slash counts as protocol-relative. */
const OWN_PATH = /^\/(?![/\\]|%5c)/i;
const SAFE_SCHEME = /^(?:https?:|mailto:)/i;
/** Belt and braces: markdown-it decodes entities before validating, but no attribute should ever carry these. */
const SCRIPT_SCHEME = /(?:java|vb)script:/i;

/** The link rule readers and authors share: http(s), mailto and our own absolute paths, nothing protocol-relative. */
export function isAllowedHref(url: string): boolean {
  const u = url.trim();
  if (SCRIPT_SCHEME.test(u)) return false;
  return SAFE_SCHEME.test(u) || OWN_PATH.test(u);
}

const ABSOLUTE = /^https?:\/\/([^/?#:@\s]+)(?::\d+)?(\/[^?#]*)?(\?[^#]*)?(?:#.*)?$/i;

export type VideoEmbed = { provider: 'YouTube' | 'Vimeo'; src: string };

/** The player URL for a watch link on an allow-listed host, or null (then it stays a link). */
export function videoEmbedOf(href: string, videoHosts: readonly string[]): VideoEmbed | null {
  const m = ABSOLUTE.exec(href.trim());
  if (!m) return null;
  const host = (m[1] ?? '').toLowerCase();
  if (!videoHosts.includes(host)) return null;
  const path = m[2] ?? '/';
  const query = m[3] ?? '';
  let id: string | undefined;
  if (host === 'youtube.com' || host === 'www.youtube.com' || host === 'm.youtube.com') {
    if (path === '/watch') id = /[?&]v=([A-Za-z0-9_-]{6,20})(?:&|$)/.exec(query)?.[1];
  } else if (host === 'youtu.be') {
    id = /^\/([A-Za-z0-9_-]{6,20})\/?$/.exec(path)?.[1];
  }
  if (id) return { provider: 'YouTube', src: `https://www.youtube-nocookie.com/embed/${id}` };
  let num: string | undefined;
  if (host === 'vimeo.com' || host === 'www.vimeo.com') num = /^\/(\d{1,12})\/?$/.exec(path)?.[1];
  else if (host === 'player.vimeo.com') num = /^\/video\/(\d{1,12})\/?$/.exec(path)?.[1];
  return num ? { provider: 'Vimeo', src: `https://player.vimeo.com/video/${num}` } : null;
}

/** Meaningful children of a paragraph's inline token: a soft break or blank text around a lone link changes nothing. */
const significant = (children: readonly Token[]) => children.filter((t) => !(t.type === 'softbreak' || (t.type === 'text' && t.content.trim() === '')));

/**
 * Core rule: a paragraph that is exactly one link to a video becomes one `help_video` token. Done on tokens (not on
 * HTML) so only the URL markdown-it already validated is looked at, and nothing else of the input reaches the player.
 */
function embedVideos(state: StateCore): void {
  const env = state.env as Partial<RenderEnv>;
  const hosts = env.videoHosts ?? [];
  if (hosts.length === 0) return;
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [open, inline, close] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (open?.type !== 'paragraph_open' || inline?.type !== 'inline' || close?.type !== 'paragraph_close' || open.hidden) continue;
    const parts = significant(inline.children ?? []);
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || first.type !== 'link_open' || last?.type !== 'link_close' || parts.slice(1, -1).some((t) => t.type !== 'text')) continue;
    const href = first.attrGet('href') ?? '';
    const embed = videoEmbedOf(href, hosts);
    if (!embed) continue;
    const text = parts
      .slice(1, -1)
      .map((t) => t.content)
      .join('')
      .trim();
    const video = new state.Token('help_video', 'iframe', 0);
    video.block = true;
    video.attrSet('src', embed.src);
    // A bare URL says nothing to a screen reader; the author's link text does.
    video.attrSet('title', text === '' || text === href || href.endsWith(text) ? `${embed.provider} video` : text);
    tokens.splice(i, 3, video);
  }
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = isAllowedHref;
  md.core.ruler.push('help_video', embedVideos);
  const esc = md.utils.escapeHtml;
  const rules = md.renderer.rules;

  rules.help_video = (tokens, idx) => {
    const t = tokens[idx];
    const src = t?.attrGet('src') ?? '';
    const title = t?.attrGet('title') ?? 'Video';
    return `<div class="help-video"><iframe src="${esc(src)}" title="${esc(title)}" sandbox="allow-scripts allow-same-origin allow-presentation" allow="fullscreen" allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe></div>\n`;
  };

  const defaultLinkOpen = rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  rules.link_open = (tokens, idx, options, env, self) => {
    const t = tokens[idx];
    const href = t?.attrGet('href') ?? '';
    // Only a link to another site opens a new tab; our own paths and mail links behave as links do.
    if (t && /^https?:/i.test(href)) {
      t.attrSet('rel', 'noopener noreferrer nofollow');
      t.attrSet('target', '_blank');
    }
    return defaultLinkOpen(tokens, idx, options, env, self);
  };

  rules.image = (tokens, idx, options, env, self) => {
    const t = tokens[idx];
    if (!t) return '';
    const alt = self.renderInlineAsText(t.children ?? [], options, env);
    const src = t.attrGet('src') ?? '';
    if (!IMAGE_PATH.test(src)) return esc(alt);
    const title = t.attrGet('title');
    return `<img src="${esc(src)}" alt="${esc(alt)}"${title ? ` title="${esc(title)}"` : ''} loading="lazy">`;
  };

  // The page's one h1 is the article's title: a `#` heading in the body is the level below it.
  const demote = (t: Token | undefined) => {
    if (t?.tag === 'h1') t.tag = 'h2';
  };
  rules.heading_open = (tokens, idx, options, _env, self) => {
    demote(tokens[idx]);
    return self.renderToken(tokens, idx, options);
  };
  rules.heading_close = (tokens, idx, options, _env, self) => {
    demote(tokens[idx]);
    return self.renderToken(tokens, idx, options);
  };

  // A fence's info string becomes `class="language-…"`: only a plain language name may, the rest of it is dropped.
  const defaultFence = rules.fence ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  rules.fence = (tokens, idx, options, env, self) => {
    const t = tokens[idx];
    if (t) t.info = /^[A-Za-z0-9_+-]{1,30}$/.exec(t.info.trim().split(/\s+/)[0] ?? '')?.[0] ?? '';
    return defaultFence(tokens, idx, options, env, self);
  };

  // A wide table scrolls inside its own box on a phone instead of widening the page; focusable so keyboards can scroll it.
  rules.table_open = () => '<div class="help-table" role="region" aria-label="Table" tabindex="0"><table>\n';
  rules.table_close = () => '</table></div>\n';
  return md;
}

const renderer = createRenderer();

export function renderArticleHtml(markdown: string, opts: ArticleRenderOptions): string {
  const env: RenderEnv = { videoHosts: opts.videoHosts.map((h) => h.toLowerCase()) };
  return renderer.render(markdown, env);
}
