// Resolution picker: the catalog's selectable types grouped and searchable, with the catalog's rules enforced
// before sending (Duplicate links the original, approval only where it may be needed, hidden types explained).
import { useMemo, useState } from 'react';
import { findResolutionType } from '../../src-shared/resolution-catalog';
import type { Ticket } from '../../src-shared/ticket';
import { Dialog } from '../app/Dialog';
import { checkDraft, draftToResolution, emptyDraft, pickerChoices } from './resolution-choices';
import { useController } from '../app/controller-context';

export function ResolutionPicker(props: { ticket: Ticket; onClose: () => void }) {
  const { ticket } = props;
  const controller = useController();
  const [query, setQuery] = useState('');
  const [draft, setDraft] = useState(() => emptyDraft(ticket.resolution?.typeId ?? ''));
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = useMemo(() => pickerChoices(query, ticket.product), [query, ticket.product]);
  const type = draft.typeId ? findResolutionType(draft.typeId) : undefined;
  const check = checkDraft(draft, ticket);

  async function solve() {
    if (!check.ok) return;
    setBusy(true);
    const problem = await controller.updateTicket(ticket.id, { status: 'solved', resolution: draftToResolution(draft) });
    setBusy(false);
    if (problem) setServerError(problem);
    else props.onClose();
  }

  return (
    <Dialog title={`Solve ticket #${ticket.id}`} onClose={props.onClose} wide>
      <div className="resolution-picker">
        <label className="field">
          <span>Resolution</span>
          <input type="search" value={query} placeholder="Search resolution types…" onChange={(e) => setQuery(e.target.value)} aria-controls="resolution-options" />
        </label>
        <div className="resolution-options" id="resolution-options" role="radiogroup" aria-label="Resolution types">
          {choices.groups.map((g) => (
            <fieldset key={g.id} className="resolution-group">
              <legend>{g.label}</legend>
              {g.types.map((t) => (
                <label key={t.id} className={`resolution-option${draft.typeId === t.id ? ' selected' : ''}`}>
                  <input
                    type="radio"
                    name="resolution"
                    value={t.id}
                    checked={draft.typeId === t.id}
                    onChange={() => {
                      setDraft(emptyDraft(t.id));
                      setServerError(null);
                    }}
                  />
                  <span>
                    <span className="resolution-label">
                      {t.label}
                      {t.approvalMayBeRequired && <span className="tag" title="May require data maintenance approval from the client">approval *</span>}
                      {t.notifiesAccountManagement && <span className="tag">notifies Account Management</span>}
                    </span>
                    <span className="muted resolution-description">{t.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          {choices.groups.length === 0 && choices.refused.length === 0 && <p className="empty">No resolution type matches “{query}”.</p>}
          {choices.refused.length > 0 && (
            <div className="resolution-refused" data-testid="resolution-refused">
              {choices.refused.map((r) => (
                <div key={r.type.id} className="resolution-option disabled" aria-disabled="true">
                  <span className="resolution-label">{r.type.label}</span>
                  <span className="muted">Not available here: {r.reason}.</span>
                </div>
              ))}
            </div>
          )}
        </div>
        {type?.needsLink && (
          <label className="field">
            <span>Original ticket number</span>
            <input
              inputMode="numeric"
              value={draft.linkedTicketId}
              placeholder="#1234"
              onChange={(e) => setDraft({ ...draft, linkedTicketId: e.target.value })}
              aria-describedby="link-help"
            />
            <small id="link-help" className="muted">
              A duplicate must point at the ticket it duplicates.
            </small>
          </label>
        )}
        {type?.approvalMayBeRequired && (
          <fieldset className="approval">
            <legend>Data maintenance approval from the client</legend>
            <label className="toggle">
              <input type="checkbox" checked={draft.approvalRequested} onChange={(e) => setDraft({ ...draft, approvalRequested: e.target.checked, approvalReceived: e.target.checked && draft.approvalReceived })} />
              <span>Approval requested</span>
            </label>
            <label className="toggle">
              <input type="checkbox" checked={draft.approvalReceived} disabled={!draft.approvalRequested} onChange={(e) => setDraft({ ...draft, approvalReceived: e.target.checked })} />
              <span>Approval received</span>
            </label>
          </fieldset>
        )}
        {draft.typeId !== '' && !check.ok && (
          <p className="form-error" role="alert">
            {check.error.message}
          </p>
        )}
        {serverError && (
          <p className="form-error" role="alert">
            {serverError}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={!check.ok || busy} onClick={() => void solve()}>
            {busy ? 'Solving…' : 'Solve ticket'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
