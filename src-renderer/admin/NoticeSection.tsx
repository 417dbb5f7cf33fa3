// The notice banner every support page shows (an outage, a holiday closure): the current one, and posting a new
// one or clearing it. Incidents may post one too; this is the direct way.
import { useState } from 'react';
import type { SystemNotice } from '../../src-shared/notice';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { formatDateTime } from '../format/time';
import { useSaveState } from './use-save-state';
import { FieldIssue, FormOutcome, issueRef } from './AdminFormParts';

const severityLabels: Record<SystemNotice['severity'], string> = { info: 'Info', warning: 'Warning', outage: 'Outage' };

export function NoticeSection(props: { editable: boolean }) {
  const controller = useController();
  const notice = useApp((s) => s.adminOverview?.notice ?? null);
  const [severity, setSeverity] = useState<SystemNotice['severity']>(notice?.severity ?? 'info');
  const [text, setText] = useState('');
  const save = useSaveState();
  const issue = (key: string) => save.issues[key];

  return (
    <div className="admin-columns">
      <section className="panel" aria-labelledby="notice-current-heading">
        <h2 id="notice-current-heading">On the support page now</h2>
        {notice ? (
          <div className={`admin-notice admin-notice-${notice.severity}`} data-testid="current-notice">
            <span className="tag">{severityLabels[notice.severity]}</span>
            <p>{notice.text}</p>
            <p className="muted">Posted {formatDateTime(notice.postedAt)}</p>
          </div>
        ) : (
          <p className="muted" data-testid="current-notice">
            No notice — customers see the page as usual.
          </p>
        )}
        {props.editable && notice && (
          <button type="button" className="button" disabled={save.busy} onClick={() => void save.run(() => controller.admin.setNotice(null), 'Notice cleared.')}>
            Clear notice
          </button>
        )}
      </section>
      <form
        className="panel admin-form"
        aria-label="Post a notice"
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = text.trim();
          if (trimmed === '') return save.invalid({ text: 'Write what customers should read.' });
          void save.run(() => controller.admin.setNotice({ severity, text: trimmed }), 'Notice posted.').then((r) => r.ok && setText(''));
        }}
      >
        <h2>{notice ? 'Replace the notice' : 'Post a notice'}</h2>
        <fieldset className="admin-fieldset" disabled={!props.editable || save.busy}>
          <label className="field">
            <span>Severity</span>
            <select value={severity} onChange={(e) => setSeverity(e.target.value as SystemNotice['severity'])}>
              <option value="info">Info — news, a planned change</option>
              <option value="warning">Warning — something works badly</option>
              <option value="outage">Outage — something is down</option>
            </select>
          </label>
          <label className="field">
            <span>Notice text</span>
            <textarea
              value={text}
              rows={3}
              maxLength={500}
              placeholder="We are closed on 25 December; email us and we reply on the 28th."
              aria-invalid={issue('text') ? true : undefined}
              aria-describedby={issueRef('notice-text-issue', issue('text'))}
              onChange={(e) => setText(e.target.value)}
            />
            <FieldIssue id="notice-text-issue" message={issue('text')} />
          </label>
          {props.editable && (
            <div className="admin-actions">
              <button type="submit" className="button button-primary">
                Post notice
              </button>
            </div>
          )}
        </fieldset>
        <FormOutcome state={save} testId="notice-outcome" />
      </form>
    </div>
  );
}
