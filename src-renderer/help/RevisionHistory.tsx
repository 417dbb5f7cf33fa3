// An article's saved revisions, newest first: who saved each and when, which one readers see, which one is in the
// editor. "Open" loads a revision's text into the editor; saving it then makes it the newest revision (a restore).
import type { HelpArticleDetail } from '../../src-shared/help-center';
import { formatDateTime } from '../format/time';

export function RevisionHistory(props: { detail: HelpArticleDetail; openRevision: number; busy: boolean; onOpen: (revision: number) => void }) {
  const { detail } = props;
  return (
    <section className="help-history" aria-labelledby="help-history-heading">
      <h2 id="help-history-heading">Revision history</h2>
      <ol className="help-history-list" data-testid="help-revisions">
        {detail.revisions.map((r) => {
          const inEditor = r.revision === props.openRevision;
          return (
            <li key={r.revision} className={inEditor ? 'current' : undefined}>
              <span className="help-history-rev">Revision {r.revision}</span>
              <span className="help-history-who">
                {r.savedByName} <span className="muted">· {formatDateTime(r.savedAt)}</span>
              </span>
              <span className="help-history-tags">
                {r.revision === detail.publishedRevision && <span className="tag">readers see this</span>}
                {inEditor && <span className="tag">in the editor</span>}
              </span>
              {!inEditor && (
                <button type="button" className="button button-small" disabled={props.busy} aria-label={`Open revision ${r.revision} in the editor`} onClick={() => props.onOpen(r.revision)}>
                  Open
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
