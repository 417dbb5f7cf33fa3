// "New section": which product tile it goes under, its title, the slug (filled from the title until the author edits
// it), what kind of section it is, and an optional description. The server refuses a slug taken in that product.
import { useState } from 'react';
import { helpSectionKindLabels, helpSectionKindSchema, type HelpProduct, type HelpSectionKind } from '../../src-shared/help-center';
import { Dialog, FormActions } from '../app/Dialog';
import { useController } from '../app/controller-context';
import { slugFromTitle, slugProblem } from './help-slug';

export function NewSectionDialog(props: { products: HelpProduct[]; productId: string | null; onClose: () => void }) {
  const controller = useController();
  const [productId, setProductId] = useState(props.productId ?? props.products[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [kind, setKind] = useState<HelpSectionKind>('faq');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownSlug = slugEdited ? slug : slugFromTitle(title);

  async function submit() {
    const bad = title.trim() === '' ? 'Give the section a title.' : slugProblem(shownSlug);
    if (bad) return setProblem(bad);
    setBusy(true);
    const refused = await controller.help.createSection({ productId, title, slug: shownSlug, kind, description });
    setBusy(false);
    if (refused) setProblem(refused);
    else props.onClose();
  }

  return (
    <Dialog title="New section" onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="help-fieldset" disabled={busy}>
          <label className="field">
            <span>Product</span>
            <select value={productId} onChange={(e) => setProductId(e.target.value)}>
              {props.products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Title</span>
            <input value={title} maxLength={120} required onChange={(e) => setTitle(e.target.value)} />
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
          </label>
          <label className="field">
            <span>Kind</span>
            <select value={kind} onChange={(e) => setKind(helpSectionKindSchema.parse(e.target.value))}>
              {helpSectionKindSchema.options.map((k) => (
                <option key={k} value={k}>
                  {helpSectionKindLabels[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Description (optional)</span>
            <textarea value={description} rows={2} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
          </label>
        </fieldset>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <FormActions submitLabel={busy ? 'Creating…' : 'Create section'} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
