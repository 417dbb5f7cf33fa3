// Detects likely large-scale incidents: many reports of one category (and event) within a sliding window alert the leads once.
import { z } from 'zod';
import type { IssueCategory } from '../../src-shared/issue-category';
import type { IncidentAlert } from '../../src-shared/protocol/agent';
import type { Ticket } from '../../src-shared/ticket';

export const incidentConfigSchema = z.object({
  /** Reports of one key within the window that make an incident. */
  threshold: z.number().int().min(1),
  windowMs: z.number().int().positive(),
});
export type IncidentConfig = z.infer<typeof incidentConfigSchema>;

// The alert's shape is the wire contract, so it is declared once, in src-shared.
export type { IncidentAlert };

export type IncidentReport = { ticketId: number; category: IssueCategory; eid: string | null; at: number };

/** A categorised ticket counts as a report of its category, keyed by the event id of its support link when it has one. */
export function reportOfTicket(ticket: Ticket, at: number): IncidentReport | null {
  return ticket.category === null ? null : { ticketId: ticket.id, category: ticket.category, eid: ticket.context.eid ?? null, at };
}

/** A report as the rule needs it: which ticket, and when. */
export type SeenReport = { ticketId: number; at: number };
type Seen = SeenReport;
type KeyState = { reports: readonly Seen[]; open: boolean };

/** Immutable; keys whose reports have all left the window are dropped, so it stays as small as the live keys. */
export type IncidentState = { readonly keys: ReadonlyMap<string, KeyState>; readonly latestAt: number };

export const emptyIncidentState: IncidentState = { keys: new Map(), latestAt: 0 };

/** A report with an event id and one without are different keys: "streaming at event 7" is not "streaming". */
export const incidentKeyOf = (category: IssueCategory, eid: string | null): string => JSON.stringify([category, eid]);

/**
 * Adds a report and says whether it starts an incident. The window at instant t holds the key's reports with
 * at in (t − windowMs, t]. Rule, per (category, eid) key:
 * - an alert fires when the window reaches `threshold` reports while the key has no open incident;
 * - the incident stays open while the window keeps at least `threshold` reports, so an ongoing burst alerts once;
 * - it closes as soon as the window count drops below `threshold` at any instant; the next crossing alerts again.
 * The count only falls between reports, so checking the window just before each new report is exact.
 * Time never runs backwards: a late report is judged at the newest instant seen, and one already outside the window
 * is ignored. This function keeps the state in memory (unit tests, one process); the server keeps it in the database
 * (src-server/tickets/incident-monitor.ts) and applies the same rule through `judgingWindow` and `judgeReport`.
 */
export function observeReport(state: IncidentState, report: IncidentReport, config: IncidentConfig): { state: IncidentState; alert: IncidentAlert | null } {
  const window = judgingWindow(report.at, state.latestAt, config.windowMs);
  if (!window) return { state, alert: null };
  const windowStart = window.start;

  const key = incidentKeyOf(report.category, report.eid);
  const keys = new Map<string, KeyState>();
  for (const [k, s] of state.keys) {
    const newest = s.reports[s.reports.length - 1];
    if (k !== key && newest !== undefined && newest.at > windowStart) keys.set(k, s);
  }

  const previous = state.keys.get(key);
  const prior = (previous?.reports ?? []).filter((r) => r.at > windowStart);
  const judged = judgeReport(prior, previous?.open ?? false, report, config.threshold);
  keys.set(key, { reports: judged.reports, open: judged.open });
  return { state: { keys, latestAt: window.now }, alert: judged.alert };
}

/**
 * The instant a report is judged at (the newest seen: time never runs backwards) and the exclusive start of its
 * window, or null when the report is already outside that window and is ignored.
 */
export function judgingWindow(reportAt: number, latestAt: number, windowMs: number): { now: number; start: number } | null {
  const now = Math.max(reportAt, latestAt);
  const start = now - windowMs;
  return reportAt <= start ? null : { now, start };
}

/**
 * The rule for one key, given the key's other reports inside the window just before this one (`prior`; only the
 * newest `threshold` of them matter, so a caller may pass just those) and whether its incident was open: whether it
 * is open after this report, the newest `threshold` reports to remember, and the alert when this report crosses.
 */
export function judgeReport(prior: readonly Seen[], wasOpen: boolean, report: IncidentReport, threshold: number): { open: boolean; reports: Seen[]; alert: IncidentAlert | null } {
  const stillOpen = wasOpen && prior.length >= threshold;
  // Only the newest `threshold` reports matter (the window holds ≥ threshold iff the threshold-th newest is in it),
  // so a key's memory and the cost of one call stay O(threshold) however big the incident grows.
  const reports = insertByTime(prior, { ticketId: report.ticketId, at: report.at }).slice(-threshold);
  const crossing = !stillOpen && reports.length >= threshold;

  const first = reports[0];
  const last = reports[reports.length - 1];
  const alert: IncidentAlert | null =
    crossing && first && last
      ? {
          category: report.category,
          eid: report.eid,
          count: reports.length,
          firstAt: first.at,
          lastAt: last.at,
          ticketIds: [...new Set(reports.map((r) => r.ticketId))],
        }
      : null;
  return { open: stillOpen || crossing, reports, alert };
}

function insertByTime(sorted: readonly Seen[], item: Seen): Seen[] {
  const out = [...sorted];
  let i = out.length;
  while (i > 0 && (out[i - 1]?.at ?? 0) > item.at) i--;
  out.splice(i, 0, item);
  return out;
}
