// /help/assets/help.css: the help center's stylesheet, in the widget's look (src-server/widget/src/widget.css: the
// same accent, greys, system fonts, radius and focus ring). Held as a string so the server bundle (esbuild, one file)
// carries it and no file has to be found next to the bundle at run time. Phone first: one column at 320px.
export const HELP_CSS = `
:root {
  --sb-accent: #1456b8;
  --sb-accent-dark: #0f4698;
  --sb-accent-soft: #e8f0fc;
  --sb-text: #1d2433;
  --sb-muted: #5b6578;
  --sb-border: #d6dbe4;
  --sb-bg: #f3f5f8;
  --sb-panel: #ffffff;
  --sb-danger: #b42318;
  --sb-success: #067647;
  --sb-warning: #93370d;
  --sb-focus: #1456b8;
  --sb-radius: 10px;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
  font-size: 16px;
  line-height: 1.55;
  color: var(--sb-text);
  background: var(--sb-bg);
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
[hidden] { display: none !important; }
a { color: var(--sb-accent); text-underline-offset: 2px; }
a:hover { color: var(--sb-accent-dark); }
:focus-visible { outline: 2px solid var(--sb-focus); outline-offset: 2px; border-radius: 2px; }
#main:focus { outline: none; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.75rem; margin: 0 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 0 0 6px; }
p { margin: 0 0 12px; }

.help-visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.help-skip { position: absolute; left: 8px; top: -48px; z-index: 10; background: var(--sb-panel); padding: 8px 12px; border-radius: 8px; }
.help-skip:focus { top: 8px; }

/* Banner: the widget header's blue, white text and a white focus ring on it. */
.help-header { background: var(--sb-accent); color: #fff; padding: 12px 16px 16px; }
.help-header :focus-visible { outline-color: #fff; }
.help-header-inner { max-width: 1040px; margin: 0 auto; display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 20px; }
.help-brand { color: #fff; font-weight: 700; font-size: 1.1rem; letter-spacing: 0.04em; text-decoration: none; padding: 4px 0; }
.help-brand:hover { color: #fff; text-decoration: underline; }
.help-top-links { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 0.9rem; }
.help-top-links a { color: #fff; padding: 4px 0; }
.help-top-links a:hover { color: #fff; }
.help-header-search { max-width: 1040px; margin: 12px auto 0; }

/* Search box */
.help-search { display: flex; gap: 8px; width: 100%; max-width: 640px; }
.help-search input {
  flex: 1; min-width: 0; font: inherit; color: var(--sb-text); padding: 9px 12px; border: 1px solid var(--sb-border);
  border-radius: 8px; background: #fff;
}
.help-search input:focus-visible { outline: 2px solid var(--sb-focus); outline-offset: 0; box-shadow: 0 0 0 4px rgba(20, 86, 184, 0.2); }
.help-header .help-search input:focus-visible { outline-color: #fff; }
.help-search-big input { padding: 12px 14px; font-size: 1.05rem; }

.help-button {
  font: inherit; font-weight: 600; padding: 9px 16px; border-radius: 8px; border: 1px solid var(--sb-accent);
  background: var(--sb-accent); color: #fff; cursor: pointer; white-space: nowrap;
}
.help-button:hover { background: var(--sb-accent-dark); border-color: var(--sb-accent-dark); color: #fff; }
a.help-button { display: inline-block; text-decoration: none; }
.help-header .help-button { background: #fff; color: var(--sb-accent); border-color: #fff; }
.help-header .help-button:hover { background: var(--sb-accent-soft); }
.help-button:disabled { opacity: 0.7; cursor: progress; }

/* 1040px of content under the banner's 1040px, whatever the padding. */
.help-main { flex: 1; width: 100%; max-width: calc(1040px + 32px); margin: 0 auto; padding: 20px 16px 40px; }
.help-footer { border-top: 1px solid var(--sb-border); background: var(--sb-panel); padding: 16px; text-align: center; font-size: 0.9rem; color: var(--sb-muted); }
.help-footer p { margin: 0; }
.help-muted { color: var(--sb-muted); }
.help-lead { font-size: 1.05rem; color: var(--sb-muted); max-width: 70ch; }
.help-meta { font-size: 0.9rem; color: var(--sb-muted); margin: 0 0 8px; }

.help-crumbs ol { list-style: none; margin: 0 0 16px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; font-size: 0.9rem; }
.help-crumbs li + li::before { content: '›' / ''; margin-right: 4px; color: var(--sb-muted); }
.help-crumbs [aria-current] { color: var(--sb-muted); }

/* Home: a welcome with the big search box, then the tiles. */
.help-hero { background: var(--sb-panel); border: 1px solid var(--sb-border); border-radius: 12px; padding: 24px 20px; margin-bottom: 24px; }
.help-hero h1 { margin-bottom: 12px; }
.help-tiles { list-style: none; margin: 0; padding: 0; display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr)); }
.help-tile {
  display: flex; flex-direction: column; gap: 6px; height: 100%; padding: 18px 20px; background: var(--sb-panel);
  border: 1px solid var(--sb-border); border-radius: 12px; color: var(--sb-text); text-decoration: none;
  box-shadow: 0 1px 2px rgba(16, 24, 40, 0.05);
}
.help-tile:hover { border-color: var(--sb-accent); box-shadow: 0 4px 14px rgba(16, 24, 40, 0.1); color: var(--sb-text); }
.help-tile-name { font-size: 1.15rem; font-weight: 700; color: var(--sb-accent); }
.help-tile-text { font-size: 0.95rem; color: var(--sb-muted); }
.help-tile-badge { align-self: flex-start; margin-top: auto; font-size: 0.8rem; font-weight: 600; color: var(--sb-success); background: #ecfdf3; border-radius: 999px; padding: 2px 10px; }

/* Cards: a product's sections, the status block, "still need help". */
.help-card { background: var(--sb-panel); border: 1px solid var(--sb-border); border-radius: 12px; padding: 18px 20px; }
.help-sections { display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr)); margin-top: 20px; }
.help-card h2 a { text-decoration: none; }
.help-card h2 a:hover { text-decoration: underline; }
.help-links { list-style: none; margin: 8px 0 12px; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.help-links a { display: inline-block; padding: 2px 0; }

.help-status { margin-top: 20px; border-left: 4px solid #12b76a; }
.help-status-degraded { border-left-color: #f79009; }
.help-status-outage { border-left-color: #d92d20; }
.help-status-overall { font-weight: 600; font-size: 1.05rem; }
.help-status-overall.help-mark { display: flex; }
.help-status-list { list-style: none; margin: 0 0 12px; padding: 0; }
.help-status-list li { display: flex; justify-content: space-between; gap: 12px; padding: 6px 0; border-top: 1px solid var(--sb-border); }
.help-mark { display: inline-flex; align-items: center; gap: 6px; font-weight: 600; }
.help-dot { width: 9px; height: 9px; border-radius: 50%; flex: none; background: #12b76a; }
.help-mark-operational { color: var(--sb-success); }
.help-mark-degraded { color: var(--sb-warning); }
.help-mark-degraded .help-dot { background: #f79009; }
.help-mark-outage { color: var(--sb-danger); }
.help-mark-outage .help-dot { background: #d92d20; }
.help-incidents { margin: 0 0 12px; padding-left: 20px; }

/* Lists of articles and of search results */
.help-title-row { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: 8px 16px; margin-bottom: 12px; }
.help-title-row h1 { flex: 1 1 240px; }
.help-follow-box { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; }
.help-follow[aria-pressed='true'] { background: var(--sb-accent-soft); color: var(--sb-accent-dark); border-color: var(--sb-accent); }
.help-follow[aria-pressed='true']::before { content: '✓ ' / ''; }
.help-follow-note { font-size: 0.9rem; color: var(--sb-muted); margin: 0; max-width: 36ch; }
.help-follow-note:empty { display: none; }
.help-list { list-style: none; margin: 16px 0 0; padding: 0; display: flex; flex-direction: column; gap: 12px; }
.help-list > li { background: var(--sb-panel); border: 1px solid var(--sb-border); border-radius: 12px; padding: 14px 18px; }
.help-list h2 { font-size: 1.1rem; margin-bottom: 4px; overflow-wrap: anywhere; }
.help-list p:last-child { margin-bottom: 0; }
.help-snippet { color: var(--sb-text); overflow-wrap: anywhere; }
mark { background: #fde68a; color: inherit; border-radius: 3px; padding: 0 2px; }
.help-message { background: var(--sb-panel); border: 1px solid var(--sb-border); border-radius: 12px; padding: 18px 20px; margin-top: 16px; }
.help-pager { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin-top: 20px; }

/* An article */
.help-article { background: var(--sb-panel); border: 1px solid var(--sb-border); border-radius: 12px; padding: 20px; }
.help-article-body { max-width: 72ch; overflow-wrap: break-word; margin-top: 16px; }
.help-article-body h2 { font-size: 1.3rem; margin: 28px 0 8px; }
.help-article-body h3 { font-size: 1.1rem; margin: 22px 0 6px; }
.help-article-body h4, .help-article-body h5, .help-article-body h6 { font-size: 1rem; margin: 18px 0 6px; }
.help-article-body ul, .help-article-body ol { padding-left: 24px; margin: 0 0 12px; }
.help-article-body li + li { margin-top: 4px; }
.help-article-body img { max-width: 100%; height: auto; border-radius: 8px; border: 1px solid var(--sb-border); }
.help-article-body code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; background: var(--sb-bg); border-radius: 4px; padding: 1px 4px; }
.help-article-body pre { background: var(--sb-bg); border: 1px solid var(--sb-border); border-radius: 8px; padding: 12px; overflow-x: auto; }
.help-article-body pre code { background: none; padding: 0; }
.help-article-body blockquote { margin: 0 0 12px; padding: 4px 16px; border-left: 4px solid var(--sb-border); color: var(--sb-muted); }
.help-table { overflow-x: auto; margin: 0 0 16px; border: 1px solid var(--sb-border); border-radius: 8px; }
.help-table table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
.help-table th, .help-table td { text-align: left; padding: 8px 12px; border-top: 1px solid var(--sb-border); vertical-align: top; }
.help-table thead th { border-top: 0; background: var(--sb-bg); }
.help-video { position: relative; width: 100%; aspect-ratio: 16 / 9; margin: 0 0 16px; border-radius: 8px; overflow: hidden; background: #000; }
.help-video iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
.help-contact { margin-top: 20px; }

@media (min-width: 720px) {
  .help-header { padding: 14px 24px 20px; }
  .help-main { max-width: calc(1040px + 48px); padding: 28px 24px 48px; }
  h1 { font-size: 2rem; }
  .help-hero { padding: 32px; }
  .help-article { padding: 28px 32px; }
}
`;
