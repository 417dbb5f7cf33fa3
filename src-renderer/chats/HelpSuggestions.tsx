// Help articles beside a chat: up to three published articles matching what the visitor asked (their latest message,
// else the question they opened the chat with), asked again only when those words change and after a pause. A click
// adds "Title — link" to the reply box (not sent). Hidden when nothing matches; a failure is a log line, never in
// the way of chatting.
import { useEffect, useState } from 'react';
import type { HelpSearchHit } from '../../src-shared/help-center';
import type { ConsoleMessage } from '../../src-shared/console-api';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { suggestionLine, suggestionQuery, withSuggestion } from '../help/help-suggestions';

/** The pause after the visitor's words change before asking (a burst of messages asks once). */
export const SUGGEST_DEBOUNCE_MS = 400;
const NO_MESSAGES: ConsoleMessage[] = [];

export function HelpSuggestions(props: { conversationId: string; compact?: boolean }) {
  const { conversationId } = props;
  const controller = useController();
  const query = useApp((s) => suggestionQuery(s.conversations[conversationId]?.question ?? '', s.messages[conversationId] ?? NO_MESSAGES));
  const serverUrl = useApp((s) => s.session?.serverUrl ?? null);
  const draft = useApp((s) => s.drafts[conversationId] ?? '');
  const setDraft = useApp((s) => s.setDraft);
  const [hits, setHits] = useState<HelpSearchHit[]>([]);

  useEffect(() => {
    if (query === null) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void controller.help.suggest(query).then((found) => current && setHits(found));
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, controller]);

  if (hits.length === 0) return null;

  function insert(hit: HelpSearchHit) {
    setDraft(conversationId, withSuggestion(draft, suggestionLine(hit, serverUrl)));
    const box = document.querySelector<HTMLTextAreaElement>(`textarea[data-composer="${conversationId}"]`);
    if (box) {
      box.focus();
      requestAnimationFrame(() => box.setSelectionRange(box.value.length, box.value.length));
    }
  }

  return (
    <section className={`help-suggestions${props.compact ? ' help-suggestions-compact' : ''}`} aria-labelledby={`help-suggestions-${conversationId}`} data-testid="help-suggestions">
      <h3 id={`help-suggestions-${conversationId}`}>Help articles</h3>
      <ul>
        {hits.map((hit) => (
          <li key={hit.articleId}>
            <button type="button" className="help-suggestion" onClick={() => insert(hit)} title="Adds its title and link to your reply (not sent)" aria-label={`Add a link to “${hit.title}” to the reply`}>
              <span className="help-suggestion-title">
                {hit.titleParts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
              </span>
              <span className="help-suggestion-where muted">
                {hit.productName} › {hit.sectionTitle}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
