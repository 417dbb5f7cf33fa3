// CC emails as removable chips: typed addresses become chips on Enter, comma or "Add", each checked before sending;
// text still in the box when the form is sent is added then (flush), so nothing typed is dropped.
import { useId, useState, type KeyboardEvent } from 'react';
import { addCcChips } from './portal-view';

export interface CcState {
  chips: string[];
  text: string;
  error: string | null;
  setText: (text: string) => void;
  add: () => void;
  remove: (email: string) => void;
  /** Adds what is still typed; the chips to send, or null (with the reason shown) when something typed is not an email. */
  flush: () => string[] | null;
  clear: () => void;
}

/** `already`: addresses copied on the ticket before, skipped as duplicates. */
export function useCcChips(already: readonly string[] = []): CcState {
  const [chips, setChips] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function flush(): string[] | null {
    const next = addCcChips(chips, text, already);
    setChips(next.chips);
    setText(next.rest);
    setError(next.error);
    return next.error ? null : next.chips;
  }

  return {
    chips,
    text,
    error,
    setText: (t) => {
      setText(t);
      if (error) setError(null);
    },
    add: () => void flush(),
    remove: (email) => setChips((cs) => cs.filter((c) => c !== email)),
    flush,
    clear: () => {
      setChips([]);
      setText('');
      setError(null);
    },
  };
}

export function CcField({ state, disabled, hint }: { state: CcState; disabled: boolean; hint: string }) {
  const id = useId();
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',' || e.key === ';') {
      // Enter adds the chip instead of sending the whole form half-done.
      e.preventDefault();
      state.add();
    } else if (e.key === 'Backspace' && state.text === '' && state.chips.length > 0) {
      state.remove(state.chips[state.chips.length - 1]!);
    }
  }
  return (
    <div className="sb-field" data-testid="cc-field">
      <label htmlFor={`${id}-cc`}>CC (optional)</label>
      {state.chips.length > 0 ? (
        <ul className="pt-chips" aria-label="People to copy">
          {state.chips.map((c) => (
            <li key={c} className="pt-chip" data-testid="cc-chip">
              <span>{c}</span>
              <button type="button" className="pt-chip-remove" onClick={() => state.remove(c)} aria-label={`Remove ${c}`} disabled={disabled}>
                <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                  <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="pt-cc-row">
        <input
          id={`${id}-cc`}
          type="text"
          inputMode="email"
          autoComplete="off"
          placeholder="colleague@company.com"
          value={state.text}
          onChange={(e) => state.setText(e.target.value)}
          onKeyDown={onKeyDown}
          disabled={disabled}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={`${id}-hint${state.error ? ` ${id}-error` : ''}`}
        />
        <button type="button" className="sb-button sb-button-secondary" onClick={state.add} disabled={disabled || state.text.trim() === ''}>
          Add
        </button>
      </div>
      <p id={`${id}-hint`} className="sb-hint">
        {hint}
      </p>
      {state.error ? (
        <p id={`${id}-error`} className="sb-field-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
