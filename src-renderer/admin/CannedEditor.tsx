// One canned response: who sees it (everyone or a department), its "/shortcut", title and body, with the
// variables it may use, a warning for one that is not a variable, and the body filled with sample values.
import { useState } from 'react';
import type { Department } from '../../src-shared/department';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { canChangeCanned } from './admin-access';
import { cannedDraft, sampleValues, type CannedFields } from './canned-form';
import { useSaveState } from './use-save-state';
import { FieldIssue, FormOutcome, issueRef } from './AdminFormParts';
import { TemplateHelp } from './TemplateHelp';

export function CannedEditor(props: { fields: CannedFields; departments: Department[]; onDone: () => void }) {
  const controller = useController();
  const me = useApp((s) => s.session?.me ?? null);
  const online = useApp((s) => s.connection.state === 'online');
  const [fields, setFields] = useState<CannedFields>(props.fields);
  const save = useSaveState();
  const set = <K extends keyof CannedFields>(key: K, value: CannedFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const issue = (key: string) => save.issues[key];
  const departmentName = props.departments.find((d) => d.id === fields.departmentId)?.name ?? null;
  const choices = [...props.departments].sort((a, b) => a.position - b.position);
  const creating = props.fields.id === undefined;
  const editable = online && canChangeCanned(me, props.fields.departmentId);

  async function submit() {
    const draft = cannedDraft(fields);
    if (!draft.ok) return save.invalid(draft.issues);
    const r = await save.run(() => controller.admin.saveCanned(draft.value), 'Saved.');
    if (r.ok) setFields({ ...fields, id: r.value.id, shortcut: r.value.shortcut });
  }

  return (
    <form
      className="panel admin-form"
      aria-label={creating ? 'New canned response' : `Canned response /${props.fields.shortcut}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="admin-panel-head">
        <h2>{creating ? 'New canned response' : `/${props.fields.shortcut}`}</h2>
        <button type="button" className="button button-small button-ghost" onClick={props.onDone}>
          Close
        </button>
      </div>
      <fieldset className="admin-fieldset" disabled={!editable || save.busy}>
        <div className="admin-grid-2">
          <label className="field">
            <span>Shared with</span>
            <select
              value={fields.departmentId ?? ''}
              aria-describedby={issueRef('canned-department-issue', issue('departmentId'))}
              onChange={(e) => set('departmentId', e.target.value === '' ? null : e.target.value)}
            >
              <option value="">Everyone</option>
              {choices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            <FieldIssue id="canned-department-issue" message={issue('departmentId')} />
          </label>
          <label className="field">
            <span>Shortcut (typed after “/”)</span>
            <input
              value={fields.shortcut}
              maxLength={41}
              required
              placeholder="e.g. refund"
              aria-invalid={issue('shortcut') ? true : undefined}
              aria-describedby={issueRef('canned-shortcut-issue', issue('shortcut'))}
              onChange={(e) => set('shortcut', e.target.value)}
            />
            <FieldIssue id="canned-shortcut-issue" message={issue('shortcut')} />
          </label>
        </div>
        <label className="field">
          <span>Title</span>
          <input
            value={fields.title}
            maxLength={80}
            required
            aria-invalid={issue('title') ? true : undefined}
            aria-describedby={issueRef('canned-title-issue', issue('title'))}
            onChange={(e) => set('title', e.target.value)}
          />
          <FieldIssue id="canned-title-issue" message={issue('title')} />
        </label>
        <label className="field">
          <span>Text</span>
          <textarea
            value={fields.body}
            rows={5}
            maxLength={2000}
            required
            aria-invalid={issue('body') ? true : undefined}
            aria-describedby={['canned-body-help', issueRef('canned-body-issue', issue('body'))].filter(Boolean).join(' ')}
            onChange={(e) => set('body', e.target.value)}
          />
          <FieldIssue id="canned-body-issue" message={issue('body')} />
        </label>
        <TemplateHelp id="canned-body-help" text={fields.body} sample={sampleValues(me?.displayName ?? 'Sam', departmentName)} />
        {editable && (
          <div className="admin-actions">
            <button type="submit" className="button button-primary">
              {creating && fields.id === undefined ? 'Create response' : 'Save response'}
            </button>
          </div>
        )}
      </fieldset>
      {!editable && online && <p className="admin-readonly">You can use this response but not change it.</p>}
      <FormOutcome state={save} testId="canned-outcome" />
    </form>
  );
}
