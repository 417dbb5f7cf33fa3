// Small pieces every admin form uses: a field's issue under its input, the form's outcome line, the read-only note.
import type { SaveState } from './use-save-state';

/** The message about one field, linked to its input with `aria-describedby={issueId(...)}`. */
export function FieldIssue(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <span className="field-issue" id={props.id} role="alert">
      {props.message}
    </span>
  );
}

/** The id of a field's issue element, for `aria-describedby` (undefined when there is none). */
export const issueRef = (id: string, message: string | undefined): string | undefined => (message ? id : undefined);

/** Success or the server's refusal after a save, announced to screen readers. */
export function FormOutcome(props: { state: Pick<SaveState, 'message' | 'busy'>; testId?: string }) {
  const { message, busy } = props.state;
  if (busy)
    return (
      <p className="admin-outcome muted" role="status" data-testid={props.testId}>
        Saving…
      </p>
    );
  if (!message) return <p className="admin-outcome" role="status" data-testid={props.testId} />;
  return (
    <p className={`admin-outcome admin-outcome-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid={props.testId}>
      {message.text}
    </p>
  );
}

export function ReadOnlyNote(props: { text?: string }) {
  return (
    <p className="admin-readonly" data-testid="admin-readonly">
      {props.text ?? 'Only admins can change this.'}
    </p>
  );
}
