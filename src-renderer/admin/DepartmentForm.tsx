// One department's details — name, description, direct email, product line, routing, greeting — or a new
// department (its id too). Saving sends only what changed; the shared schemas check the fields first, the server's
// refusal (an address another department has) shows next to the field it is about.
import { useState } from 'react';
import { DEFAULT_GREETING, type Department } from '../../src-shared/department';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { blankDepartment, departmentPatch, fieldsOf, newDepartment, slugFrom, starterSchedule, type DepartmentFields } from './department-form';
import { sampleValues } from './canned-form';
import { viewerTimeZone } from './openings-preview';
import { useSaveState } from './use-save-state';
import { FieldIssue, FormOutcome, issueRef } from './AdminFormParts';
import { TemplateHelp } from './TemplateHelp';

export function DepartmentForm(props: { department: Department | null; editable: boolean; onDone: (createdId?: string | null) => void; onOpenHours?: () => void }) {
  const controller = useController();
  const myName = useApp((s) => s.session?.me?.displayName ?? 'Sam');
  const creating = props.department === null;
  const [fields, setFields] = useState<DepartmentFields>(props.department ? fieldsOf(props.department) : blankDepartment);
  const [idTouched, setIdTouched] = useState(false);
  const save = useSaveState();
  const set = <K extends keyof DepartmentFields>(key: K, value: DepartmentFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const prefix = creating ? 'new-department' : `department-${props.department?.id}`;
  const issue = (key: string) => save.issues[key];
  const described = (key: string) => issueRef(`${prefix}-${key}-issue`, issue(key));

  async function submit() {
    if (props.department) {
      const patch = departmentPatch(props.department, fields);
      if (!patch.ok) return save.invalid(patch.issues);
      if (patch.value === null) return save.say('ok', 'Nothing changed.');
      await save.run(() => controller.admin.updateDepartment(props.department!.id, patch.value!), 'Saved.');
      return;
    }
    const created = newDepartment(fields, starterSchedule(viewerTimeZone()));
    if (!created.ok) return save.invalid(created.issues);
    const r = await save.run(() => controller.admin.createDepartment(created.value), 'Created.');
    if (r.ok) props.onDone(r.value.id);
  }

  const title = creating ? 'New department' : (props.department?.name ?? '');
  return (
    <form
      className="panel admin-form"
      aria-label={creating ? 'New department' : `Department ${title}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="admin-panel-head">
        <h2>{title}</h2>
        {props.onOpenHours && (
          <button type="button" className="button button-small" onClick={props.onOpenHours}>
            Open hours
          </button>
        )}
      </div>
      <fieldset className="admin-fieldset" disabled={!props.editable || save.busy}>
        <div className="admin-grid-2">
          <label className="field">
            <span>Name</span>
            <input
              value={fields.name}
              maxLength={80}
              required
              aria-invalid={issue('name') ? true : undefined}
              aria-describedby={described('name')}
              onChange={(e) => {
                set('name', e.target.value);
                if (creating && !idTouched) set('id', slugFrom(e.target.value));
              }}
            />
            <FieldIssue id={`${prefix}-name-issue`} message={issue('name')} />
          </label>
          {creating ? (
            <label className="field">
              <span>Id (in links and reports; cannot change later)</span>
              <input
                value={fields.id}
                maxLength={63}
                required
                aria-invalid={issue('id') ? true : undefined}
                aria-describedby={described('id')}
                onChange={(e) => {
                  setIdTouched(true);
                  set('id', e.target.value);
                }}
              />
              <FieldIssue id={`${prefix}-id-issue`} message={issue('id')} />
            </label>
          ) : (
            <div className="field">
              <span>Id</span>
              <code className="admin-id">{fields.id}</code>
            </div>
          )}
        </div>
        <label className="field">
          <span>Description (shown under the drop-down)</span>
          <input value={fields.description} maxLength={200} aria-describedby={described('description')} onChange={(e) => set('description', e.target.value)} />
          <FieldIssue id={`${prefix}-description-issue`} message={issue('description')} />
        </label>
        <label className="field">
          <span>Direct email (optional: mail to it becomes a ticket of this department)</span>
          {/* Text, not type="email": the browser's own check would block the form before ours could say what is wrong. */}
          <input
            value={fields.email}
            maxLength={254}
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. tech@support.example.com"
            aria-invalid={issue('email') ? true : undefined}
            aria-describedby={described('email')}
            onChange={(e) => set('email', e.target.value)}
          />
          <FieldIssue id={`${prefix}-email-issue`} message={issue('email')} />
        </label>
        <div className="admin-grid-2">
          <label className="field">
            <span>Product line (optional)</span>
            <input value={fields.product} maxLength={40} placeholder="e.g. lumina" aria-describedby={described('product')} onChange={(e) => set('product', e.target.value)} />
            <FieldIssue id={`${prefix}-product-issue`} message={issue('product')} />
          </label>
          <label className="field">
            <span>Routing</span>
            <select value={fields.routing} onChange={(e) => set('routing', e.target.value as DepartmentFields['routing'])}>
              <option value="auto">Automatic (least busy first)</option>
              <option value="pick">Specialists pick from the queue</option>
            </select>
          </label>
        </div>
        <label className="field">
          <span>Greeting (first message when a specialist takes the chat)</span>
          <textarea
            value={fields.greeting}
            rows={3}
            maxLength={500}
            placeholder={DEFAULT_GREETING}
            aria-invalid={issue('greeting') ? true : undefined}
            aria-describedby={[`${prefix}-greeting-help`, described('greeting')].filter(Boolean).join(' ')}
            onChange={(e) => set('greeting', e.target.value)}
          />
          <FieldIssue id={`${prefix}-greeting-issue`} message={issue('greeting')} />
        </label>
        <TemplateHelp id={`${prefix}-greeting-help`} text={fields.greeting || DEFAULT_GREETING} sample={sampleValues(myName, fields.name || null)} />
        {creating && <p className="muted admin-hint">New departments start with weekday hours 09:00–17:00 in your time zone; change them on the Hours tab.</p>}
        {props.editable && (
          <div className="admin-actions">
            {creating && (
              <button type="button" className="button" onClick={() => props.onDone(null)}>
                Cancel
              </button>
            )}
            <button type="submit" className="button button-primary">
              {creating ? 'Create department' : 'Save department'}
            </button>
          </div>
        )}
      </fieldset>
      <FormOutcome state={save} testId="department-outcome" />
    </form>
  );
}
