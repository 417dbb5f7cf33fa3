// The chat pane's dialogs: insert a drop box, transfer, and end chat (which leads to the ticket).
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Conversation } from '../../src-shared/conversation';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { Dialog, FormActions } from '../app/Dialog';

export function DropBoxDialog(props: { conversationId: string; onClose: () => void }) {
  const controller = useController();
  const [label, setLabel] = useState('Please upload your file');
  return (
    <Dialog title="Insert a Drop Box" onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void controller.insertDropBox(props.conversationId, label);
          props.onClose();
        }}
      >
        <label className="field">
          <span>What should the visitor upload?</span>
          <input value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <FormActions submitLabel="Insert Drop Box" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

export function TransferDialog(props: { conversation: Conversation; onClose: () => void }) {
  const controller = useController();
  const c = props.conversation;
  const meId = useApp((s) => s.session?.me?.id ?? null);
  const departments = useApp((s) => s.departments);
  const colleagues = useApp(useShallow((s) => s.specialists.filter((x) => x.id !== meId && x.status === 'online' && x.departmentIds.includes(c.departmentId))));
  const [target, setTarget] = useState(colleagues[0] ? `s:${colleagues[0].id}` : `d:${departments.find((d) => d.id !== c.departmentId)?.id ?? c.departmentId}`);
  const [note, setNote] = useState('');
  return (
    <Dialog title="Transfer chat" onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const [kind, id] = [target.slice(0, 1), target.slice(2)];
          void controller.transferChat(c.id, kind === 's' ? { specialistId: id } : { departmentId: id }, note);
          props.onClose();
        }}
      >
        <label className="field">
          <span>Transfer to</span>
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            <optgroup label="Specialists online">
              {colleagues.map((s) => (
                <option key={s.id} value={`s:${s.id}`}>
                  {s.displayName} ({s.activeChats}/{s.maxConcurrentChats})
                </option>
              ))}
            </optgroup>
            <optgroup label="Department queue">
              {departments.map((d) => (
                <option key={d.id} value={`d:${d.id}`}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span>Note for the next specialist (internal)</span>
          <textarea value={note} maxLength={1000} rows={3} onChange={(e) => setNote(e.target.value)} />
        </label>
        <FormActions submitLabel="Transfer" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

export function EndChatDialog(props: { conversation: Conversation; onClose: () => void }) {
  const controller = useController();
  const c = props.conversation;
  return (
    <Dialog title="End chat" onClose={props.onClose}>
      <p>
        End the chat with <strong>{c.visitorEmail}</strong>? The transcript stays on {c.ticketId ? `ticket #${c.ticketId}` : 'its ticket'}, which opens next so you can
        set its status and resolution.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onClose}>
          Keep chatting
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            props.onClose();
            void controller.endChat(c.id);
          }}
        >
          End chat
        </button>
      </div>
    </Dialog>
  );
}
