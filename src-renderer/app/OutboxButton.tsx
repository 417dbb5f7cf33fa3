// Unsent actions (the outbox): a small list with retry and discard, shown only when something is pending.
import { useState } from 'react';
import { useApp } from '../store/app-store';
import { useController } from './controller-context';
import { Dialog } from './Dialog';
import { formatClock } from '../format/time';

export function OutboxButton() {
  const controller = useController();
  const items = useApp((s) => s.outbox);
  const [open, setOpen] = useState(false);
  const me = useApp((s) => s.session?.me ?? null);
  return (
    <div className="sidebar-actions">
      {items.length > 0 && (
        <button type="button" className="button button-small" onClick={() => setOpen(true)}>
          Unsent ({items.length})
        </button>
      )}
      {me && (
        <button type="button" className="button button-small button-ghost" onClick={() => void controller.logout()}>
          Sign out
        </button>
      )}
      {open && (
        <Dialog title="Unsent actions" onClose={() => setOpen(false)}>
          {items.length === 0 ? (
            <p className="muted">Everything has been sent.</p>
          ) : (
            <ul className="outbox-list">
              {items.map((item) => (
                <li key={item.clientId}>
                  <div>
                    <strong>{item.summary}</strong>
                    <div className="muted">
                      {formatClock(item.createdAt)} · {item.state === 'failed' ? 'failed — retry or discard' : item.state} · {item.attempts} attempt
                      {item.attempts === 1 ? '' : 's'}
                      {item.error ? ` · ${item.error.message}` : ''}
                    </div>
                  </div>
                  <div className="row-actions">
                    <button type="button" className="button button-small" onClick={() => void controller.retryOutboxItem(item.clientId)}>
                      Retry
                    </button>
                    <button type="button" className="button button-small button-danger" onClick={() => void controller.discardOutboxItem(item.clientId)}>
                      Discard
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Dialog>
      )}
    </div>
  );
}
