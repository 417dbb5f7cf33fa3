// Message box + SEND: Enter sends, Shift+Enter starts a new line; the visitor's typing is reported (throttled);
// a counter appears near the message length limit and an over-long message cannot be sent.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { counterText, lengthStatus } from '../message-limit';

interface ComposerProps {
  disabled: boolean;
  onSend: (body: string) => void;
  onTyping: () => void;
}

export function Composer({ disabled, onSend, onTyping }: ComposerProps) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const status = lengthStatus(text);
  const canSend = !disabled && text.trim().length > 0 && !status.tooLong;

  useEffect(() => {
    if (!disabled) box.current?.focus();
  }, [disabled]);

  function send(e?: FormEvent) {
    e?.preventDefault();
    if (!canSend) return;
    onSend(text);
    setText('');
    box.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  }

  return (
    <form className="sb-composer" onSubmit={send}>
      <label htmlFor={`${id}-message`} className="sb-visually-hidden">
        Message
      </label>
      <textarea
        ref={box}
        id={`${id}-message`}
        className="sb-composer-input"
        rows={2}
        placeholder={disabled ? 'This chat has ended' : 'Type your message…'}
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value) onTyping();
        }}
        onKeyDown={onKeyDown}
        aria-describedby={status.showCounter ? `${id}-hint ${id}-count` : `${id}-hint`}
        aria-invalid={status.tooLong || undefined}
      />
      <span id={`${id}-hint`} className="sb-visually-hidden">
        Press Enter to send, Shift+Enter for a new line.
      </span>
      <button type="submit" className="sb-button sb-button-primary sb-send" disabled={!canSend}>
        SEND
      </button>
      {status.showCounter ? (
        // Polite, so a screen reader hears the count when typing pauses rather than on every key.
        <span id={`${id}-count`} className={status.tooLong ? 'sb-counter sb-counter-over' : 'sb-counter'} aria-live="polite" data-testid="char-counter">
          {counterText(status)}
        </span>
      ) : null}
    </form>
  );
}
