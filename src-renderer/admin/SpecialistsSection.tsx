// Every account, deactivated ones too: role, departments, chat limit, live status; create, edit, deactivate or
// reactivate (after a confirmation), and reset a password (shown once).
import { useState } from 'react';
import type { Specialist } from '../../src-shared/specialist';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { ConfirmDialog } from './ConfirmDialog';
import { OneTimePassword } from './OneTimePassword';
import { SpecialistDialog } from './SpecialistDialog';
import { Dialog } from '../app/Dialog';
import { describeDepartments } from './department-names';

type Pending = { kind: 'edit' | 'deactivate' | 'reactivate' | 'reset'; specialist: Specialist } | { kind: 'create' } | null;

const roleLabels = { agent: 'Agent', lead: 'Lead', admin: 'Admin' } as const;

export function SpecialistsSection(props: { editable: boolean }) {
  const controller = useController();
  const accounts = useApp((s) => s.adminOverview?.specialists ?? []);
  const departments = useApp((s) => s.adminOverview?.departments ?? []);
  // The console's own specialist list follows presence live; the overview is as of its last read.
  const live = useApp((s) => s.specialists);
  const meId = useApp((s) => s.session?.me?.id ?? null);
  const showToast = useApp((s) => s.showToast);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [reset, setReset] = useState<{ email: string; password: string | null } | null>(null);

  const sorted = [...accounts].sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName));
  const close = () => setPending(null);

  async function confirm() {
    if (!pending || pending.kind === 'create' || pending.kind === 'edit') return;
    const who = pending.specialist;
    setBusy(true);
    if (pending.kind === 'reset') {
      const r = await controller.admin.resetPassword(who.id);
      setBusy(false);
      if (!r.ok) return showToast(r.message, 'error');
      setPending(null);
      setReset({ email: who.email, password: r.value.password });
      return;
    }
    const active = pending.kind === 'reactivate';
    const r = await controller.admin.updateSpecialist(who.id, { active }, active ? `${who.displayName} can sign in again.` : `${who.displayName} is deactivated.`);
    setBusy(false);
    if (!r.ok) return showToast(r.message, 'error');
    setPending(null);
  }

  return (
    <section className="panel admin-wide-panel" aria-labelledby="specialists-heading">
      <div className="admin-panel-head">
        <h2 id="specialists-heading">Specialists</h2>
        <span className="muted">{accounts.filter((a) => a.active).length} active</span>
        {props.editable && (
          <button type="button" className="button button-small button-primary" onClick={() => setPending({ kind: 'create' })}>
            New specialist…
          </button>
        )}
      </div>
      <div className="admin-table-scroll">
        <table className="table admin-table" aria-labelledby="specialists-heading">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Departments</th>
              <th scope="col">Max chats</th>
              <th scope="col">Account</th>
              <th scope="col">Now</th>
              {props.editable && (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {sorted.map((a) => {
              const now = live.find((x) => x.id === a.id) ?? a;
              const depts = describeDepartments(a.departmentIds, departments);
              return (
                <tr key={a.id} className={a.active ? '' : 'admin-inactive'} data-testid={`specialist-row-${a.email}`}>
                  <th scope="row">
                    {a.displayName}
                    {a.id === meId && <span className="muted"> (you)</span>}
                  </th>
                  <td>{a.email}</td>
                  <td>{roleLabels[a.role]}</td>
                  <td className="admin-departments-cell">{depts}</td>
                  <td>{a.maxConcurrentChats}</td>
                  <td>{a.active ? 'Active' : <span className="tag">Deactivated</span>}</td>
                  <td>
                    {a.active ? (
                      <span className="admin-presence">
                        <span className={`presence presence-${now.status}`} aria-hidden="true" />
                        {now.status === 'online' ? 'Online' : now.status === 'away' ? 'Away' : 'Offline'}
                        {now.activeChats > 0 && <span className="muted"> · {now.activeChats} chats</span>}
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  {props.editable && (
                    <td>
                      <div className="admin-row-actions">
                        <button type="button" className="button button-small" aria-label={`Edit ${a.displayName}`} onClick={() => setPending({ kind: 'edit', specialist: a })}>
                          Edit
                        </button>
                        <button type="button" className="button button-small" aria-label={`Reset password of ${a.displayName}`} disabled={!a.active} onClick={() => setPending({ kind: 'reset', specialist: a })}>
                          Reset password
                        </button>
                        {a.active ? (
                          <button
                            type="button"
                            className="button button-small button-danger"
                            aria-label={`Deactivate ${a.displayName}`}
                            disabled={a.id === meId}
                            title={a.id === meId ? 'You cannot deactivate yourself' : undefined}
                            onClick={() => setPending({ kind: 'deactivate', specialist: a })}
                          >
                            Deactivate
                          </button>
                        ) : (
                          <button type="button" className="button button-small" aria-label={`Reactivate ${a.displayName}`} onClick={() => setPending({ kind: 'reactivate', specialist: a })}>
                            Reactivate
                          </button>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {pending?.kind === 'create' && <SpecialistDialog specialist={null} departments={departments} onClose={close} />}
      {pending?.kind === 'edit' && <SpecialistDialog specialist={pending.specialist} departments={departments} onClose={close} />}
      {pending?.kind === 'deactivate' && (
        <ConfirmDialog title={`Deactivate ${pending.specialist.displayName}?`} confirmLabel="Deactivate" danger busy={busy} onConfirm={() => void confirm()} onCancel={close}>
          <p>
            {pending.specialist.displayName} is signed out everywhere, cannot sign in, and gets no new chats; their live chats go back to the queue. Their
            tickets and history stay. You can reactivate the account later.
          </p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'reactivate' && (
        <ConfirmDialog title={`Reactivate ${pending.specialist.displayName}?`} confirmLabel="Reactivate" busy={busy} onConfirm={() => void confirm()} onCancel={close}>
          <p>{pending.specialist.displayName} can sign in again with their password and is routed chats again.</p>
        </ConfirmDialog>
      )}
      {pending?.kind === 'reset' && (
        <ConfirmDialog title={`Reset the password of ${pending.specialist.displayName}?`} confirmLabel="Reset password" danger busy={busy} onConfirm={() => void confirm()} onCancel={close}>
          <p>A new password is generated and shown to you once. Every session of {pending.specialist.email} ends; the old password stops working.</p>
        </ConfirmDialog>
      )}
      {reset && (
        <Dialog title="Password reset" onClose={() => setReset(null)}>
          <OneTimePassword email={reset.email} password={reset.password} />
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={() => setReset(null)}>
              Done
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
