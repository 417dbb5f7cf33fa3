// Left sidebar: who I am, my status and load, department queues with live counts, navigation, connection.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { canSeeAllDepartments } from '../../src-shared/specialist';
import { useApp } from '../store/app-store';
import { myDepartments, myLoad, waitingCounts } from '../store/conversation-views';
import type { View } from '../store/session-slice';
import { useController } from './controller-context';
import { ConnectionBadge } from './ConnectionBadge';
import { OutboxButton } from './OutboxButton';
import { SettingsDialog } from './SettingsDialog';
import { acceptNextBlocker, queueHours } from '../queues/department-hours';
import { useDepartmentHours } from '../queues/use-department-hours';
import { HoursTag } from '../queues/HoursTag';
import '../queues/queues.css';

export function Sidebar() {
  const me = useApp((s) => s.session?.me ?? null);
  if (!me) return null;
  return (
    <nav className="sidebar" aria-label="Console">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Switchboard</span>
      </div>
      <MeCard />
      <Queues />
      <NavLinks lead={canSeeAllDepartments(me.role)} />
      <div className="sidebar-foot">
        <Tools />
        <ConnectionBadge />
        <OutboxButton />
      </div>
    </nav>
  );
}

function MeCard() {
  const controller = useController();
  const me = useApp((s) => s.session?.me ?? null);
  const load = useApp(useShallow((s) => myLoad(s.conversations, s.session?.me ?? null)));
  const departments = useApp(useShallow((s) => myDepartments(s.departments, s.session?.me ?? null)));
  const counts = useApp(useShallow((s) => waitingCounts(s.conversations)));
  const hours = useDepartmentHours(departments);
  if (!me) return null;
  const waiting = departments.reduce((sum, d) => sum + (counts[d.id] ?? 0), 0);
  const blocker = acceptNextBlocker({ waiting, load, hours: queueHours([...hours.byId.values()]), scope: 'mine' }, hours.now, hours.zone);
  return (
    <section className="me-card" aria-label="My status">
      <div className="me-name">
        <span className={`presence presence-${me.status}`} aria-hidden="true" />
        <span title={me.email}>{me.displayName}</span>
        <span className="role-tag">{me.role}</span>
      </div>
      <label className="field field-inline">
        <span className="sr-only">Status</span>
        <select value={me.status} onChange={(e) => void controller.setStatus(e.target.value as 'online' | 'away')} aria-label="Status">
          <option value="online">Online</option>
          <option value="away">Away</option>
          {me.status === 'offline' && <option value="offline">Offline</option>}
        </select>
      </label>
      <div className="load" data-testid="my-load">
        <div className="load-text">
          <strong>{load.active}</strong> of {load.max} chats
        </div>
        <div className="load-bar" role="meter" aria-label="My load" aria-valuemin={0} aria-valuemax={load.max} aria-valuenow={load.active}>
          <span style={{ width: `${load.max === 0 ? 0 : Math.min(100, (100 * load.active) / load.max)}%` }} className={load.full ? 'full' : ''} />
        </div>
      </div>
      <button
        type="button"
        className="button button-primary button-block"
        onClick={() => void controller.acceptNext()}
        disabled={blocker !== null}
        title={blocker ?? 'Alt N'}
        aria-describedby={blocker ? 'accept-next-why' : undefined}
      >
        Accept next
      </button>
      {blocker && (
        <p id="accept-next-why" className="accept-next-why" data-testid="accept-next-why">
          {blocker}
        </p>
      )}
    </section>
  );
}

function Queues() {
  const departments = useApp(useShallow((s) => myDepartments(s.departments, s.session?.me ?? null)));
  const counts = useApp(useShallow((s) => waitingCounts(s.conversations)));
  const filter = useApp((s) => (s.view === 'queue' ? s.queueFilter : undefined));
  const setQueueFilter = useApp((s) => s.setQueueFilter);
  const hours = useDepartmentHours(departments);
  return (
    <section className="queues" aria-label="Queues">
      <h2 className="sidebar-heading">Queues</h2>
      <ul>
        {departments.map((d) => {
          const n = counts[d.id] ?? 0;
          const h = hours.byId.get(d.id);
          return (
            <li key={d.id}>
              <button
                type="button"
                className={`queue-link${filter === d.id ? ' current' : ''}`}
                aria-current={filter === d.id ? 'page' : undefined}
                onClick={() => setQueueFilter(d.id)}
                data-testid={`queue-${d.id}`}
              >
                <span className="queue-link-text">
                  <span className="queue-name">{d.name}</span>
                  {h && <HoursTag hours={h} now={hours.now} zone={hours.zone} testId={`queue-hours-link-${d.id}`} />}
                </span>
                <span className={`count${n > 0 ? ' count-hot' : ''}`} aria-label={`${n} waiting`}>
                  {n}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function NavLinks(props: { lead: boolean }) {
  const view = useApp((s) => s.view);
  const navigate = useApp((s) => s.navigate);
  const setQueueFilter = useApp((s) => s.setQueueFilter);
  const openChats = useApp((s) => s.openChatIds.length);
  const unread = useApp((s) => s.openChatIds.reduce((sum, id) => sum + (s.unread[id] ?? 0), 0));
  const waiting = useApp((s) => Object.values(waitingCounts(s.conversations)).reduce((a, b) => a + b, 0));
  const alerts = useApp((s) => s.incidentAlerts.length);
  const item = (v: View, label: string, key: string, badge?: number, hot?: boolean) => (
    <li>
      <button
        type="button"
        className={`nav-link${view === v ? ' current' : ''}`}
        aria-current={view === v ? 'page' : undefined}
        onClick={() => (v === 'queue' ? setQueueFilter(null) : navigate(v))}
        title={key}
      >
        <span>{label}</span>
        {badge !== undefined && badge > 0 && <span className={`count${hot ? ' count-hot' : ''}`}>{badge}</span>}
      </button>
    </li>
  );
  return (
    <ul className="nav" aria-label="Views">
      {item('queue', 'All queues', 'Alt Q', waiting, waiting > 0)}
      {item('chats', 'Chats', 'Alt H', unread > 0 ? unread : openChats, unread > 0)}
      {item('tickets', 'Tickets', 'Alt T')}
      {props.lead && item('dashboard', 'Dashboard', 'Alt D')}
      {props.lead && item('incidents', 'Incidents', '', alerts, alerts > 0)}
      {props.lead && item('admin', 'Admin', 'Alt A')}
      {props.lead && item('help', 'Help center', '')}
    </ul>
  );
}

function Tools() {
  const setOverlay = useApp((s) => s.setOverlay);
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <div className="sidebar-tools">
      <button type="button" className="button button-small button-ghost" onClick={() => setOverlay('search')} title="Ctrl/⌘ K">
        Search <kbd>Ctrl K</kbd>
      </button>
      <button type="button" className="button button-small button-ghost" onClick={() => setOverlay('help')} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        <kbd>?</kbd>
      </button>
      <button type="button" className="button button-small button-ghost" onClick={() => setSettingsOpen(true)}>
        Settings
      </button>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
