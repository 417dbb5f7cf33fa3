// Connection state, always visible: online, reconnecting (with the next retry) or offline with the count of unsent actions.
import { useApp } from '../store/app-store';
import { useNow } from './use-now';

const labels = { online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline' } as const;

export function ConnectionBadge() {
  const connection = useApp((s) => s.connection);
  const sync = useApp((s) => s.sync);
  return (
    <div className={`connection connection-${connection.state}`} role="status" aria-live="polite" data-testid="connection">
      <span className="connection-dot" aria-hidden="true" />
      <span>{labels[connection.state]}</span>
      {connection.state !== 'online' && connection.nextRetryAt !== null && <RetryIn at={connection.nextRetryAt} />}
      {connection.unsent > 0 && (
        <span className="connection-unsent" title="Actions saved locally, sent when the connection is back">
          {connection.unsent} unsent
        </span>
      )}
      {sync && sync.phase !== 'done' && (
        <span className="muted">
          syncing{sync.total ? ` ${Math.round((100 * sync.done) / sync.total)}%` : '…'}
        </span>
      )}
    </div>
  );
}

function RetryIn(props: { at: number }) {
  const now = useNow();
  const seconds = Math.max(0, Math.round((props.at - now) / 1000));
  return <span className="muted">retry in {seconds}s</span>;
}
