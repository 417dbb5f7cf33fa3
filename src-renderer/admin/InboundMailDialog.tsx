// One received mail: what became of it and why, its headers and the start of its raw source — what an admin reads
// to understand a mail that could not be read — and, for admins, "Process again" when it failed or still waits.
import { useState } from 'react';
import type { InboundMailDetail } from '../../src-shared/inbound-mail';
import { Dialog } from '../app/Dialog';
import { useController } from '../app/controller-context';
import { formatDateTime } from '../format/time';
import { MailBlock } from '../tickets/OriginalEmail';
import { sizeText } from '../tickets/ticket-mail';
import { canProcessAgain } from './inbound-list';
import { InboundStatus } from './InboundStatus';

export function InboundMailDialog(props: { mail: InboundMailDetail; departmentName: string; editable: boolean }) {
  const { mail } = props;
  const controller = useController();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => controller.admin.inbound.close();

  async function processAgain() {
    setBusy(true);
    setProblem(null);
    setProblem(await controller.admin.inbound.retry(mail.id));
    setBusy(false);
  }

  return (
    <Dialog title={`Mail #${mail.id}`} onClose={close} wide>
      <div className="inbound-detail" data-testid="inbound-detail">
        <dl className="facts">
          <dt>Received</dt>
          <dd>{formatDateTime(mail.receivedAt)}</dd>
          <dt>Envelope</dt>
          <dd>
            from {mail.envelopeFrom || '<>'} to {mail.envelopeTo}
          </dd>
          <dt>Department</dt>
          <dd>{props.departmentName}</dd>
          <dt>Status</dt>
          <dd>
            <InboundStatus mail={mail} />
          </dd>
          <dt>Ticket</dt>
          <dd>
            {mail.ticketId === null ? (
              '—'
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  close();
                  controller.openTicket(mail.ticketId!);
                }}
              >
                #{mail.ticketId}
              </button>
            )}
          </dd>
          <dt>Size</dt>
          <dd>{sizeText(mail.size)}</dd>
        </dl>
        {canProcessAgain(mail.status) &&
          (props.editable ? (
            <div className="inbound-retry">
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void processAgain()}>
                {busy ? 'Processing…' : 'Process again'}
              </button>
              <span className="muted">Reads the stored mail again; on success it becomes a ticket or a reply on one.</span>
            </div>
          ) : (
            <p className="admin-readonly">Only admins can process a mail again.</p>
          ))}
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <MailBlock mail={mail} title="Received mail" />
        <h3>Source{mail.sourceTruncated ? ' (the start of it)' : ''}</h3>
        <pre className="mail-headers mail-source" tabIndex={0} aria-label="Mail source" data-testid="mail-source">
          {mail.source}
        </pre>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
