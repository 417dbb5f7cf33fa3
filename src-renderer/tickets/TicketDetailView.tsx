// One ticket: status change (solving goes through the Resolution picker), how it came in and from whom, details,
// CCs, an email ticket's original mail (on demand), history with a comment box, and the chat transcript.
import { useEffect, useState } from 'react';
import { canTransition, ticketStatuses, ticketStatusLabels, type TicketStatus } from '../../src-shared/ticket-lifecycle';
import { findResolutionType } from '../../src-shared/resolution-catalog';
import { issueCategoryLabels } from '../../src-shared/issue-category';
import { emailSchema } from '../../src-shared/ids';
import type { Ticket, TicketAuditEntry, TicketComment } from '../../src-shared/ticket';
import { auditActor, describeAudit, mergeTimeline } from './ticket-timeline';
import { humanizeId, productLabel, resolutionLabel, ticketChannelLabels } from './ticket-labels';
import { ChannelBadge } from './ChannelBadge';
import { OriginalEmail } from './OriginalEmail';
import { CommentForm } from './CommentForm';
import './tickets.css';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { StatusBadge } from './StatusBadge';
import { ResolutionPicker } from './ResolutionPicker';
import { EscalateDialog, RcaNotes } from './TicketExtras';
import { ContextTags } from '../queues/QueueView';
import { MessageText } from '../chats/MessageText';
import { MessageRow } from '../chats/MessageRow';
import { AttachmentChip } from '../chats/AttachmentChip';
import { formatDateTime } from '../format/time';

export function TicketDetailView() {
  const selected = useApp((s) => s.selectedTicketId);
  const detail = useApp((s) => s.ticketDetail);
  const controller = useController();
  useEffect(() => {
    if (selected !== null && detail?.ticket.id !== selected) void controller.loadTicket(selected);
  }, [selected, detail, controller]);
  if (selected === null) return <div className="ticket-detail empty">Select a ticket.</div>;
  if (!detail || detail.ticket.id !== selected) return <div className="ticket-detail empty">Loading ticket #{selected}…</div>;
  return <TicketDetail key={detail.ticket.id} />;
}

function TicketDetail() {
  const detail = useApp((s) => s.ticketDetail)!;
  const departments = useApp((s) => s.departments);
  const specialists = useApp((s) => s.specialists);
  const controller = useController();
  const { ticket, comments, transcript, audit, incidentIds } = detail;
  const [picking, setPicking] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolution = ticket.resolution ? findResolutionType(ticket.resolution.typeId) : undefined;
  const assignee = specialists.find((s) => s.id === ticket.assigneeId);
  const departmentName = departments.find((d) => d.id === ticket.departmentId)?.name ?? humanizeId(ticket.departmentId);

  async function changeStatus(to: TicketStatus) {
    setError(null);
    if (to === 'solved') {
      setPicking(true);
      return;
    }
    const problem = await controller.updateTicket(ticket.id, { status: to });
    if (problem) setError(problem);
  }

  return (
    <article className="ticket-detail" aria-labelledby="ticket-title" data-testid="ticket-detail">
      <header className="ticket-header">
        <div className="ticket-heading">
          {/* Clamped to two lines, the whole subject in the title; the actions have their own row (tickets.css). */}
          <h1 id="ticket-title" className="ticket-title" title={ticket.subject || undefined}>
            <span className="ticket-id">#{ticket.id}</span> {ticket.subject || '(no subject)'}
          </h1>
          <div className="muted ticket-meta">
            <span className="ticket-requester">{ticket.requesterEmail}</span> · <ChannelBadge channel={ticket.channel} /> · {departmentName}
            {ticket.ccs.length > 0 && <span> · CC {ticket.ccs.length === 1 ? ticket.ccs[0] : `${ticket.ccs.length} people`}</span>}
          </div>
        </div>
        <div className="ticket-status-control">
          <StatusBadge status={ticket.status} />
          <label className="field field-inline">
            <span className="sr-only">Change status</span>
            <select
              aria-label="Change status"
              value=""
              disabled={ticket.status === 'closed'}
              onChange={(e) => e.target.value && void changeStatus(e.target.value as TicketStatus)}
            >
              <option value="">Change status…</option>
              {ticketStatuses
                .filter((to) => canTransition(ticket.status, to, 'specialist'))
                .map((to) => (
                  <option key={to} value={to}>
                    {to === 'solved' ? 'Solved… (pick a resolution)' : ticketStatusLabels[to]}
                  </option>
                ))}
            </select>
          </label>
          {ticket.status !== 'closed' && !ticket.escalation && (
            <button type="button" className="button" onClick={() => setEscalating(true)}>
              Escalate…
            </button>
          )}
          {ticket.status !== 'solved' && ticket.status !== 'closed' && (
            <button type="button" className="button button-primary" onClick={() => setPicking(true)}>
              Solve…
            </button>
          )}
        </div>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="ticket-columns">
        <div className="ticket-main">
          {ticket.channel === 'email' && <OriginalEmail ticketId={ticket.id} />}
          <History ticketId={ticket.id} comments={comments} audit={audit} />
          {transcript.length > 0 && (
            <section className="ticket-transcript" aria-label="Chat transcript">
              <h2>Chat transcript</h2>
              <div className="transcript-static">
                {transcript.map((m, i) => (
                  <MessageRow key={m.id} message={m} mine={false} groupedWithPrevious={i > 0 && transcript[i - 1]!.authorId === m.authorId && transcript[i - 1]!.authorKind === m.authorKind} />
                ))}
              </div>
            </section>
          )}
        </div>
        <aside className="ticket-aside" aria-label="Details">
          <h3>Details</h3>
          <dl className="facts">
            <dt>Requester</dt>
            <dd data-testid="ticket-requester">{ticket.requesterEmail}</dd>
            <dt>Channel</dt>
            <dd>{ticketChannelLabels[ticket.channel]}</dd>
            <dt>Status</dt>
            <dd>{ticketStatusLabels[ticket.status]}</dd>
            <dt>Resolution</dt>
            <dd data-testid="ticket-resolution">{resolution ? resolution.label : ticket.resolution ? resolutionLabel(ticket.resolution.typeId) : '—'}</dd>
            {ticket.resolution?.linkedTicketId !== undefined && (
              <>
                <dt>Duplicate of</dt>
                <dd>
                  <button type="button" className="link-button" onClick={() => controller.openTicket(ticket.resolution!.linkedTicketId!)}>
                    #{ticket.resolution.linkedTicketId}
                  </button>
                </dd>
              </>
            )}
            {ticket.resolution?.approval && (
              <>
                <dt>Approval</dt>
                <dd>
                  {ticket.resolution.approval.requested ? 'requested' : 'not requested'}
                  {ticket.resolution.approval.received ? ', received' : ''}
                </dd>
              </>
            )}
            <dt>Assignee</dt>
            <dd>{assignee?.displayName ?? (ticket.assigneeId ? 'another specialist' : 'unassigned')}</dd>
            <dt>Product</dt>
            <dd>{ticket.product ? productLabel(ticket.product) : '—'}</dd>
            <dt>Category</dt>
            <dd>{ticket.category ? issueCategoryLabels[ticket.category] : '—'}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(ticket.createdAt)}</dd>
            <dt>Updated</dt>
            <dd>{formatDateTime(ticket.updatedAt)}</dd>
            {ticket.solvedAt !== null && (
              <>
                <dt>Solved</dt>
                <dd>{formatDateTime(ticket.solvedAt)}</dd>
              </>
            )}
            {incidentIds.length > 0 && (
              <>
                <dt>Incident</dt>
                <dd data-testid="ticket-incidents">{incidentIds.length === 1 ? 'linked to 1 incident' : `linked to ${incidentIds.length} incidents`}</dd>
              </>
            )}
            {ticket.followUpOf !== null && (
              <>
                <dt>Follow-up of</dt>
                <dd>#{ticket.followUpOf}</dd>
              </>
            )}
          </dl>
          <h3>Context</h3>
          <ContextTags context={ticket.context} />
          <Ccs ticket={ticket} />
          <RcaNotes key={`${ticket.id}-${ticket.updatedAt}`} ticket={ticket} />
          {ticket.escalation && (
            <>
              <h3>Escalated</h3>
              <p>
                {issueCategoryLabels[ticket.escalation.category]} · {formatDateTime(ticket.escalation.at)}
              </p>
              {ticket.escalation.note && <p className="muted">{ticket.escalation.note}</p>}
            </>
          )}
        </aside>
      </div>
      {picking && <ResolutionPicker ticket={ticket} onClose={() => setPicking(false)} />}
      {escalating && <EscalateDialog ticket={ticket} onClose={() => setEscalating(false)} />}
    </article>
  );
}

function Ccs(props: { ticket: Ticket }) {
  const { ticket } = props;
  const controller = useController();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function save(ccs: string[]) {
    const problem = await controller.updateTicket(ticket.id, { ccs });
    setError(problem);
    return problem === null;
  }
  return (
    <section aria-label="CCs">
      <h3>CC</h3>
      <p className="muted cc-hint">Besides the requester, they get the public replies by mail.</p>
      <ul className="cc-list">
        {ticket.ccs.map((cc) => (
          <li key={cc} className="tag">
            {cc}
            <button type="button" className="icon-button" aria-label={`Remove ${cc}`} onClick={() => void save(ticket.ccs.filter((x) => x !== cc))}>
              ×
            </button>
          </li>
        ))}
        {ticket.ccs.length === 0 && <li className="muted">No CCs.</li>}
      </ul>
      <form
        className="cc-add"
        onSubmit={async (e) => {
          e.preventDefault();
          const parsed = emailSchema.safeParse(value);
          if (!parsed.success) {
            setError('Enter a valid email address.');
            return;
          }
          if (await save([...new Set([...ticket.ccs, parsed.data])])) setValue('');
        }}
      >
        <input type="email" value={value} onChange={(e) => setValue(e.target.value)} placeholder="Add CC email" aria-label="Add CC email" />
        <button type="submit" className="button button-small">
          Add
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function History(props: { ticketId: number; comments: TicketComment[]; audit: TicketAuditEntry[] }) {
  const specialists = useApp((s) => s.specialists);
  const incidents = useApp((s) => s.incidents);
  const departments = useApp((s) => s.departments);
  const names = {
    specialist: (id: string) => specialists.find((x) => x.id === id)?.displayName,
    incident: (id: string) => incidents.find((x) => x.id === id)?.title,
    department: (id: string) => departments.find((x) => x.id === id)?.name,
  };
  const timeline = mergeTimeline(props.comments, props.audit);
  return (
    <section className="ticket-history" aria-label="History">
      <h2>History</h2>
      <ol className="comments" data-testid="ticket-timeline">
        {timeline.map((item, i) =>
          item.kind === 'audit' ? (
            <li key={`a${i}`} className="audit-entry" data-testid="audit-entry">
              <span className="audit-actor">{auditActor(item.entry, names)}</span> <span>{describeAudit(item.entry, names)}</span>{' '}
              <span className="message-time">{formatDateTime(item.at)}</span>
            </li>
          ) : (
            <li key={item.comment.id} className={`comment comment-${item.comment.authorKind}${item.comment.internal ? ' comment-internal' : ''}`} data-testid="ticket-comment">
              <div className="message-meta">
                <span className="message-author">{item.comment.authorName}</span>
                {item.comment.internal && <span className="tag tag-note">Internal note</span>}
                <span className="message-time">{formatDateTime(item.comment.createdAt)}</span>
              </div>
              <MessageText text={item.comment.body} />
              {item.comment.attachments.length > 0 && (
                <div className="message-attachments">
                  {item.comment.attachments.map((a) => (
                    <AttachmentChip key={a.id} attachment={a} />
                  ))}
                </div>
              )}
            </li>
          ),
        )}
        {timeline.length === 0 && <li className="muted">No comments yet.</li>}
      </ol>
      <CommentForm ticketId={props.ticketId} />
    </section>
  );
}
