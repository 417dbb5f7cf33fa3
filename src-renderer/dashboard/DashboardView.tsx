// Lead dashboard: per department waiting now, longest wait, chats in progress, specialists online and load,
// averages and missed chats today, tickets by status, the server's hourly "Over the day" chart and the help center's
// suggestion numbers; all live.
import { useMemo } from 'react';
import { ticketStatuses, ticketStatusLabels } from '../../src-shared/ticket-lifecycle';
import type { MailOutboxStats } from '../../src-shared/mail-delivery';
import { useApp } from '../store/app-store';
import { useNow } from '../app/use-now';
import { computeDashboard, type DepartmentStats } from '../stats/dashboard-stats';
import { mergeServerStats, serverClockNow, statsSourceLabel } from '../stats/server-stats';
import { dayChart } from '../stats/day-chart';
import { formatDuration } from '../format/time';
import { TimelineChart } from './TimelineChart';
import { HelpSuggestionsCard } from './HelpSuggestionsCard';

const startOfDay = (at: number): number => {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

const ms = (v: number | null) => (v === null ? '—' : formatDuration(v));

export function DashboardView() {
  const departments = useApp((s) => s.departments);
  const conversations = useApp((s) => s.conversations);
  const specialists = useApp((s) => s.specialists);
  const tickets = useApp((s) => s.statsTickets);
  const server = useApp((s) => s.serverStats);
  const now = useNow();
  const stats = useMemo(
    () =>
      mergeServerStats(
        computeDashboard({ departments, conversations: Object.values(conversations), specialists, tickets, now, dayStart: startOfDay(now), stepMs: 5 * 60_000 }),
        server?.stats ?? null,
        server ? serverClockNow(server, now) : now,
      ),
    [departments, conversations, specialists, tickets, now, server],
  );
  const chart = useMemo(() => dayChart(server, stats.timeline, startOfDay(now)), [server, stats.timeline, now]);
  const t = stats.total;
  return (
    // Focusable because it scrolls: keyboard users scroll it with the arrow keys (nothing inside takes focus).
    <section className="view dashboard" aria-labelledby="dash-title" data-testid="dashboard" tabIndex={0}>
      <header className="view-header">
        <h1 id="dash-title">Dashboard</h1>
        <span className="muted" data-testid="stats-source">
          {statsSourceLabel(server, now)}
        </span>
      </header>
      <div className="kpis">
        <Kpi label="Waiting now" value={String(t.waitingNow)} hot={t.waitingNow > 0} testId="kpi-waiting" />
        <Kpi label="Longest wait" value={ms(t.longestWaitMs)} hot={(t.longestWaitMs ?? 0) > 2 * 60_000} />
        <Kpi label="Chats in progress" value={String(t.inProgress)} testId="kpi-in-progress" />
        <Kpi label="Specialists online" value={String(t.specialistsOnline)} />
        <Kpi label="Avg wait today" value={ms(t.avgWaitMs)} />
        <Kpi label="Avg first response" value={ms(t.avgFirstResponseMs)} />
        <Kpi label="Chats today" value={String(t.chatsToday)} testId="kpi-chats-today" />
        <Kpi label="Missed today" value={String(t.missedToday)} hot={t.missedToday > 0} />
      </div>
      {server?.stats.mail && <MailRow mail={server.stats.mail} />}
      <section className="panel">
        <h2>Over the day</h2>
        <p className={`muted chart-caption${chart.source === 'estimate' ? ' chart-caption-offline' : ''}`} data-testid="chart-caption">
          {chart.caption}
        </p>
        <TimelineChart key={chart.source} chart={chart} />
      </section>
      <div className="dash-grid">
        <section className="panel">
          <h2>Departments</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Department</th>
                <th scope="col">Waiting</th>
                <th scope="col">Longest</th>
                <th scope="col">In progress</th>
                <th scope="col">Online</th>
                <th scope="col">Load</th>
                <th scope="col">Avg wait</th>
                <th scope="col">Avg 1st resp.</th>
                <th scope="col">Missed</th>
              </tr>
            </thead>
            <tbody>
              {stats.departments.map((d) => (
                <DeptRow key={d.departmentId} d={d} />
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel">
          <h2>Specialists</h2>
          <ul className="specialist-loads">
            {stats.specialists.map((s) => (
              <li key={s.id}>
                <span className={`presence presence-${s.status}`} role="img" aria-label={s.status} />
                <span className="specialist-name">{s.name}</span>
                <span className="load-bar small" role="meter" aria-label={`${s.name} load`} aria-valuemin={0} aria-valuemax={s.max} aria-valuenow={s.active}>
                  <span style={{ width: `${Math.min(100, (100 * s.active) / s.max)}%` }} className={s.active >= s.max ? 'full' : ''} />
                </span>
                <span className="muted">
                  {s.active}/{s.max}
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          <h2>Tickets by status</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Department</th>
                {ticketStatuses.map((st) => (
                  <th key={st} scope="col">
                    {ticketStatusLabels[st]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...stats.departments, stats.total].map((d) => (
                <tr key={d.departmentId} className={d.departmentId === '*' ? 'total' : ''}>
                  <th scope="row">{d.name}</th>
                  {ticketStatuses.map((st) => (
                    <td key={st}>{d.ticketsByStatus[st]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {/* Below the live operations: a daily figure, not something to act on this minute. */}
        {server?.stats.helpSuggestions && <HelpSuggestionsCard stats={server.stats.helpSuggestions} />}
      </div>
    </section>
  );
}

function Kpi(props: { label: string; value: string; hot?: boolean; testId?: string }) {
  return (
    <div className={`kpi${props.hot ? ' kpi-hot' : ''}`} data-testid={props.testId}>
      <div className="kpi-value">{props.value}</div>
      <div className="kpi-label">{props.label}</div>
    </div>
  );
}

/** The server's mail outbox: mail waiting to go out, failing and being retried, and failed for good. */
function MailRow(props: { mail: MailOutboxStats }) {
  const { mail } = props;
  return (
    <div className="kpis" aria-label="Outgoing email" data-testid="mail-outbox">
      <Kpi label="Email queued" value={String(mail.queued)} />
      <Kpi label="Email retrying" value={String(mail.retrying)} hot={mail.retrying > 0} testId="kpi-mail-retrying" />
      <Kpi label="Email failed" value={String(mail.failed)} hot={mail.failed > 0} testId="kpi-mail-failed" />
    </div>
  );
}

function DeptRow(props: { d: DepartmentStats }) {
  const { d } = props;
  return (
    <tr>
      <th scope="row">{d.name}</th>
      <td className={d.waitingNow > 0 ? 'hot' : ''}>{d.waitingNow}</td>
      <td>{ms(d.longestWaitMs)}</td>
      <td>{d.inProgress}</td>
      <td>{d.specialistsOnline}</td>
      <td>{d.loadRatio === null ? '—' : `${Math.round(d.loadRatio * 100)}%`}</td>
      <td>{ms(d.avgWaitMs)}</td>
      <td>{ms(d.avgFirstResponseMs)}</td>
      <td>{d.missedToday}</td>
    </tr>
  );
}
