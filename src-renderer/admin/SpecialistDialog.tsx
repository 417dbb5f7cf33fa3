// Creating an account (then showing its generated password once) or changing one's name, role, departments and
// chat limit. Fields are checked with the shared schemas; the server's refusal shows next to the field.
import { useState } from 'react';
import type { Specialist } from '../../src-shared/specialist';
import type { Department } from '../../src-shared/department';
import { Dialog } from '../app/Dialog';
import { useController } from '../app/controller-context';
import { blankSpecialist, newSpecialist, specialistFieldsOf, specialistPatch, type SpecialistFields } from './specialist-form';
import { useSaveState } from './use-save-state';
import { FieldIssue, FormOutcome, issueRef } from './AdminFormParts';
import { OneTimePassword } from './OneTimePassword';

const roleHints: Record<SpecialistFields['role'], string> = {
  agent: 'Chats and tickets of their departments.',
  lead: 'Also dashboards and incidents; reads administration, changes canned responses and the notice.',
  admin: 'Also changes all administration.',
};

export function SpecialistDialog(props: { specialist: Specialist | null; departments: Department[]; onClose: () => void }) {
  const controller = useController();
  const editing = props.specialist;
  const [fields, setFields] = useState<SpecialistFields>(editing ? specialistFieldsOf(editing) : blankSpecialist);
  const [created, setCreated] = useState<{ email: string; password: string | null } | null>(null);
  const save = useSaveState();
  const set = <K extends keyof SpecialistFields>(key: K, value: SpecialistFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const issue = (key: string) => save.issues[key];
  const toggleDepartment = (id: string, on: boolean) =>
    set('departmentIds', on ? [...fields.departmentIds, id] : fields.departmentIds.filter((x) => x !== id));

  async function submit() {
    if (editing) {
      const patch = specialistPatch(editing, fields);
      if (!patch.ok) return save.invalid(patch.issues);
      if (patch.value === null) return props.onClose();
      const r = await save.run(() => controller.admin.updateSpecialist(editing.id, patch.value!, `${fields.displayName} saved.`), 'Saved.');
      if (r.ok) props.onClose();
      return;
    }
    const input = newSpecialist(fields);
    if (!input.ok) return save.invalid(input.issues);
    const r = await save.run(() => controller.admin.createSpecialist(input.value), 'Account created.');
    if (r.ok) setCreated({ email: r.value.specialist.email, password: r.value.password });
  }

  if (created)
    return (
      <Dialog title="Account created" onClose={props.onClose}>
        <OneTimePassword email={created.email} password={created.password} />
        <div className="dialog-actions">
          <button type="button" className="button button-primary" onClick={props.onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );

  const ordered = [...props.departments].sort((a, b) => a.position - b.position);
  return (
    <Dialog title={editing ? `Edit ${editing.displayName}` : 'New specialist'} onClose={props.onClose} wide>
      <form
        aria-label={editing ? `Edit ${editing.displayName}` : 'New specialist'}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="admin-fieldset" disabled={save.busy}>
          <div className="admin-grid-2">
            <label className="field">
              <span>Email (signs in with it)</span>
              {editing ? (
                <input value={fields.email} readOnly aria-readonly="true" />
              ) : (
                <input
                  type="email"
                  value={fields.email}
                  required
                  autoComplete="off"
                  aria-invalid={issue('email') ? true : undefined}
                  aria-describedby={issueRef('specialist-email-issue', issue('email'))}
                  onChange={(e) => set('email', e.target.value)}
                />
              )}
              <FieldIssue id="specialist-email-issue" message={issue('email')} />
            </label>
            <label className="field">
              <span>Name customers see</span>
              <input
                value={fields.displayName}
                required
                maxLength={80}
                aria-invalid={issue('displayName') ? true : undefined}
                aria-describedby={issueRef('specialist-name-issue', issue('displayName'))}
                onChange={(e) => set('displayName', e.target.value)}
              />
              <FieldIssue id="specialist-name-issue" message={issue('displayName')} />
            </label>
            <div className="field">
              <label htmlFor="specialist-role">Role</label>
              <select
                id="specialist-role"
                value={fields.role}
                aria-describedby={['specialist-role-hint', issueRef('specialist-role-issue', issue('role'))].filter(Boolean).join(' ')}
                onChange={(e) => set('role', e.target.value as SpecialistFields['role'])}
              >
                <option value="agent">Agent</option>
                <option value="lead">Lead</option>
                <option value="admin">Admin</option>
              </select>
              <span className="muted admin-field-hint" id="specialist-role-hint">
                {roleHints[fields.role]}
              </span>
              <FieldIssue id="specialist-role-issue" message={issue('role')} />
            </div>
            <label className="field">
              <span>Most chats at once</span>
              <input
                type="number"
                min={1}
                max={20}
                value={fields.maxConcurrentChats}
                aria-invalid={issue('maxConcurrentChats') ? true : undefined}
                aria-describedby={issueRef('specialist-max-issue', issue('maxConcurrentChats'))}
                onChange={(e) => set('maxConcurrentChats', e.target.value)}
              />
              <FieldIssue id="specialist-max-issue" message={issue('maxConcurrentChats')} />
            </label>
          </div>
          <fieldset className="admin-checks" aria-describedby={issueRef('specialist-departments-issue', issue('departmentIds'))}>
            <legend>Departments</legend>
            {ordered.map((d) => (
              <label key={d.id} className="toggle">
                <input type="checkbox" checked={fields.departmentIds.includes(d.id)} onChange={(e) => toggleDepartment(d.id, e.target.checked)} />
                <span>{d.name}</span>
              </label>
            ))}
            <FieldIssue id="specialist-departments-issue" message={issue('departmentIds')} />
          </fieldset>
          {!editing && <p className="muted admin-hint">A password is generated and shown to you once, to hand over.</p>}
          <FormOutcome state={save} />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={props.onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary">
              {editing ? 'Save account' : 'Create account'}
            </button>
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
