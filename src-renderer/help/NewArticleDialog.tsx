// "New article" in a section: its title and slug (filled from the title until edited). It opens as a draft in the
// editor; readers see nothing until it is published.
import { useState } from 'react';
import type { HelpSection } from '../../src-shared/help-center';
import { Dialog, FormActions } from '../app/Dialog';
import { useController } from '../app/controller-context';
import { slugFromTitle, slugProblem } from './help-slug';

export function NewArticleDialog(props: { section: HelpSection; onClose: () => void }) {
  const controller = useController();
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownSlug = slugEdited ? slug : slugFromTitle(title);

  async function submit() {
    const bad = title.trim() === '' ? 'Give the article a title.' : slugProblem(shownSlug);
    if (bad) return setProblem(bad);
    setBusy(true);
    const refused = await controller.help.createArticle(props.section.id, title, shownSlug);
    setBusy(false);
    if (refused) setProblem(refused);
    else props.onClose();
  }

  return (
    <Dialog title={`New article in ${props.section.title}`} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="help-fieldset" disabled={busy}>
          <label className="field">
            <span>Title</span>
            <input value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span>Slug (part of the address)</span>
            <input
              value={shownSlug}
              maxLength={80}
              spellCheck={false}
              onChange={(e) => {
                setSlugEdited(true);
                setSlug(e.target.value);
              }}
            />
            <span className="muted help-field-hint">Readers will find it at /help/articles/{shownSlug || '…'}</span>
          </label>
        </fieldset>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <FormActions submitLabel={busy ? 'Creating…' : 'Create draft'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
