// Ctrl/⌘+K search over the local cache: results as you type, matches highlighted as <mark> (text, not HTML),
// arrows to move, Enter to open the chat or ticket.
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../src-shared/console-api';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { Dialog } from '../app/Dialog';
import { splitSnippet } from './snippet';
import { formatDateTime } from '../format/time';

export function SearchPalette() {
  const controller = useController();
  const setOverlay = useApp((s) => s.setOverlay);
  const openChat = useApp((s) => s.openChat);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [picked, setPicked] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!query.trim()) {
      setHits([]);
      return;
    }
    const t = setTimeout(async () => {
      const result = await controller.search(query);
      if (mine === seq.current) {
        setHits(result);
        setPicked(0);
      }
    }, 80);
    return () => clearTimeout(t);
  }, [query, controller]);

  const close = () => setOverlay('none');
  function open(hit: SearchHit) {
    close();
    if (hit.kind === 'ticket' && hit.ticketId !== null) controller.openTicket(hit.ticketId);
    else if (hit.conversationId) {
      openChat(hit.conversationId);
      void controller.loadChat(hit.conversationId);
    } else if (hit.ticketId !== null) controller.openTicket(hit.ticketId);
  }

  return (
    <Dialog title="Search" onClose={close} wide>
      <input
        type="search"
        className="search-input"
        value={query}
        placeholder="Search messages and tickets…"
        aria-label="Search"
        aria-controls="search-results"
        aria-activedescendant={hits.length > 0 ? `search-hit-${picked}` : undefined}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (hits.length > 0) setPicked((p) => (p + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
          } else if (e.key === 'Enter') {
            const hit = hits[picked];
            if (hit) open(hit);
          }
        }}
      />
      <ul className="search-results" id="search-results" role="listbox" aria-label="Results">
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}-${hit.conversationId}-${hit.ticketId}-${hit.at}-${i}`}
            id={`search-hit-${i}`}
            role="option"
            aria-selected={i === picked}
            className={i === picked ? 'selected' : ''}
            onMouseEnter={() => setPicked(i)}
            onClick={() => open(hit)}
            data-testid="search-hit"
          >
            <div className="search-hit-top">
              <span className="tag">{hit.kind === 'ticket' ? `ticket${hit.ticketId ? ` #${hit.ticketId}` : ''}` : 'chat'}</span>
              <strong>{hit.title}</strong>
              <span className="spacer" />
              <span className="muted">{formatDateTime(hit.at)}</span>
            </div>
            <div className="search-snippet">
              {splitSnippet(hit.snippet).map((part, j) => (part.match ? <mark key={j}>{part.text}</mark> : <span key={j}>{part.text}</span>))}
            </div>
          </li>
        ))}
        {query.trim() !== '' && hits.length === 0 && <li className="empty">No matches in the local cache.</li>}
      </ul>
    </Dialog>
  );
}
