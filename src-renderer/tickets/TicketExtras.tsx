// Ticket actions beyond status: escalation to engineering (by issue category) and the workaround / RCA notes
// of "Fixed – Pending RCA".
import { useState } from 'react';
import type { IssueCategory } from '../../src-shared/issue-category';
import type { Ticket } from '../../src-shared/ticket';
import { useController } from '../app/controller-context';
import { Dialog, FormActions } from '../app/Dialog';
import { IssueCategoryField } from './IssueCategoryField';

export function EscalateDialog(props: { ticket: Ticket; onClose: () => void }) {
  const controller = useController();
  const [category, setCategory] = useState<IssueCategory>(props.ticket.category ?? 'other_technical');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={`Escalate ticket #${props.ticket.id}`} onClose={props.onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const problem = await controller.escalateTicket(props.ticket.id, category, note);
          if (problem) setError(problem);
          else props.onClose();
        }}
      >
        <IssueCategoryField label="Issue category" value={category} onChange={setCategory} />
        <label className="field">
          <span>Note for engineering</span>
          <textarea value={note} maxLength={2000} rows={4} onChange={(e) => setNote(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <FormActions submitLabel="Escalate" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

/** Workaround and RCA note, edited in place; shown while the ticket is Fixed – Pending RCA or once either is set. */
export function RcaNotes(props: { ticket: Ticket }) {
  const { ticket } = props;
  const controller = useController();
  const [workaround, setWorkaround] = useState(ticket.workaround ?? '');
  const [rcaNote, setRcaNote] = useState(ticket.rcaNote ?? '');
  const [error, setError] = useState<string | null>(null);
  if (ticket.status !== 'fixed_pending_rca' && !ticket.workaround && !ticket.rcaNote) return null;
  const dirty = workaround !== (ticket.workaround ?? '') || rcaNote !== (ticket.rcaNote ?? '');
  return (
    <section aria-label="Workaround and RCA">
      <h3>Workaround and RCA</h3>
      <label className="field">
        <span>Workaround given</span>
        <textarea rows={3} value={workaround} maxLength={5000} onChange={(e) => setWorkaround(e.target.value)} />
      </label>
      <label className="field">
        <span>Root cause (RCA)</span>
        <textarea rows={3} value={rcaNote} maxLength={5000} onChange={(e) => setRcaNote(e.target.value)} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button button-small"
        disabled={!dirty}
        onClick={async () => setError(await controller.updateTicket(ticket.id, { workaround: workaround.trim() || null, rcaNote: rcaNote.trim() || null }))}
      >
        Save notes
      </button>
    </section>
  );
}
