// What the public status page says, as a pure function of the incidents, the current notice and `now`: the overall
// state, each component's state, and the incidents without anything internal (no ticket, specialist or incident ids).
import type { Incident } from '../../src-shared/incident';
import type { SystemNotice } from '../../src-shared/notice';
import { issueCategoryLabels, type IssueCategory } from '../../src-shared/issue-category';
import type { OpenIncidentView, StatusComponent, StatusPage, StatusState } from '../../src-shared/protocol/status';

export const STATUS_HISTORY_DAYS = 14;
/** Updates shown per open incident (newest first): plenty for a long outage, and a bound on what a stranger's read costs. */
export const STATUS_UPDATES_PER_INCIDENT = 50;
const DAY_MS = 24 * 3600_000;

/**
 * Components are the issue categories incidents are filed under (src-shared/issue-category.ts), named as customers
 * know them. Two categories are not components: personal_information is a data request routed to the organisers
 * (no system is down), and large_scale is by definition platform-wide, so it counts against every component.
 */
export const STATUS_COMPONENTS: readonly { category: IssueCategory; name: string }[] = [
  { category: 'platform_access', name: 'Platform access' },
  { category: 'streaming', name: 'Streaming' },
  { category: 'other_technical', name: 'Other features' },
];

const rank: Record<StatusState, number> = { operational: 0, degraded: 1, outage: 2 };

export function worst(states: readonly StatusState[]): StatusState {
  return states.reduce<StatusState>((a, b) => (rank[b] > rank[a] ? b : a), 'operational');
}

/** A notice alone: an outage banner is an outage, a warning degraded; an info banner (say, planned work) changes nothing. */
export function noticeState(notice: Pick<SystemNotice, 'severity'> | null): StatusState {
  if (!notice) return 'operational';
  return notice.severity === 'outage' ? 'outage' : notice.severity === 'warning' ? 'degraded' : 'operational';
}

/** An open incident degrades what it touches; it is an outage when large-scale or when its own banner says outage. */
export function incidentState(incident: Pick<Incident, 'category' | 'noticeId'>, notice: SystemNotice | null): 'degraded' | 'outage' {
  if (incident.category === 'large_scale') return 'outage';
  return notice !== null && incident.noticeId === notice.id && notice.severity === 'outage' ? 'outage' : 'degraded';
}

export function componentStates(open: readonly Incident[], notice: SystemNotice | null): StatusComponent[] {
  return STATUS_COMPONENTS.map((c) => ({
    ...c,
    state: worst(open.filter((i) => i.category === c.category || i.category === 'large_scale').map((i) => incidentState(i, notice))),
  }));
}

/** What the page shows of an update posted on an incident (`incident:update`). */
export type PostedUpdate = { at: number; note: string };

/** `updates`: per open incident id, what the team posted, newest first (db/incident-updates.ts reads them so). */
export function statusPage(incidents: readonly Incident[], notice: SystemNotice | null, now: number, updates: ReadonlyMap<string, readonly PostedUpdate[]> = new Map()): StatusPage {
  const open = incidents.filter((i) => i.state === 'open').sort((a, b) => b.createdAt - a.createdAt);
  const since = historySince(now);
  const resolved = incidents
    .filter((i) => i.state === 'resolved' && i.resolvedAt !== null && i.resolvedAt >= since)
    .sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0));
  const openViews: OpenIncidentView[] = open.map((i) => ({
    title: i.title,
    categoryLabel: issueCategoryLabels[i.category],
    state: incidentState(i, notice),
    startedAt: i.createdAt,
    notice: notice !== null && i.noticeId === notice.id ? notice.text : null,
    updates: [...(updates.get(i.id) ?? [])].sort((a, b) => b.at - a.at).map((u) => ({ at: u.at, note: u.note })),
  }));
  return {
    state: worst([noticeState(notice), ...openViews.map((i) => i.state)]),
    notice: notice ? { severity: notice.severity, text: notice.text, postedAt: notice.postedAt } : null,
    components: componentStates(open, notice),
    openIncidents: openViews,
    recentIncidents: resolved.map((i) => ({ title: i.title, startedAt: i.createdAt, resolvedAt: i.resolvedAt ?? i.createdAt, resolutionNote: i.resolutionNote })),
    historyDays: STATUS_HISTORY_DAYS,
    generatedAt: now,
  };
}

/** The incidents whose updates the page shows: the open ones. */
export const openIncidentIds = (incidents: readonly Incident[]): string[] => incidents.filter((i) => i.state === 'open').map((i) => i.id);

/** The earliest resolution the page still lists. */
export const historySince = (now: number): number => now - STATUS_HISTORY_DAYS * DAY_MS;

/** The components an incident touches, by name, for the mail ("What is affected"). */
export function affectedText(category: IssueCategory): string {
  if (category === 'large_scale') return STATUS_COMPONENTS.map((c) => c.name).join(', ');
  return STATUS_COMPONENTS.find((c) => c.category === category)?.name ?? issueCategoryLabels[category];
}
