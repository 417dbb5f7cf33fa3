// The Help center screen's side of the ConsoleApi (leads and admins): the tree, new sections and articles, the
// article editor (save with the revision it builds on, publish, unpublish, open an older revision, images), and the
// suggestions beside a chat (anyone). Online only: the core answers `offline` at once and the screen says so.
import type { ConsoleApi } from '../../src-shared/console-api';
import type { HelpArticleDetail, HelpSearchHit, HelpSectionDraft } from '../../src-shared/help-center';
import type { AppStore } from '../store/app-store';
import { editorAfter, editorFor, hasChanges, saveInput, showsOlderRevision, type HelpEditor } from './help-editor';

export type HelpController = ReturnType<typeof createHelpController>;

/** Base64 of a picked file (IPC and the WebSocket both carry strings). */
export type FileReader64 = (file: Blob) => Promise<string>;

export function createHelpController(api: ConsoleApi, store: AppStore, fileToBase64: FileReader64) {
  const s = () => store.getState();
  /** Preview images already fetched, by their URL in the Markdown (data: URLs; null when not one to show). */
  const previews = new Map<string, Promise<string | null>>();

  async function refreshTree(): Promise<void> {
    const r = await api.getHelpTree({});
    if (r.ok) s().setHelpTree(r.value);
    else s().setHelpProblem(r.error.message);
  }

  /** The open article's editor follows `detail` (after a write), unless the author meanwhile opened another. */
  function follow(articleId: string, detail: HelpArticleDetail, sent?: { title: string; body: string }): void {
    const e = s().helpEditor;
    if (e?.detail.summary.id !== articleId) return;
    s().setHelpEditor(editorAfter(e, detail, sent));
  }

  /** Runs one editor action: busy while out, its refusal shown in the editor. Null when it failed. */
  async function act<T>(busy: NonNullable<HelpEditor['busy']>, run: (e: HelpEditor) => Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>) {
    const e = s().helpEditor;
    if (!e || e.busy) return null;
    s().patchHelpEditor({ busy, problem: null });
    const r = await run(e);
    if (s().helpEditor?.detail.summary.id !== e.detail.summary.id) return r.ok ? r.value : null;
    if (r.ok) {
      s().patchHelpEditor({ busy: null });
      return r.value;
    }
    s().patchHelpEditor({ busy: null, problem: r.error.message, ...(r.error.code === 'conflict' && busy === 'save' ? { conflict: true } : {}) });
    return null;
  }

  async function save(): Promise<HelpArticleDetail | null> {
    const e = s().helpEditor;
    if (!e) return null;
    const input = saveInput(e);
    const saved = await act('save', () => api.saveHelpArticle(input));
    if (!saved) return null;
    follow(e.detail.summary.id, saved, input.draft);
    void refreshTree();
    return saved;
  }

  return {
    refreshTree,
    /** Opens an article in the editor (its newest revision, or `revision` to restore); the caller asked about unsaved text first. */
    async openArticle(articleId: string, revision?: number): Promise<void> {
      const current = s().helpEditor;
      if (current?.detail.summary.id === articleId) s().patchHelpEditor({ busy: 'load', problem: null });
      const r = await api.getHelpArticle({ articleId, ...(revision ? { revision } : {}) });
      if (r.ok) s().setHelpEditor(editorFor(r.value));
      else if (s().helpEditor?.detail.summary.id === articleId) s().patchHelpEditor({ busy: null, problem: r.error.message });
      else s().showToast(r.error.message, 'error');
    },
    closeArticle(): void {
      s().setHelpEditor(null);
    },
    edit(patch: { title?: string; body?: string }): void {
      s().patchHelpEditor(patch);
    },
    /** True when leaving the open article would lose text the server has not got. */
    unsaved(): boolean {
      const e = s().helpEditor;
      return e !== null && hasChanges(e);
    },
    save,
    /** Publishes the newest revision; unsaved text (or an older revision being restored) is saved first. */
    async publish(): Promise<boolean> {
      const e = s().helpEditor;
      if (!e) return false;
      if ((hasChanges(e) || showsOlderRevision(e)) && !(await save())) return false;
      const published = await act('publish', (x) => api.publishHelpArticle({ articleId: x.detail.summary.id }));
      if (!published) return false;
      follow(e.detail.summary.id, published);
      s().showToast(`Published: readers now see revision ${published.publishedRevision ?? published.latest.revision}.`);
      void refreshTree();
      return true;
    },
    async unpublish(): Promise<boolean> {
      const e = s().helpEditor;
      if (!e) return false;
      const done = await act('unpublish', (x) => api.unpublishHelpArticle({ articleId: x.detail.summary.id }));
      if (!done) return false;
      follow(e.detail.summary.id, done);
      s().showToast('Unpublished: readers no longer find it. Its revisions are kept.');
      void refreshTree();
      return true;
    },
    /** A new section; the problem to show, or null once saved. */
    async createSection(section: HelpSectionDraft): Promise<string | null> {
      const r = await api.saveHelpSection({ section });
      if (!r.ok) return r.error.message;
      s().showToast(`Section “${r.value.title}” created.`);
      await refreshTree();
      return null;
    },
    /** A new draft article in a section, opened in the editor; the problem to show, or null once created. */
    async createArticle(sectionId: string, title: string, slug: string): Promise<string | null> {
      const r = await api.createHelpArticle({ sectionId, slug, draft: { title, body: '' } });
      if (!r.ok) return r.error.message;
      s().setHelpEditor(editorFor(r.value));
      await refreshTree();
      return null;
    },
    /** Uploads an image for the open article; its URL, or the problem shown in the editor. */
    async uploadImage(file: File): Promise<string | null> {
      const dataBase64 = await fileToBase64(file);
      const r = await api.uploadHelpImage({ fileName: file.name, dataBase64 });
      if (r.ok) return r.value.url;
      s().patchHelpEditor({ problem: `${file.name}: ${r.error.message}` });
      return null;
    },
    /** A data: URL for an article image in the preview (fetched once per URL), or null when it cannot be shown. */
    previewImage(url: string): Promise<string | null> {
      const known = previews.get(url);
      if (known) return known;
      // A failure (offline) is asked again next time; an answer, even "not an image", is kept.
      const asked = api.previewHelpImage({ url }).then((r) => {
        if (!r.ok) previews.delete(url);
        return r.ok ? r.value.dataUrl : null;
      });
      previews.set(url, asked);
      return asked;
    },
    /** Up to three published articles for a chat's words; [] when none, or when asking failed (a log line, never a toast). */
    async suggest(query: string): Promise<HelpSearchHit[]> {
      const r = await api.suggestHelp({ query, limit: 3 });
      if (r.ok) return r.value;
      console.warn(`help suggestions unavailable: ${r.error.code}`);
      return [];
    },
  };
}
