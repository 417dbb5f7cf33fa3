// Leads: live "possible incident" alerts, shown above every view until declared or dismissed.
import { useApp } from '../store/app-store';
import { issueCategoryLabels } from '../../src-shared/issue-category';
import { formatClock } from '../format/time';

export function IncidentAlertBar() {
  const alerts = useApp((s) => s.incidentAlerts);
  const start = useApp((s) => s.startIncidentFromAlert);
  const dismiss = useApp((s) => s.dismissIncidentAlert);
  if (alerts.length === 0) return null;
  return (
    <div className="incident-alerts" role="alert" aria-label="Incident alerts">
      {alerts.map((a) => (
        <div key={a.key} className="incident-alert" data-testid="incident-alert">
          <strong>Possible incident:</strong>{' '}
          <span>
            {a.count} reports of {issueCategoryLabels[a.category]}
            {a.eid ? ` for event ${a.eid}` : ''} since {formatClock(a.firstAt)}
          </span>
          <span className="spacer" />
          <button type="button" className="button button-small button-primary" onClick={() => start(a)}>
            Declare incident…
          </button>
          <button type="button" className="button button-small" onClick={() => dismiss(a.key)} aria-label="Dismiss alert">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
