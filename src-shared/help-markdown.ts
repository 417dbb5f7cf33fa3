// Help articles' Markdown to HTML, the same for readers (server pages) and authors (console preview): markdown-it
// with raw HTML off (it shows as text), links only http(s), mailto and our own paths, images only from our own
// store (/help/images/), and a link alone on its line to an allow-listed video host embedded as a player.
export interface ArticleRenderOptions {
  /** Hosts whose videos may be embedded (config HELP_VIDEO_HOSTS); others stay plain links. */
  videoHosts: readonly string[];
}

export function renderArticleHtml(_markdown: string, _opts: ArticleRenderOptions): string {
  throw new Error('help markdown: being built (issue 16)');
}
