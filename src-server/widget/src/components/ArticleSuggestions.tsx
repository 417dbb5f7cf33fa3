// "Maybe this answers your question": up to three help articles under the CONTACT US question, each opening in a
// new tab. Titles and snippets are built from the server's text parts (matches as <mark>), never from its HTML.
import type { HelpSearchHit, SnippetPart } from '../../../../src-shared/help-center';
import './article-suggestions.css';

interface ArticleSuggestionsProps {
  /** Prefix of the element ids (the form's useId). */
  id: string;
  /** The support server's origin: articles live at <origin>/help/articles/<slug>. */
  origin: string;
  hits: readonly HelpSearchHit[];
  onOpen(hit: HelpSearchHit): void;
}

function Parts({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

export const suggestionsAnnouncement = (n: number): string => (n === 0 ? '' : n === 1 ? '1 suggested article' : `${n} suggested articles`);

export function ArticleSuggestions({ id, origin, hits, onOpen }: ArticleSuggestionsProps) {
  return (
    <>
      {/* Always in the page, so screen readers hear the count change as the customer types. */}
      <p className="sb-visually-hidden" aria-live="polite" data-testid="suggestions-status">
        {suggestionsAnnouncement(hits.length)}
      </p>
      {hits.length > 0 ? (
        // Named apart from its heading: "…your question" would make the region a second match for the field's label.
        <section className="sb-suggestions" aria-label="Suggested articles" data-testid="article-suggestions">
          <h2 id={`${id}-suggestions-title`} className="sb-suggestions-title">
            Maybe this answers your question
          </h2>
          <ul>
            {hits.map((hit) => (
              <li key={hit.articleId}>
                <a
                  className="sb-suggestion"
                  href={`${origin}/help/articles/${encodeURIComponent(hit.slug)}`}
                  target="_blank"
                  rel="noopener noreferrer"
                  onClick={() => onOpen(hit)}
                  // A middle click opens it too, without a click event.
                  onAuxClick={(e) => e.button === 1 && onOpen(hit)}
                >
                  <span className="sb-suggestion-title">
                    <Parts parts={hit.titleParts.length > 0 ? hit.titleParts : [{ text: hit.title, match: false }]} />
                  </span>
                  <span className="sb-suggestion-snippet">
                    <Parts parts={hit.snippet} />
                  </span>
                  <span className="sb-visually-hidden"> (opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
