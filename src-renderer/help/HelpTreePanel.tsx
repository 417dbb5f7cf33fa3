// The help center's contents for authoring: each product tile, its sections (with their kind), each section's
// articles with their status; a row opens the article, and each section offers "New article" in it.
import type { HelpSection, HelpTree } from '../../src-shared/help-center';
import { helpSectionKindLabels } from '../../src-shared/help-center';
import { nestHelpTree } from './help-tree';
import { HelpStatusChip } from './HelpStatusChip';

export function HelpTreePanel(props: {
  tree: HelpTree;
  openArticleId: string | null;
  editable: boolean;
  onOpen: (articleId: string) => void;
  onNewArticle: (section: HelpSection) => void;
}) {
  const products = nestHelpTree(props.tree);
  if (products.length === 0) return <p className="muted">No products yet.</p>;
  return (
    <div className="help-tree" data-testid="help-tree">
      {products.map(({ product, sections }) => (
        <section key={product.id} className="help-tree-product" aria-labelledby={`help-product-${product.id}`}>
          <h2 id={`help-product-${product.id}`}>{product.name}</h2>
          {sections.length === 0 && <p className="muted help-tree-empty">No sections yet.</p>}
          {sections.map(({ section, articles }) => (
            <div key={section.id} className="help-tree-section">
              <div className="help-tree-section-head">
                <h3 id={`help-section-${section.id}`}>
                  {section.title}
                  {/* The kind only when the title does not already say it ("FAQs" under FAQs). */}
                  {section.title.toLowerCase() !== helpSectionKindLabels[section.kind].toLowerCase() && (
                    <span className="muted help-tree-kind"> · {helpSectionKindLabels[section.kind]}</span>
                  )}
                </h3>
                {props.editable && (
                  <button type="button" className="icon-button help-tree-add" aria-label={`New article in ${section.title}`} title="New article" onClick={() => props.onNewArticle(section)}>
                    +
                  </button>
                )}
              </div>
              {articles.length === 0 ? (
                <p className="muted help-tree-empty">No articles yet.</p>
              ) : (
                <ul aria-labelledby={`help-section-${section.id}`}>
                  {articles.map((a) => {
                    const open = a.id === props.openArticleId;
                    return (
                      <li key={a.id}>
                        <button type="button" className={`help-tree-article${open ? ' current' : ''}`} aria-current={open ? 'true' : undefined} onClick={() => props.onOpen(a.id)}>
                          <span className="help-tree-title">{a.title}</span>
                          <HelpStatusChip article={a} />
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
