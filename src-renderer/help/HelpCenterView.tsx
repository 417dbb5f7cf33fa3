// Help center (leads and admins): the products' sections and articles on the left, the open article's editor on the
// right. Reads the tree on open; says plainly when there is no connection. Leaving an article with unsaved text
// (another article, an older revision) asks first.
import { useEffect, useState } from 'react';
import type { HelpSection } from '../../src-shared/help-center';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { ConfirmDialog } from '../admin/ConfirmDialog';
import { HelpTreePanel } from './HelpTreePanel';
import { ArticleEditor } from './ArticleEditor';
import { NewSectionDialog } from './NewSectionDialog';
import { NewArticleDialog } from './NewArticleDialog';
import './help.css';

export function HelpCenterView() {
  const controller = useController();
  const tree = useApp((s) => s.helpTree);
  const problem = useApp((s) => s.helpProblem);
  const editor = useApp((s) => s.helpEditor);
  const online = useApp((s) => s.connection.state === 'online');
  const [newSection, setNewSection] = useState(false);
  const [newArticleIn, setNewArticleIn] = useState<HelpSection | null>(null);
  /** An action waiting for the author to agree to lose unsaved text. */
  const [pending, setPending] = useState<(() => void) | null>(null);
  useEffect(() => {
    void controller.help.refreshTree();
  }, [controller, online]);

  const guard = (action: () => void) => (controller.help.unsaved() ? setPending(() => action) : action());
  const openArticleId = editor?.detail.summary.id ?? null;

  return (
    <section className="view help-view" aria-labelledby="help-title" data-testid="help-center">
      <header className="view-header help-header">
        <h1 id="help-title">Help center</h1>
        <span className="muted">{tree ? `${tree.articles.length === 1 ? '1 article' : `${tree.articles.length} articles`} in ${tree.sections.length === 1 ? '1 section' : `${tree.sections.length} sections`}` : ''}</span>
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={() => void controller.help.refreshTree()}>
          Refresh
        </button>
        <button type="button" className="button button-small button-primary" disabled={!online || !tree || tree.products.length === 0} onClick={() => setNewSection(true)}>
          New section
        </button>
      </header>
      {!online && (
        <p className="help-offline" role="alert">
          You are offline — the help center needs a connection. {tree ? 'What you see is the last version read; changes cannot be saved.' : ''}
        </p>
      )}
      {online && problem && (
        <p className="form-error help-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="help-columns">
        <nav className="panel help-tree-panel" aria-label="Help center contents">
          {tree === null ? (
            <p className="muted" aria-busy={problem === null}>
              {problem === null ? 'Loading…' : 'Nothing to show yet.'}
            </p>
          ) : (
            <HelpTreePanel
              tree={tree}
              openArticleId={openArticleId}
              editable={online}
              onOpen={(id) => id !== openArticleId && guard(() => void controller.help.openArticle(id))}
              onNewArticle={(section) => guard(() => setNewArticleIn(section))}
            />
          )}
        </nav>
        {editor ? (
          <ArticleEditor key={editor.detail.summary.id} editor={editor} tree={tree} online={online} guard={guard} />
        ) : (
          <div className="panel help-empty">
            <p className="muted">Choose an article to edit it, or add one with “+” beside a section.</p>
            <p className="muted">Articles are written in Markdown and stay drafts until you publish them.</p>
          </div>
        )}
      </div>
      {newSection && tree && <NewSectionDialog products={tree.products} productId={null} onClose={() => setNewSection(false)} />}
      {newArticleIn && <NewArticleDialog section={newArticleIn} onClose={() => setNewArticleIn(null)} />}
      {pending && (
        <ConfirmDialog
          title="Discard unsaved changes?"
          confirmLabel="Discard changes"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const action = pending;
            setPending(null);
            action();
          }}
        >
          <p>
            <strong>{editor?.detail.summary.title}</strong> has changes that are not saved. Save the draft first to keep them.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
