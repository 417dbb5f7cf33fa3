// Asks before a change that is hard to undo (deactivating an account, resetting a password, deleting a response).
import type { ReactNode } from 'react';
import { Dialog } from '../app/Dialog';

export function ConfirmDialog(props: { title: string; children: ReactNode; confirmLabel: string; danger?: boolean; busy?: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog title={props.title} onClose={props.onCancel}>
      <div className="admin-confirm">{props.children}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className={`button ${props.danger ? 'button-danger' : 'button-primary'}`} disabled={props.busy} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
