// What changed in administration, newest first: when, who (or the command line), what, and each field before → after.
import { useApp } from '../store/app-store';
import { formatDateTime } from '../format/time';
import { actionLabels, formatAuditValue, visibleChanges } from './audit-format';

export function AuditSection() {
  const audit = useApp((s) => s.adminOverview?.audit ?? []);
  return (
    <section className="panel admin-wide-panel" aria-labelledby="audit-heading">
      <div className="admin-panel-head">
        <h2 id="audit-heading">Recent changes</h2>
        <span className="muted">newest first · {audit.length === 1 ? '1 change' : `${audit.length} changes`}</span>
      </div>
      {audit.length === 0 ? (
        <p className="muted">No administrative changes yet.</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="table admin-table admin-audit" aria-labelledby="audit-heading">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((e) => (
                <tr key={e.id} data-testid="audit-row">
                  <td className="admin-nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.actorId === null ? `${e.actorName} (command line)` : e.actorName}</td>
                  <td>
                    {actionLabels[e.action]} <code>{e.target}</code>
                  </td>
                  <td>
                    {visibleChanges(e.changes).length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <ul className="admin-changes">
                        {visibleChanges(e.changes).map((c) => (
                          <li key={c.field}>
                            <span className="admin-change-field">{c.field}</span> {formatAuditValue(c.before)} <span aria-hidden="true">→</span>
                            <span className="sr-only">became</span> {formatAuditValue(c.after)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
