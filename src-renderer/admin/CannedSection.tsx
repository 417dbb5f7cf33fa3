// The team's canned responses, shared with everyone or per department: list by group, create, edit, delete.
// Leads and admins change them (the one admin screen leads may change besides the notice).
import { useState } from 'react';
import type { CannedResponse } from '../../src-shared/canned-response';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { canChangeCanned } from './admin-access';
import { blankCanned, cannedFieldsOf, groupCanned, type CannedFields } from './canned-form';
import { CannedEditor } from './CannedEditor';
import { ConfirmDialog } from './ConfirmDialog';

export function CannedSection() {
  const controller = useController();
  const canned = useApp((s) => s.adminOverview?.canned ?? []);
  const departments = useApp((s) => s.adminOverview?.departments ?? []);
  const me = useApp((s) => s.session?.me ?? null);
  const online = useApp((s) => s.connection.state === 'online');
  const showToast = useApp((s) => s.showToast);
  const [filter, setFilter] = useState<string>('all');
  const [editing, setEditing] = useState<CannedFields | null>(null);
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);
  const [busy, setBusy] = useState(false);

  const groups = groupCanned(canned, departments).filter((g) => filter === 'all' || (filter === 'shared' ? g.departmentId === null : g.departmentId === filter));
  const mayCreate = online && canChangeCanned(me, null);

  return (
    <div className="admin-columns admin-canned-columns">
      <section className="panel admin-list-panel" aria-labelledby="canned-heading">
        <div className="admin-panel-head">
          <h2 id="canned-heading">Canned responses</h2>
          {mayCreate && (
            <button type="button" className="button button-small button-primary" onClick={() => setEditing(blankCanned(filter !== 'all' && filter !== 'shared' ? filter : null))}>
              New response…
            </button>
          )}
        </div>
        <p className="muted admin-hint">Specialists type “/” and the shortcut in a chat; the chat’s department’s responses and the shared ones are offered.</p>
        <label className="field field-inline admin-filter">
          <span>Show</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="all">All responses</option>
            <option value="shared">Everyone (shared)</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        {groups.length === 0 && <p className="muted">No canned responses here yet.</p>}
        {groups.map((g) => (
          <section key={g.departmentId ?? 'shared'} className="admin-canned-group" aria-label={`${g.label} responses`}>
            <h3>{g.label}</h3>
            <ul className="admin-canned-list">
              {g.items.map((c) => {
                const mine = online && canChangeCanned(me, c.departmentId);
                return (
                  <li key={c.id} className={`admin-canned-row${editing?.id === c.id ? ' current' : ''}`} data-testid={`canned-row-${c.shortcut}`}>
                    <div className="admin-canned-text">
                      <span>
                        <code className="canned-shortcut">/{c.shortcut}</code> <strong>{c.title}</strong>
                      </span>
                      <span className="muted admin-canned-body">{c.body}</span>
                    </div>
                    <span className="admin-row-actions">
                      <button type="button" className="button button-small" aria-label={`${mine ? 'Edit' : 'View'} /${c.shortcut}`} onClick={() => setEditing(cannedFieldsOf(c))}>
                        {mine ? 'Edit' : 'View'}
                      </button>
                      {mine && (
                        <button type="button" className="button button-small button-danger" aria-label={`Delete /${c.shortcut}`} onClick={() => setDeleting(c)}>
                          Delete
                        </button>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </section>
      {editing ? (
        <CannedEditor key={editing.id ?? 'new'} fields={editing} departments={departments} onDone={() => setEditing(null)} />
      ) : (
        <section className="panel admin-placeholder">
          <p className="muted">Pick a response to see or change it{mayCreate ? ', or add a new one' : ''}.</p>
        </section>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete /${deleting.shortcut}?`}
          confirmLabel="Delete"
          danger
          busy={busy}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            setBusy(true);
            const r = await controller.admin.deleteCanned(deleting.id, deleting.shortcut);
            setBusy(false);
            if (!r.ok) return showToast(r.message, 'error');
            if (editing?.id === deleting.id) setEditing(null);
            setDeleting(null);
          }}
        >
          <p>
            “{deleting.title}” disappears from every specialist’s composer{deleting.departmentId ? ` in ${departments.find((d) => d.id === deleting.departmentId)?.name ?? deleting.departmentId}` : ''}.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
