// Leads: incidents — declare one (prefilled from an alert) with an optional banner for the support page,
// link more tickets, post updates for /status and its subscribers, resolve with a note and optionally email every
// linked requester.
import { useEffect, useState } from 'react';
import { issueCategoryLabels, type IssueCategory } from '../../src-shared/issue-category';
import type { Incident } from '../../src-shared/incident';
import type { SystemNotice } from '../../src-shared/notice';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { formatDateTime } from '../format/time';
import { parseTicketIds } from './ticket-ids';
import { FormActions } from '../app/Dialog';
import { IssueCategoryField } from '../tickets/IssueCategoryField';
import { PostUpdateDialog } from './PostUpdateDialog';

export function IncidentsView() {
  const controller = useController();
  const incidents = useApp((s) => s.incidents);
  const draft = useApp((s) => s.incidentDraft);
  const [creating, setCreating] = useState(false);
  useEffect(() => controller.refreshIncidents(), [controller]);
  const showForm = creating || draft !== null;
  return (
    <section className="view incidents-view" aria-labelledby="incidents-title" data-testid="incidents">
      <header className="view-header">
        <h1 id="incidents-title">Incidents</h1>
        {!showForm && (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            Declare incident…
          </button>
        )}
      </header>
      {showForm && <CreateIncidentForm key={draft?.key ?? 'blank'} onDone={() => setCreating(false)} />}
      <ul className="incident-list" aria-label="Incidents">
        {incidents.map((i) => (
          <IncidentRow key={i.id} incident={i} />
        ))}
        {incidents.length === 0 && <li className="muted">No incidents.</li>}
      </ul>
    </section>
  );
}

function CreateIncidentForm(props: { onDone: () => void }) {
  const controller = useController();
  const draft = useApp((s) => s.incidentDraft);
  const clearDraft = useApp((s) => s.startIncidentFromAlert);
  const [category, setCategory] = useState<IssueCategory>(draft?.category ?? 'other_technical');
  const [title, setTitle] = useState(draft ? `${issueCategoryLabels[draft.category]}${draft.eid ? ` — event ${draft.eid}` : ''}` : '');
  const [eid, setEid] = useState(draft?.eid ?? '');
  const [tickets, setTickets] = useState((draft?.ticketIds ?? []).join(', '));
  const [withNotice, setWithNotice] = useState(true);
  const [severity, setSeverity] = useState<SystemNotice['severity']>('warning');
  const [noticeText, setNoticeText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    clearDraft(null);
    props.onDone();
  };
  return (
    <form
      className="panel incident-form"
      aria-label="Declare incident"
      onSubmit={async (e) => {
        e.preventDefault();
        const ids = parseTicketIds(tickets);
        if (!ids.ok) return setError(ids.error);
        if (withNotice && !noticeText.trim()) return setError('Write the banner text, or untick “Post a banner”.');
        const problem = await controller.createIncident(
          {
            title: title.trim(),
            category,
            eid: eid.trim() || null,
            ticketIds: ids.value,
            notice: withNotice ? { severity, text: noticeText.trim() } : null,
          },
          draft?.key ?? null,
        );
        if (problem) setError(problem);
        else props.onDone();
      }}
    >
      <h2>Declare incident</h2>
      <label className="field">
        <span>Title</span>
        <input value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
      </label>
      <div className="filters-row">
        <IssueCategoryField label="Category" value={category} onChange={setCategory} />
        <label className="field">
          <span>Event id (optional)</span>
          <input value={eid} maxLength={128} onChange={(e) => setEid(e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span>Linked tickets (numbers, comma separated)</span>
        <input value={tickets} onChange={(e) => setTickets(e.target.value)} aria-label="Linked tickets" />
      </label>
      <label className="toggle">
        <input type="checkbox" checked={withNotice} onChange={(e) => setWithNotice(e.target.checked)} />
        <span>Post a banner on the support page</span>
      </label>
      {withNotice && (
        <div className="filters-row">
          <select value={severity} onChange={(e) => setSeverity(e.target.value as SystemNotice['severity'])} aria-label="Banner severity">
            <option value="info">Info</option>
            <option value="warning">Warning</option>
            <option value="outage">Outage</option>
          </select>
          <input
            className="grow"
            value={noticeText}
            maxLength={500}
            onChange={(e) => setNoticeText(e.target.value)}
            placeholder="We are aware of a problem with …"
            aria-label="Banner text"
          />
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <FormActions submitLabel="Declare" onCancel={close} />
    </form>
  );
}

function IncidentRow(props: { incident: Incident }) {
  const { incident: i } = props;
  const controller = useController();
  const [link, setLink] = useState('');
  const [resolving, setResolving] = useState(false);
  const [updating, setUpdating] = useState(false);
  const [note, setNote] = useState('');
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<string | null>(null);
  return (
    <li className={`panel incident incident-${i.state}`} data-testid="incident">
      <div className="incident-head">
        <strong>{i.title}</strong>
        <span className={`tag${i.state === 'open' ? ' tag-hot' : ''}`}>{i.state === 'open' ? 'Open' : 'Resolved'}</span>
        <span className="muted">
          {issueCategoryLabels[i.category]}
          {i.eid ? ` · event ${i.eid}` : ''} · declared {formatDateTime(i.createdAt)}
          {i.noticeId ? ' · banner posted' : ''}
        </span>
      </div>
      <div className="incident-tickets">
        Tickets:{' '}
        {i.ticketIds.length === 0
          ? 'none'
          : i.ticketIds.map((id) => (
              <button key={id} type="button" className="link-button" onClick={() => controller.openTicket(id)}>
                #{id}
              </button>
            ))}
      </div>
      {i.state === 'resolved' && i.resolutionNote && <p className="muted">Resolved {i.resolvedAt ? formatDateTime(i.resolvedAt) : ''}: {i.resolutionNote}</p>}
      {i.state === 'open' && (
        <div className="incident-actions">
          <form
            className="filters-row"
            onSubmit={async (e) => {
              e.preventDefault();
              const ids = parseTicketIds(link);
              if (!ids.ok || ids.value.length === 0) return setError(ids.ok ? 'Enter ticket numbers to link.' : ids.error);
              const problem = await controller.linkIncident(i.id, ids.value);
              setError(problem);
              if (!problem) setLink('');
            }}
          >
            <input value={link} onChange={(e) => setLink(e.target.value)} placeholder="Ticket numbers" aria-label="Tickets to link" />
            <button type="submit" className="button button-small">
              Link tickets
            </button>
            <button type="button" className="button button-small" onClick={() => setUpdating(true)}>
              Post update…
            </button>
            {!resolving && (
              <button type="button" className="button button-small button-primary" onClick={() => setResolving(true)}>
                Resolve…
              </button>
            )}
          </form>
          {resolving && (
            <form
              onSubmit={async (e) => {
                e.preventDefault();
                if (!note.trim()) return setError('Write what was fixed.');
                const problem = await controller.resolveIncident(i.id, note.trim(), notify);
                setError(problem);
              }}
            >
              <label className="field">
                <span>Resolution note</span>
                <textarea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} aria-label="Resolution note" />
              </label>
              <label className="toggle">
                <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
                <span>Notify requesters by email</span>
              </label>
              <FormActions submitLabel="Resolve incident" onCancel={() => setResolving(false)} />
            </form>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {updating && <PostUpdateDialog incident={i} onClose={() => setUpdating(false)} />}
    </li>
  );
}
