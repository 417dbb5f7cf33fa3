// One request (/portal/tickets/:id): its status and meaning, who is copied, the public conversation (chat transcript
// and comments, never internal notes) with its files, and the form to add details, CCs and files.
import { TicketTranscript } from '../components/TicketTranscript';
import { useEffect, useState } from 'react';
import type { PortalTicketDetail } from '../../../../src-shared/protocol/portal';
import type { AppError } from '../../../../src-shared/result';
import { ticketFiles, ticketHistory } from '../comment-view';
import { AttachmentList } from '../components/AttachmentList';
import { AddDetailsForm } from './AddDetailsForm';
import type { Attachment } from '../../../../src-shared/attachment';
import { portalApi, ticketAttachmentUrl } from './portal-api';
import { PAGE_HEADING_ID, PortalLink, usePageTitle } from './portal-nav';
import { channelLabels } from './portal-view';

interface TicketPageProps {
  ticketId: number;
  onSignedOut: () => void;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function TicketPage({ ticketId, onSignedOut }: TicketPageProps) {
  const [ticket, setTicket] = useState<PortalTicketDetail | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  usePageTitle(`Request #${ticketId}`);

  useEffect(() => {
    let live = true;
    void portalApi.ticket(ticketId).then((res) => {
      if (!live) return;
      if (res.ok) return setTicket(res.value);
      if (res.error.code === 'unauthorized') return onSignedOut();
      setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [ticketId, onSignedOut]);

  // One heading element whether loading, failed or shown: the shell focuses it after a move, and a heading swapped
  // for another once the ticket arrives would drop that focus.
  const heading = (
    <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
      {ticket ? ticket.subject || '(no subject)' : 'Request'} <span className="pt-ticket-number">#{ticketId}</span>
    </h1>
  );

  if (!ticket)
    return (
      <section className="pt-page" aria-labelledby={PAGE_HEADING_ID}>
        <PortalLink to="/portal" className="pt-back">
          ← My activities
        </PortalLink>
        <div className="pt-card pt-ticket-head">
          {heading}
          {error ? (
            <p className="sb-form-error" role="alert" data-testid="ticket-problem">
              {error.code === 'not_found' || error.code === 'forbidden'
                ? 'We could not find this request among yours. It may belong to another email address.'
                : error.message}
            </p>
          ) : (
            <p className="sb-hint" role="status">
              Loading your request…
            </p>
          )}
        </div>
      </section>
    );

  // The session cookie goes with a plain link or <img> (same origin, Path=/api/portal), so files need no fetch-and-blob.
  const hrefFor = (a: Attachment) => ticketAttachmentUrl(ticket.id, a.id);
  const loadImage = async (a: Attachment) => hrefFor(a);
  const entries = ticketHistory(ticket);
  const files = ticketFiles(entries);
  return (
    <section className="pt-page" aria-labelledby={PAGE_HEADING_ID} data-testid="portal-ticket-detail">
      <PortalLink to="/portal" className="pt-back">
        ← My activities
      </PortalLink>
      <div className="pt-card pt-ticket-head">
        {heading}
        <div className="pt-ticket-status-row" data-testid="ticket-status">
          <span className={`sb-badge sb-badge-${ticket.status}`}>{ticket.statusLabel}</span>
          <span className="pt-status-meaning">{ticket.statusMeaning}</span>
        </div>
        <dl className="pt-facts">
          <div>
            <dt>Department</dt>
            <dd>{ticket.departmentName}</dd>
          </div>
          <div>
            <dt>Channel</dt>
            <dd>{channelLabels[ticket.channel]}</dd>
          </div>
          <div>
            <dt>Requester</dt>
            <dd>{ticket.requesterEmail}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>{dateTime.format(ticket.createdAt)}</dd>
          </div>
          <div className="pt-facts-wide">
            <dt>CC</dt>
            <dd data-testid="ticket-ccs">{ticket.ccs.length > 0 ? ticket.ccs.join(', ') : 'Nobody is copied'}</dd>
          </div>
          {ticket.followUpOf !== null ? (
            <div className="pt-facts-wide">
              <dt>Follows up</dt>
              <dd>
                <PortalLink to={`/portal/tickets/${ticket.followUpOf}`} className="sb-link">
                  Request #{ticket.followUpOf}
                </PortalLink>
              </dd>
            </div>
          ) : null}
        </dl>
      </div>

      <h2 className="pt-section-title">Conversation</h2>
      <TicketTranscript entries={entries} hrefFor={hrefFor} loadImage={loadImage} className="pt-transcript" />

      {files.length > 0 ? (
        <>
          <h2 className="pt-section-title">Files on this request ({files.length})</h2>
          <AttachmentList attachments={files} hrefFor={hrefFor} label="Files on this request" />
        </>
      ) : null}

      <AddDetailsForm
        ticket={ticket}
        onSignedOut={onSignedOut}
        onSent={(receipt) => {
          // A follow-up is another ticket: this one is re-read (it may now link to it); otherwise the receipt has it all.
          if (!receipt.followUp) return setTicket(receipt.ticket);
          void portalApi.ticket(ticketId).then((res) => res.ok && setTicket(res.value));
        }}
      />
    </section>
  );
}
