// The reply box: Enter sends, Shift+Enter adds a line, Ctrl/⌘+I toggles an internal note, "/" opens the team's
// canned responses (the chat's department and shared ones, variables filled on insert); typing state is sent
// throttled and cleared after a pause or on send.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { cannedForDepartment, chatTemplateValues, matchCanned, slashQuery } from './canned-responses';
import { MAX_MESSAGE_CHARS } from '../../src-shared/message';
import { fillTemplate } from '../../src-shared/canned-response';

const TYPING_REFRESH_MS = 2500;
const TYPING_IDLE_MS = 4000;

export function Composer(props: { conversationId: string; disabled: boolean; disabledReason?: string }) {
  const { conversationId } = props;
  const controller = useController();
  const draft = useApp((s) => s.drafts[conversationId] ?? '');
  const internal = useApp((s) => s.internalMode[conversationId] ?? false);
  const setDraft = useApp((s) => s.setDraft);
  const toggleInternal = useApp((s) => s.toggleInternal);
  const all = useApp((s) => s.canned);
  const chat = useApp(
    useShallow((s) => {
      const c = s.conversations[conversationId];
      return {
        departmentId: c?.departmentId ?? null,
        visitorEmail: c?.visitorEmail ?? null,
        specialistName: s.session?.me?.displayName ?? null,
        departmentName: s.departments.find((d) => d.id === c?.departmentId)?.name ?? null,
      };
    }),
  );
  const canned = useMemo(() => cannedForDepartment(all, chat.departmentId), [all, chat.departmentId]);
  /** A canned response's text as it goes into this chat. */
  const filled = (body: string) => fillTemplate(body, chatTemplateValues(chat));
  const [picked, setPicked] = useState(0);
  const [sending, setSending] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const typingSentAt = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const query = slashQuery(draft);
  const suggestions = query === null ? [] : matchCanned(canned, query).slice(0, 6);

  const stopTyping = () => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = null;
    if (typingSentAt.current !== 0) {
      typingSentAt.current = 0;
      controller.setTyping(conversationId, false);
    }
  };
  // Leaving a chat (or switching the pane to another) clears my typing state there.
  const stopRef = useRef(stopTyping);
  stopRef.current = stopTyping;
  useEffect(() => () => stopRef.current(), [conversationId]);

  const noteTyping = (text: string) => {
    if (internal || text.trim() === '' || text.startsWith('/')) {
      stopTyping();
      return;
    }
    const now = Date.now();
    if (now - typingSentAt.current > TYPING_REFRESH_MS) {
      typingSentAt.current = now;
      controller.setTyping(conversationId, true);
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  async function send() {
    const body = draft;
    if (body.trim() === '' || sending) return;
    setSending(true);
    stopTyping();
    const sent = await controller.sendMessage(conversationId, body, internal);
    setSending(false);
    if (sent) setDraft(conversationId, '');
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (suggestions.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setPicked((p) => (p + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const choice = suggestions[Math.min(picked, suggestions.length - 1)];
        if (choice) setDraft(conversationId, filled(choice.body));
        setPicked(0);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDraft(conversationId, '');
        return;
      }
    }
    if ((e.ctrlKey || e.metaKey) && e.code === 'KeyI') {
      e.preventDefault();
      toggleInternal(conversationId);
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  const listId = `canned-${conversationId}`;
  return (
    <div className={`composer${internal ? ' composer-internal' : ''}`}>
      {suggestions.length > 0 && (
        <ul className="canned-list" id={listId} role="listbox" aria-label="Canned responses">
          {suggestions.map((c, i) => (
            <li
              key={c.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === picked}
              className={i === picked ? 'selected' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                setDraft(conversationId, filled(c.body));
              }}
            >
              <span className="canned-shortcut">/{c.shortcut}</span>
              <span className="canned-title">{c.title}</span>
              <span className="canned-body muted">{c.body}</span>
            </li>
          ))}
        </ul>
      )}
      <textarea
        className="composer-input"
        data-composer={conversationId}
        value={draft}
        rows={2}
        maxLength={MAX_MESSAGE_CHARS}
        disabled={props.disabled}
        placeholder={props.disabled ? (props.disabledReason ?? 'This chat is read-only') : internal ? 'Internal note — only specialists see this' : 'Reply…  (Enter to send, Shift+Enter for a new line, / for canned responses)'}
        aria-label={internal ? 'Internal note' : 'Message'}
        aria-controls={suggestions.length > 0 ? listId : undefined}
        aria-activedescendant={suggestions.length > 0 ? `${listId}-${Math.min(picked, suggestions.length - 1)}` : undefined}
        onChange={(e) => {
          setDraft(conversationId, e.target.value);
          setPicked(0);
          noteTyping(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={stopTyping}
      />
      <div className="composer-bar">
        <label className="toggle" title="Ctrl/⌘ I">
          <input type="checkbox" checked={internal} onChange={() => toggleInternal(conversationId)} disabled={props.disabled} />
          <span>Internal note</span>
        </label>
        <button type="button" className="button button-small button-ghost" onClick={() => fileRef.current?.click()} disabled={props.disabled}>
          Attach file
        </button>
        <input
          ref={fileRef}
          type="file"
          hidden
          multiple
          onChange={(e) => {
            for (const f of Array.from(e.target.files ?? [])) void controller.attachFile(conversationId, f);
            e.target.value = '';
          }}
        />
        <span className="spacer" />
        <span className="muted composer-count">{draft.length > MAX_MESSAGE_CHARS - 500 ? `${draft.length}/${MAX_MESSAGE_CHARS}` : ''}</span>
        <button type="button" className="button button-primary" onClick={() => void send()} disabled={props.disabled || sending || draft.trim() === ''}>
          {internal ? 'Add note' : 'Send'}
        </button>
      </div>
    </div>
  );
}
