// Department queues: one list per department I serve, open or closed by its hours, waiting visitors with question,
// context and a ticking wait.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Conversation } from '../../src-shared/conversation';
import type { Department } from '../../src-shared/department';
import { useApp } from '../store/app-store';
import { myDepartments, myLoad, waitingIn } from '../store/conversation-views';
import { useController } from '../app/controller-context';
import { useNow } from '../app/use-now';
import { formatDuration } from '../format/time';
import { acceptNextBlocker, allClosedText, formatChange, queueHours, type DepartmentHours } from './department-hours';
import { HoursTag } from './HoursTag';
import { useDepartmentHours } from './use-department-hours';
import './queues.css';

export function QueueView() {
  const filter = useApp((s) => s.queueFilter);
  const departments = useApp(useShallow((s) => myDepartments(s.departments, s.session?.me ?? null)));
  const hours = useDepartmentHours(departments);
  const all = queueHours([...hours.byId.values()]);
  const anyWaiting = useApp((s) => Object.values(s.conversations).some((c) => c.state === 'queued' && departments.some((d) => d.id === c.departmentId)));
  const shown = filter ? departments.filter((d) => d.id === filter) : departments;
  return (
    <section className="view queue-view" aria-labelledby="queue-title">
      <header className="view-header">
        <h1 id="queue-title">{filter ? (departments.find((d) => d.id === filter)?.name ?? 'Queue') : 'All queues'}</h1>
      </header>
      {all.allClosed && (
        <p className="queue-closed-notice" role="status" data-testid="queue-closed">
          {allClosedText(all, hours.now, hours.zone)}
          {anyWaiting && ' Chats already waiting can still be accepted.'}
        </p>
      )}
      <div className="queue-columns">
        {shown.map((d) => {
          const h = hours.byId.get(d.id);
          return h ? <DepartmentQueue key={d.id} department={d} hours={h} now={hours.now} zone={hours.zone} /> : null;
        })}
        {shown.length === 0 && <p className="empty">You are not in any department yet.</p>}
      </div>
    </section>
  );
}

function DepartmentQueue(props: { department: Department; hours: DepartmentHours; now: number; zone: string }) {
  const { department, hours, now, zone } = props;
  const waiting = useApp(useShallow((s) => waitingIn(s.conversations, department.id)));
  const load = useApp(useShallow((s) => myLoad(s.conversations, s.session?.me ?? null)));
  const controller = useController();
  const blocker = acceptNextBlocker({ waiting: waiting.length, load, hours: queueHours([hours]), scope: 'department' }, now, zone);
  const whyId = `accept-next-why-${department.id}`;
  return (
    <section className={`queue${hours.open ? '' : ' queue-is-closed'}`} aria-label={`${department.name} queue`} data-testid={`queue-list-${department.id}`}>
      <header className="queue-header">
        <div className="queue-title">
          <h2 title={department.name}>{department.name}</h2>
          <span className="muted">
            {waiting.length} waiting · {department.routing === 'auto' ? 'auto-assigned' : 'pick from queue'}
          </span>
          <HoursTag hours={hours} now={now} zone={zone} testId={`queue-hours-${department.id}`} />
        </div>
        <button
          type="button"
          className="button button-small"
          disabled={blocker !== null}
          title={blocker ?? undefined}
          aria-describedby={blocker ? whyId : undefined}
          onClick={() => void controller.acceptNext(department.id)}
        >
          Accept next
        </button>
      </header>
      {waiting.length === 0 ? (
        <p className="empty" id={whyId}>
          {hours.open ? 'Nobody waiting.' : closedEmptyText(hours, now, zone)}
        </p>
      ) : (
        <>
          {blocker && (
            <p className="sr-only" id={whyId}>
              {blocker}
            </p>
          )}
          <ol className="waiting-list">
            {waiting.map((c) => (
              <WaitingRow key={c.id} conversation={c} disabled={load.full} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** A closed department takes no new chats, so its empty queue says until when rather than "Nobody waiting". */
function closedEmptyText(hours: DepartmentHours, now: number, zone: string): string {
  return hours.nextChangeAt === null ? 'Closed: no new chats.' : `Closed: no new chats until ${formatChange(hours.nextChangeAt, now, zone)}.`;
}

const WaitingRow = memo(function WaitingRow(props: { conversation: Conversation; disabled: boolean }) {
  const { conversation: c } = props;
  const controller = useController();
  return (
    <li className="waiting-row" data-testid="waiting-row">
      <div className="waiting-main">
        <div className="waiting-who">
          <strong>{c.visitorEmail}</strong>
          <WaitTime since={c.queuedAt} />
        </div>
        <p className="waiting-question">{c.question}</p>
        <ContextTags context={c.context} />
      </div>
      <button type="button" className="button button-primary" disabled={props.disabled} onClick={() => void controller.acceptChat(c.id)} aria-label={`Accept chat with ${c.visitorEmail}`}>
        Accept
      </button>
    </li>
  );
});

/** Ticking time since `since`; `calm` drops the warning colours (a chat's duration is not a wait). */
export function WaitTime(props: { since: number; calm?: boolean }) {
  const now = useNow();
  const ms = now - props.since;
  const tone = props.calm ? '' : ms > 5 * 60_000 ? 'wait-long' : ms > 2 * 60_000 ? 'wait-mid' : '';
  return (
    <span className={`wait ${tone}`} title="Waiting for">
      {formatDuration(ms)}
    </span>
  );
}

export function ContextTags(props: { context: Conversation['context'] }) {
  const { pid, eid, pageUrl } = props.context;
  if (!pid && !eid && !pageUrl) return null;
  return (
    <div className="context-tags">
      {pid && <span className="tag">pid {pid}</span>}
      {eid && <span className="tag">eid {eid}</span>}
      {pageUrl && (
        <span className="tag" title={pageUrl}>
          {safeHost(pageUrl)}
        </span>
      )}
    </div>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
