// The toast line: confirmations and errors, announced politely and dismissed after a few seconds.
import { useEffect } from 'react';
import { useApp } from '../store/app-store';

export function Toast() {
  const toast = useApp((s) => s.toast);
  const clearToast = useApp((s) => s.clearToast);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => clearToast(toast.id), toast.tone === 'error' ? 8000 : 4000);
    return () => clearTimeout(t);
  }, [toast, clearToast]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`toast toast-${toast.tone}`} data-testid="toast">
          {toast.text}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => clearToast(toast.id)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
