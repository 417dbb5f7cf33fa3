// The toast corner, announced politely and never taking focus: chat alerts (a visitor waiting, a chat for me),
// each a button that opens its chat and stays until dismissed or no longer needed (chat-alerts-slice.ts); below
// them the one-line confirmations and errors, which go after a few seconds but wait while hovered or focused.
import { useEffect, useState } from 'react';
import { useApp } from '../store/app-store';
import { useController } from './controller-context';

const INFO_MS = 6000;
const ERROR_MS = 10000;

export function Toast() {
  const controller = useController();
  const toast = useApp((s) => s.toast);
  const clearToast = useApp((s) => s.clearToast);
  const chatAlerts = useApp((s) => s.chatAlerts);
  const dismissChatAlert = useApp((s) => s.dismissChatAlert);
  // Hover or keyboard focus holds the line: nobody loses a message while reading it or reaching its close button.
  // Kept as the held toast's id, so a toast that goes while held does not hold the next one.
  const [heldId, setHeldId] = useState<number | null>(null);
  const held = toast !== null && heldId === toast.id;
  useEffect(() => {
    if (!toast || held) return;
    const t = setTimeout(() => clearToast(toast.id), toast.tone === 'error' ? ERROR_MS : INFO_MS);
    return () => clearTimeout(t);
  }, [toast, held, clearToast]);
  const hold = {
    onMouseEnter: () => setHeldId(toast?.id ?? null),
    onMouseLeave: () => setHeldId(null),
    onFocus: () => setHeldId(toast?.id ?? null),
    onBlur: () => setHeldId(null),
  };
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-label="Notifications">
      {chatAlerts.map((a) => (
        <div key={a.id} className="toast toast-chat" data-testid="chat-toast">
          <button type="button" className="toast-open" onClick={() => controller.openChatAlert(a)}>
            <span className="toast-title">{a.title}</span>
            <span className="toast-body">{a.body}</span>
            <span className="toast-hint" aria-hidden="true">
              Open ›
            </span>
          </button>
          <button type="button" className="icon-button" aria-label={`Dismiss “${a.title}”`} onClick={() => dismissChatAlert(a.id)}>
            ×
          </button>
        </div>
      ))}
      {toast && (
        <div className={`toast toast-${toast.tone}`} data-testid="toast" {...hold}>
          <span>{toast.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => clearToast(toast.id)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
