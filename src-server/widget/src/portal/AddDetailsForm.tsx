// "Update ticket details" (support docs): additional details, people to copy (chips) and files (the comment page's
// file rules, uploaded to the ticket first). On a Closed ticket it says first that a follow-up starts, then links to it.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { PortalCommentReceipt, PortalTicketDetail } from '../../../../src-shared/protocol/portal';
import { newClientId } from '../client-id';
import { replyOutlook } from '../comment-view';
import { CommentFiles, useCommentFiles } from '../components/CommentFiles';
import { useFileDragArea, useFileDropGuard } from '../file-drag';
import { CcField, useCcChips } from './CcField';
import { portalApi, ticketUploadUrl } from './portal-api';
import { PortalLink } from './portal-nav';

interface AddDetailsFormProps {
  ticket: PortalTicketDetail;
  onSent: (receipt: PortalCommentReceipt) => void;
  onSignedOut: () => void;
}

type Sent = { text: string; followUpId: number | null };

export function AddDetailsForm({ ticket, onSent, onSignedOut }: AddDetailsFormProps) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [busy, setBusy] = useState(false);
  const ccs = useCcChips(ticket.ccs);
  const files = useCommentFiles(ticketUploadUrl(ticket.id));
  // One id per attempt, kept on retry, so a double click or a retry never adds the details twice.
  const clientId = useRef(newClientId());
  const id = useId();
  const closed = ticket.status === 'closed';
  useFileDropGuard();
  const drag = useFileDragArea(({ files: dropped, folders }) => {
    if (busy) return setError('Wait until your details are sent, then add more files.');
    files.add(dropped, folders);
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSent(null);
    const copied = ccs.flush();
    if (copied === null) return setError(null);
    if (files.uploading) return setError('Wait until your files finish uploading.');
    if (!body.trim() && copied.length === 0 && files.attachmentIds.length === 0)
      return setError('Write your details, add someone to copy, or attach a file.');
    setError(null);
    setBusy(true);
    const attachmentIds = files.attachmentIds;
    const res = await portalApi.comment(ticket.id, { clientId: clientId.current, body: body.trim(), ccs: copied, attachmentIds });
    setBusy(false);
    if (!res.ok) return res.error.code === 'unauthorized' ? onSignedOut() : setError(res.error.message);
    clientId.current = newClientId();
    setBody('');
    ccs.clear();
    files.clear();
    const r = res.value;
    const what = [body.trim() ? 'details' : null, copied.length > 0 ? `${copied.length} CC${copied.length === 1 ? '' : 's'}` : null, attachmentIds.length > 0 ? `${attachmentIds.length} file${attachmentIds.length === 1 ? '' : 's'}` : null]
      .filter(Boolean)
      .join(', ');
    setSent(
      r.followUp
        ? { text: `This ticket was closed, so your ${what} started follow-up ticket #${r.ticketId}.`, followUpId: r.ticketId }
        : { text: `Thanks, ticket #${r.ticketId} is updated (${what} added).`, followUpId: null },
    );
    onSent(r);
  }

  return (
    <form
      className={drag.dragging ? 'sb-form pt-card pt-details-form sb-form-dragging' : 'sb-form pt-card pt-details-form'}
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="add-details-form"
      {...drag.handlers}
    >
      <h2 id={`${id}-title`} className="pt-section-title">
        {closed ? 'Add details (starts a follow-up ticket)' : 'Update ticket details'}
      </h2>
      <p className="sb-outlook" data-testid="reply-outlook">
        {replyOutlook(ticket.status)}
      </p>
      <div className="sb-field">
        <label htmlFor={`${id}-body`}>Additional details</label>
        <textarea id={`${id}-body`} rows={4} maxLength={10000} value={body} onChange={(e) => setBody(e.target.value)} disabled={busy} />
      </div>
      <CcField state={ccs} disabled={busy} hint="Press Enter or Add after each address. Copied people get updates on this ticket by email." />
      <CommentFiles state={files} disabled={busy} dragging={drag.dragging} />
      <div aria-live="polite" className="pt-live">
        {error ? (
          <p className="sb-form-error" role="alert">
            {error}
          </p>
        ) : null}
        {sent ? (
          <p className="pt-success" data-testid="details-sent">
            {sent.text}{' '}
            {sent.followUpId !== null ? (
              <PortalLink to={`/portal/tickets/${sent.followUpId}`} className="sb-link">
                Open ticket #{sent.followUpId}
              </PortalLink>
            ) : null}
          </p>
        ) : null}
      </div>
      <button type="submit" className="sb-button sb-button-primary pt-submit" disabled={busy || files.uploading} aria-busy={busy}>
        {closed ? 'Start follow-up' : 'Submit'}
      </button>
    </form>
  );
}
