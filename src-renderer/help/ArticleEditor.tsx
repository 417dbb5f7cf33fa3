// The open article: its title, the Markdown beside a live preview, an image button, Save draft (with the revision it
// builds on), Publish, Unpublish (asked first), "View on site", the conflict notice when someone else saved meanwhile,
// and the revision history. Ctrl/⌘ S saves the draft.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { ConfirmDialog } from '../admin/ConfirmDialog';
import { formatDateTime } from '../format/time';
import { HELP_ARTICLE_MAX_CHARS, type HelpTree } from '../../src-shared/help-center';
import { canSave, hasChanges, showsOlderRevision, type HelpEditor } from './help-editor';
import { imageMarkdown, insertAt } from './help-markdown-insert';
import { publicHelpUrl } from './help-suggestions';
import { articlePlace } from './help-tree';
import { ArticlePreview } from './ArticlePreview';
import { HelpStatusChip } from './HelpStatusChip';
import { RevisionHistory } from './RevisionHistory';

const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

export function ArticleEditor(props: { editor: HelpEditor; tree: HelpTree | null; online: boolean; guard: (action: () => void) => void }) {
  const { editor } = props;
  const { summary } = editor.detail;
  const controller = useController();
  const serverUrl = useApp((s) => s.session?.serverUrl ?? null);
  const text = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [confirmUnpublish, setConfirmUnpublish] = useState(false);
  const [uploading, setUploading] = useState(false);
  const busy = editor.busy !== null;
  const changed = hasChanges(editor);
  const older = showsOlderRevision(editor);
  const siteUrl = publicHelpUrl(editor.detail.url, serverUrl);

  async function addImage(file: File) {
    setUploading(true);
    const url = await controller.help.uploadImage(file);
    setUploading(false);
    const box = text.current;
    if (!url || !box) return;
    // The cursor as it is now (the author may have typed during the upload), read from the live textarea.
    const { text: body, cursor } = insertAt(box.value, box.selectionStart, box.selectionEnd, imageMarkdown(file.name, url), true);
    controller.help.edit({ body });
    requestAnimationFrame(() => {
      box.focus();
      box.setSelectionRange(cursor, cursor);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      if (canSave(editor) && props.online) void controller.help.save();
    }
  }

  return (
    <form
      className="panel help-editor"
      aria-label={`Article ${summary.title}`}
      data-testid="help-editor"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave(editor)) void controller.help.save();
      }}
    >
      <div className="help-editor-head">
        <div className="help-editor-heading">
          <span className="muted help-place">{props.tree ? articlePlace(props.tree, summary.sectionId) : ''}</span>
          <h2>{summary.title}</h2>
          <span className="muted help-address">/help/articles/{summary.slug}</span>
        </div>
        <HelpStatusChip article={summary} testId="help-editor-status" />
        {summary.status === 'published' && (
          <a
            className="button button-small"
            href={siteUrl}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(e) => {
              e.preventDefault();
              controller.openExternal(siteUrl);
            }}
          >
            View on site
          </a>
        )}
      </div>

      {editor.conflict && (
        <div className="help-conflict" role="alert" data-testid="help-conflict">
          <p>{editor.problem}</p>
          <button type="button" className="button button-small button-primary" onClick={() => void controller.help.openArticle(summary.id)}>
            Reload
          </button>
        </div>
      )}
      {!editor.conflict && editor.problem && (
        <p className="form-error" role="alert">
          {editor.problem}
        </p>
      )}
      {older && (
        <p className="help-older-note" role="status">
          You are looking at revision {editor.opened.revision}. Save it to make it the newest revision (restore it); readers keep the published one until you publish.
        </p>
      )}

      <fieldset className="help-fieldset" disabled={!props.online || editor.busy === 'load'}>
        <label className="field">
          <span>Title</span>
          <input value={editor.title} maxLength={200} required onChange={(e) => controller.help.edit({ title: e.target.value })} />
        </label>
        <div className="help-toolbar">
          <button type="button" className="button button-small" disabled={uploading} onClick={() => picker.current?.click()}>
            {uploading ? 'Uploading…' : 'Insert image'}
          </button>
          <input
            ref={picker}
            type="file"
            accept={IMAGE_TYPES}
            hidden
            aria-label="Image to insert"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void addImage(file);
            }}
          />
          <span className="muted help-toolbar-hint">Markdown: **bold**, ## heading, - list, [link](https://…); a video link alone on its line becomes a player.</span>
        </div>
        <div className="help-split">
          <label className="field help-source">
            <span>Article text (Markdown)</span>
            <textarea ref={text} value={editor.body} maxLength={HELP_ARTICLE_MAX_CHARS} spellCheck onChange={(e) => controller.help.edit({ body: e.target.value })} />
          </label>
          <ArticlePreview title={editor.title} markdown={editor.body} />
        </div>
      </fieldset>

      <div className="help-actions">
        <span className="muted help-saved" role="status">
          {editor.busy === 'save'
            ? 'Saving…'
            : editor.busy === 'publish'
              ? 'Publishing…'
              : changed
                ? 'Unsaved changes'
                : `Saved ${formatDateTime(summary.updatedAt)}`}
        </span>
        <span className="spacer" />
        {summary.status === 'published' && (
          <button type="button" className="button" disabled={busy || !props.online} onClick={() => setConfirmUnpublish(true)}>
            Unpublish
          </button>
        )}
        <button type="submit" className="button" disabled={!props.online || !canSave(editor)} title="Ctrl/⌘ S">
          {older && !changed ? 'Save as newest (restore)' : 'Save draft'}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!props.online || busy || editor.conflict || editor.title.trim() === '' || (summary.status === 'published' && !summary.hasUnpublishedChanges && !changed && !older)}
          onClick={() => void controller.help.publish()}
        >
          {changed || older ? 'Save and publish' : 'Publish'}
        </button>
      </div>

      <RevisionHistory detail={editor.detail} openRevision={editor.opened.revision} busy={busy} onOpen={(revision) => props.guard(() => void controller.help.openArticle(summary.id, revision))} />

      {confirmUnpublish && (
        <ConfirmDialog
          title="Unpublish this article?"
          confirmLabel="Unpublish"
          danger
          busy={busy}
          onCancel={() => setConfirmUnpublish(false)}
          onConfirm={() => {
            setConfirmUnpublish(false);
            void controller.help.unpublish();
          }}
        >
          <p>
            Readers who open <strong>{summary.title}</strong> will get “not found”, and search will no longer list it. Its revisions and followers stay; publish it again at any time.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
