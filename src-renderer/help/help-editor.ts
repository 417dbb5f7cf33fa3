// The article editor's state, the pure part: what it opened (the newest revision, or an older one to restore), what
// the author changed since, and what the next save sends. `baseRevision` is always the newest revision the server
// had when the editor read the article — saving an older revision's text makes it the newest (a restore), and when
// someone else saved meanwhile the server answers `conflict` instead of silently replacing their revision.
import type { HelpArticleDetail } from '../../src-shared/help-center';

export interface HelpEditor {
  /** The article as last read or saved (summary, history, where readers find it). */
  detail: HelpArticleDetail;
  title: string;
  body: string;
  /** The revision whose text the editor opened, and that text (to tell what the author changed). */
  opened: { revision: number; title: string; body: string };
  /** The newest revision when read: what a save says it builds on. */
  baseRevision: number;
  /** Someone saved a newer revision since this editor read the article: saving again needs a reload first. */
  conflict: boolean;
  busy: 'save' | 'publish' | 'unpublish' | 'load' | null;
  /** Why the last action failed (offline, refused), or null. */
  problem: string | null;
}

/** The newest revision number of an article (its history is newest first, but take no chances with a partial list). */
export function newestRevision(detail: HelpArticleDetail): number {
  return Math.max(detail.latest.revision, ...detail.revisions.map((r) => r.revision));
}

/** An editor opened on `detail` (its `latest` is the revision asked for: the newest, or an older one to restore). */
export function editorFor(detail: HelpArticleDetail): HelpEditor {
  const { revision, title, body } = detail.latest;
  return { detail, title, body, opened: { revision, title, body }, baseRevision: newestRevision(detail), conflict: false, busy: null, problem: null };
}

/** The author typed something the server has not got. */
export function hasChanges(e: Pick<HelpEditor, 'title' | 'body' | 'opened'>): boolean {
  return e.title !== e.opened.title || e.body !== e.opened.body;
}

/** The editor shows an older revision than the newest: saving it restores it. */
export function showsOlderRevision(e: Pick<HelpEditor, 'opened' | 'baseRevision'>): boolean {
  return e.opened.revision < e.baseRevision;
}

/** Save is worth pressing: changes to keep, or an older revision to make the newest. */
export function canSave(e: HelpEditor): boolean {
  return e.busy === null && !e.conflict && e.title.trim() !== '' && (hasChanges(e) || showsOlderRevision(e));
}

/** What `saveHelpArticle` sends for this editor. */
export function saveInput(e: HelpEditor): { articleId: string; baseRevision: number; draft: { title: string; body: string } } {
  return { articleId: e.detail.summary.id, baseRevision: e.baseRevision, draft: { title: e.title, body: e.body } };
}

/**
 * After a save, publish or unpublish answered: the editor follows the server's article. Text typed while the request
 * was out stays (a change against the revision just saved); text exactly as sent takes the server's form of it (the
 * server trims a title).
 */
export function editorAfter(current: HelpEditor, detail: HelpArticleDetail, sent: { title: string; body: string } = current.opened): HelpEditor {
  const fresh = editorFor(detail);
  return {
    ...fresh,
    title: current.title === sent.title ? fresh.title : current.title,
    body: current.body === sent.body ? fresh.body : current.body,
  };
}
