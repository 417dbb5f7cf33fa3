import { describe, expect, it } from 'vitest';
import type { IssueCategory } from '../../../../src-shared/issue-category';
import {
  emptyIncidentState,
  incidentConfigSchema,
  judgeReport,
  judgingWindow,
  observeReport,
  reportOfTicket,
  type IncidentAlert,
  type IncidentConfig,
  type IncidentReport,
  type IncidentState,
} from '../../../../src-server/automation/incident-detector';
import { makeTicket } from './fixtures';

const MIN = 60_000;
const config: IncidentConfig = { threshold: 3, windowMs: 10 * MIN };
const T0 = Date.UTC(2026, 10, 2, 15, 0);

/** Feeds reports in order; returns the alerts with the index of the report that fired each. */
function feed(reports: IncidentReport[], cfg: IncidentConfig = config, start: IncidentState = emptyIncidentState) {
  let state = start;
  const alerts: { index: number; alert: IncidentAlert }[] = [];
  reports.forEach((report, index) => {
    const out = observeReport(state, report, cfg);
    state = out.state;
    if (out.alert) alerts.push({ index, alert: out.alert });
  });
  return { state, alerts };
}

let nextTicket = 100;
const report = (minute: number, category: IssueCategory = 'streaming', eid: string | null = 'ev-7'): IncidentReport => ({
  ticketId: nextTicket++,
  category,
  eid,
  at: T0 + minute * MIN,
});

describe('observeReport', () => {
  it('alerts when the threshold is reached within the window, with the reports that made it', () => {
    const reports = [report(0), report(4), report(9)];
    const { alerts } = feed(reports);
    expect(alerts).toEqual([
      {
        index: 2,
        alert: { category: 'streaming', eid: 'ev-7', count: 3, firstAt: T0, lastAt: T0 + 9 * MIN, ticketIds: reports.map((r) => r.ticketId) },
      },
    ]);
  });

  it('does not alert when the same number of reports is spread wider than the window', () => {
    // The window is (t − 10 min, t]: the report at minute 0 has left it at minute 10.
    expect(feed([report(0), report(5), report(10)]).alerts).toEqual([]);
  });

  it('alerts once for an ongoing burst, not for every later report', () => {
    const burst = Array.from({ length: 40 }, (_, i) => report(i)); // one a minute for 40 minutes
    expect(feed(burst).alerts.map((a) => a.index)).toEqual([2]);
  });

  it('alerts again after the window count has dropped below the threshold and crosses it anew', () => {
    const { alerts } = feed([report(0), report(1), report(2), report(3), report(30), report(31), report(32)]);
    expect(alerts.map((a) => a.index)).toEqual([2, 6]);
  });

  it('re-arms even when the count dipped below the threshold only between two reports', () => {
    // At minute 10 the minute-0 report leaves, at 11 the minute-1 one: count 1 just before minute 11.5's report.
    const { alerts } = feed([report(0), report(1), report(2), report(11.5), report(11.6)]);
    expect(alerts.map((a) => a.index)).toEqual([2, 4]);
  });

  it('keeps reports with an event id apart from reports without one, and events and categories apart', () => {
    const mixed = [
      report(0, 'streaming', 'ev-7'),
      report(1, 'streaming', null),
      report(2, 'streaming', 'ev-8'),
      report(3, 'platform_access', 'ev-7'),
      report(4, 'streaming', null),
      report(5, 'streaming', 'ev-7'),
    ];
    expect(feed(mixed).alerts).toEqual([]);
    const more = feed([...mixed, report(6, 'streaming', null)]);
    expect(more.alerts.map((a) => [a.index, a.alert.category, a.alert.eid])).toEqual([[6, 'streaming', null]]);
  });

  it('fires on the first report with threshold 1, then stays quiet while reports keep coming', () => {
    const { alerts } = feed([report(0), report(5), report(14), report(30)], { threshold: 1, windowMs: 10 * MIN });
    expect(alerts.map((a) => a.index)).toEqual([0, 3]);
  });

  it('ignores a late report that is already outside the window of the newest report seen', () => {
    const { state } = feed([report(20)]);
    const late = observeReport(state, report(5), config);
    expect(late.alert).toBeNull();
    expect(late.state).toBe(state);
  });

  it('counts a late report that is still inside the window', () => {
    const { alerts } = feed([report(5), report(9), report(2)]);
    expect(alerts.map((a) => [a.index, a.alert.firstAt, a.alert.lastAt])).toEqual([[2, T0 + 2 * MIN, T0 + 9 * MIN]]);
  });

  it('forgets keys whose reports have all left the window', () => {
    const { state } = feed([report(0, 'streaming', 'a'), report(1, 'platform_access', 'b'), report(30, 'streaming', 'c')]);
    expect(state.keys.size).toBe(1);
  });

  it('does not change the state it was given', () => {
    const { state } = feed([report(0), report(1)]);
    const before = JSON.stringify([...state.keys]);
    observeReport(state, report(2), config);
    expect(JSON.stringify([...state.keys])).toBe(before);
  });
});

describe('judgeReport (the rule the server applies to the reports counted in its database)', () => {
  const seen = (minute: number, ticketId = nextTicket++) => ({ ticketId, at: T0 + minute * MIN });

  it('opens and alerts when this report brings the window to the threshold and the key was not open', () => {
    const prior = [seen(1, 1), seen(2, 2)];
    const r = { ...report(3), ticketId: 3 };
    expect(judgeReport(prior, false, r, 3)).toEqual({
      open: true,
      reports: [...prior, { ticketId: 3, at: r.at }],
      alert: { category: 'streaming', eid: 'ev-7', count: 3, firstAt: T0 + MIN, lastAt: T0 + 3 * MIN, ticketIds: [1, 2, 3] },
    });
  });

  it('stays open without an alert while the window kept the threshold, and re-alerts when it had dropped below', () => {
    expect(judgeReport([seen(1), seen(2), seen(3)], true, report(4), 3)).toMatchObject({ open: true, alert: null });
    expect(judgeReport([seen(1), seen(2)], true, report(4), 3).alert).not.toBeNull();
    expect(judgeReport([seen(1)], false, report(4), 3)).toMatchObject({ open: false, alert: null });
  });
});

describe('judgingWindow', () => {
  it('judges at the newest instant seen and ignores a report already outside that window', () => {
    expect(judgingWindow(T0, 0, 10 * MIN)).toEqual({ now: T0, start: T0 - 10 * MIN });
    expect(judgingWindow(T0, T0 + 5 * MIN, 10 * MIN)).toEqual({ now: T0 + 5 * MIN, start: T0 - 5 * MIN });
    expect(judgingWindow(T0, T0 + 10 * MIN, 10 * MIN)).toBeNull();
  });
});

describe('reportOfTicket', () => {
  it('uses the ticket category and the event id of its support link; uncategorised tickets are no report', () => {
    expect(reportOfTicket(makeTicket({ id: 9, category: 'streaming', context: { eid: 'ev-7' } }), T0)).toEqual({ ticketId: 9, category: 'streaming', eid: 'ev-7', at: T0 });
    expect(reportOfTicket(makeTicket({ id: 9, category: 'streaming', context: {} }), T0)?.eid).toBeNull();
    expect(reportOfTicket(makeTicket({ category: null }), T0)).toBeNull();
  });
});

describe('incidentConfigSchema', () => {
  it('refuses a zero threshold or window', () => {
    expect(incidentConfigSchema.safeParse({ threshold: 0, windowMs: 1 }).success).toBe(false);
    expect(incidentConfigSchema.safeParse({ threshold: 5, windowMs: 0 }).success).toBe(false);
    expect(incidentConfigSchema.safeParse({ threshold: 5, windowMs: 600_000 }).success).toBe(true);
  });
});
