// Inbound mail (leads read, admins process again): what became of each mail the listener accepted, newest first —
// when, from whom, which department, the subject, its status and why, and the ticket it went to. A status filter
// (all by default) with the count of mails that could not be read always in view; a row opens the mail.
import { useEffect } from 'react';
import type { InboundMailSummary } from '../../src-shared/inbound-mail';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { formatDateTime } from '../format/time';
import { humanizeId } from '../tickets/ticket-labels';
import { senderOf } from '../tickets/ticket-mail';
import { INBOUND_LIST_LIMIT } from './inbound-controller';
import { failedNotice, statusChoices } from './inbound-list';
import { InboundMailDialog } from './InboundMailDialog';
import { InboundStatus } from './InboundStatus';

export function InboundSection(props: { editable: boolean }) {
  const controller = useController();
  const mails = useApp((s) => s.inboundMails);
  const filter = useApp((s) => s.inboundFilter);
  const failedCount = useApp((s) => s.inboundFailedCount);
  const problem = useApp((s) => s.inboundProblem);
  const open = useApp((s) => s.inboundOpen);
  const departments = useApp((s) => s.adminOverview?.departments ?? s.departments);
  useEffect(() => {
    void controller.admin.inbound.refresh();
  }, [controller]);
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? humanizeId(id);
  const notice = failedNotice(failedCount, INBOUND_LIST_LIMIT);

  return (
    <section className="panel admin-wide-panel" aria-labelledby="inbound-heading" data-testid="inbound-section">
      <div className="admin-panel-head">
        <h2 id="inbound-heading">Inbound mail</h2>
        <span className="muted">newest first{mails ? ` · ${mails.length === 1 ? '1 mail' : `${mails.length} mails`}` : ''}</span>
        <button type="button" className="button button-small" onClick={() => void controller.admin.inbound.refresh()}>
          Refresh
        </button>
      </div>
      <p className="muted admin-hint">Mail to the departments’ direct addresses and replies to ticket mail. Each is kept as received, whatever became of it.</p>
      {notice && (
        <p className="inbound-failed-notice" data-testid="inbound-failed-count">
          {notice} {filter !== 'failed' && 'Choose “Could not be read” to see them; open one for its reason and source.'}
        </p>
      )}
      <div className="status-chips inbound-filter" role="group" aria-label="Show mail">
        {statusChoices(failedCount, INBOUND_LIST_LIMIT).map((c) => {
          const on = filter === c.status;
          return (
            <button key={c.label} type="button" className={`chip status-chip${on ? ' pressed' : ''}`} aria-pressed={on} onClick={() => void controller.admin.inbound.setFilter(c.status)}>
              {on && (
                <span className="chip-check" aria-hidden="true">
                  ✓
                </span>
              )}
              {c.label}
              {c.count !== null && <span className="chip-count">{c.count}</span>}
            </button>
          );
        })}
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {mails === null ? (
        <p className="muted" aria-busy={problem === null}>
          {problem === null ? 'Loading…' : 'Nothing to show yet.'}
        </p>
      ) : mails.length === 0 ? (
        <p className="muted">{filter === null ? 'No mail received yet.' : 'No mail with this status.'}</p>
      ) : (
        <div className="admin-table-scroll">
          <table className="table admin-table inbound-table" aria-labelledby="inbound-heading">
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">From</th>
                <th scope="col">Department</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Ticket</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <InboundRow key={m.id} mail={m} departmentName={departmentName(m.departmentId)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <InboundMailDialog mail={open} departmentName={departmentName(open.departmentId)} editable={props.editable} />}
    </section>
  );
}

function InboundRow(props: { mail: InboundMailSummary; departmentName: string }) {
  const { mail } = props;
  const controller = useController();
  return (
    <tr data-testid="inbound-row" className={`inbound-row inbound-${mail.status}`}>
      <td className="admin-nowrap">{formatDateTime(mail.receivedAt)}</td>
      <td>
        <span className="inbound-from">
          {senderOf(mail)}
          <span className="muted inbound-to">to {mail.envelopeTo}</span>
        </span>
      </td>
      <td>{props.departmentName}</td>
      <td className="inbound-subject">
        {/* The row's one way in: a button named for the mail, so the keyboard and screen readers reach it too. */}
        <button type="button" className="link-button" onClick={() => void controller.admin.inbound.open(mail.id)}>
          {mail.subject ?? '(no subject)'}
        </button>
      </td>
      <td>
        <InboundStatus mail={mail} />
      </td>
      <td className="admin-nowrap">
        {mail.ticketId === null ? (
          <span className="muted">—</span>
        ) : (
          <button type="button" className="link-button" aria-label={`Open ticket #${mail.ticketId}`} onClick={() => controller.openTicket(mail.ticketId!)}>
            #{mail.ticketId}
          </button>
        )}
      </td>
    </tr>
  );
}
