// Leads: post an update on an open incident — it shows under the incident on /status and is emailed to everyone
// subscribed to status emails, so the dialog says so before it is sent.
import { useState } from 'react';
import type { Incident } from '../../src-shared/incident';
import { useController } from '../app/controller-context';
import { Dialog, FormActions } from '../app/Dialog';

/** agentInbound['incident:update'] allows this many characters. */
const NOTE_MAX = 2000;

export function PostUpdateDialog(props: { incident: Incident; onClose: () => void }) {
  const controller = useController();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={`Post an update: ${props.incident.title}`} onClose={props.onClose}>
      <form
        aria-label="Post an incident update"
        onSubmit={async (e) => {
          e.preventDefault();
          // One send per click: a second submit while the first waits would post the update twice.
          if (busy) return;
          if (!note.trim()) return setError('Write what customers should know.');
          setBusy(true);
          const problem = await controller.postIncidentUpdate(props.incident.id, note.trim());
          setBusy(false);
          if (problem) setError(problem);
          else props.onClose();
        }}
      >
        <p className="muted">Shown on the public status page under this incident and emailed to everyone subscribed to status emails.</p>
        <label className="field">
          <span>Update</span>
          <textarea rows={4} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} placeholder="We found the cause and are rolling out a fix…" />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <FormActions submitLabel="Post update" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
