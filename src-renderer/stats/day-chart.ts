// Shapes the dashboard's "Over the day" chart: the server's hourly buckets whenever the console holds them,
// this console's 5-minute estimate only as the offline fallback. Pure; x is in elapsed hours since the day's
// start, and every label is the wall clock of that instant read in a named zone — never `x % 24`, which on a
// DST day (23 or 25 hours long) names every hour after the change wrongly.
import type { StatsSnapshot } from '../../src-shared/console-api';
import type { TimelinePoint } from './dashboard-stats';
import { formatClock } from '../format/time';

const HOUR = 3_600_000;

/** How a series is drawn: side-by-side bars filling their hour (left/right half), a line with points, or steps. */
export type DaySeriesStyle = 'bar-left' | 'bar-right' | 'line' | 'step';
/** Colour role, mapped to a theme CSS variable by the chart component. */
export type DaySeriesTone = 'queued' | 'assigned' | 'waiting' | 'inProgress';

export type DaySeries = { label: string; style: DaySeriesStyle; tone: DaySeriesTone; values: number[] };

export type DayChart = {
  source: 'server' | 'estimate';
  /** Shown under the chart heading: where the figures come from. */
  caption: string;
  /** Hours since the day's start. Server: each x is where "waiting" was counted: the hour's end, or the server's now for the current hour. */
  xs: number[];
  /** Server only: start of each x's hour (bars span that hour); empty for the estimate. */
  barStarts: number[];
  /** The instant at x = 0: the day's start (the server's midnight, or this console's for the estimate). */
  origin: number;
  /** IANA zone whose wall clock labels the hours (clockLabel). */
  timeZone: string;
  /** Right end of the x axis in hours (at least one hour, so an empty day still draws axes). */
  xMax: number;
  xLabel: string;
  /** Legend name of the x value under the cursor. */
  xLegend: string;
  yLabel: string;
  series: DaySeries[];
  /** Accessible summary for the chart's img role. */
  ariaLabel: string;
};

export const ESTIMATE_CAPTION = "Estimated from this console's cache — offline";

const clockFormats = new Map<string, { clock: Intl.DateTimeFormat; zoneName: Intl.DateTimeFormat }>();
function formatsFor(timeZone: string) {
  let f = clockFormats.get(timeZone);
  if (!f) {
    f = {
      clock: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      zoneName: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }),
    };
    clockFormats.set(timeZone, f);
  }
  return f;
}

/** The console's own IANA zone, the one its clock shows. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "HH:MM" of the instant `at` on the wall clock of `timeZone`. */
export function wallClock(at: number, timeZone: string): string {
  return formatsFor(timeZone).clock.format(at);
}

function zoneAbbreviation(at: number, timeZone: string): string {
  return formatsFor(timeZone).zoneName.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * The clock time `x` hours after `origin` in `timeZone`, e.g. "13:00". The hour a DST change repeats (01:00 twice
 * in New York on the first Sunday of November) carries its zone name, "01:00 EDT" then "01:00 EST", so the
 * two are told apart; the hour it skips simply never appears (01:00 is followed by 03:00).
 */
export function clockLabel(origin: number, timeZone: string, x: number): string {
  const at = origin + Math.round(x * 60) * 60_000;
  const label = wallClock(at, timeZone);
  const repeated = wallClock(at - HOUR, timeZone) === label || wallClock(at + HOUR, timeZone) === label;
  return repeated ? `${label} ${zoneAbbreviation(at, timeZone)}` : label;
}

/**
 * Which server hour the cursor at `x` is over (its bars fill that hour), or null when outside every hour; the
 * chart's hover uses this instead of the nearest point, which would pick the previous hour over the left half.
 */
export function hourIndexAt(barStarts: readonly number[], x: number): number | null {
  const i = barStarts.findIndex((start) => x >= start && x < start + 1);
  return i === -1 ? null : i;
}

/** Legend text for the server point at `x` (an hour's end, or now for the current hour): "09:00–10:00". */
export function hourRangeLabel(chart: Pick<DayChart, 'origin' | 'timeZone' | 'barStarts' | 'xs'>, x: number): string {
  const label = (h: number) => clockLabel(chart.origin, chart.timeZone, h);
  const start = chart.barStarts[chart.xs.indexOf(x)];
  return start === undefined ? label(x) : `${label(start)}–${label(x)}`;
}

/** Integer-hour tick positions across [0, xMax], thinned so at most ~12 labels fit. */
export function hourSplits(xMax: number): number[] {
  const end = Math.max(1, Math.ceil(xMax));
  const step = end <= 12 ? 1 : end <= 24 ? 2 : 3;
  const splits: number[] = [];
  for (let h = 0; h <= end; h += step) splits.push(h);
  return splits;
}

/** "America/New_York" → "America/New York", for the axis title. */
const zoneTitle = (timeZone: string) => timeZone.replace(/_/g, ' ');

function serverChart(server: StatsSnapshot, timeZone: string): DayChart {
  const { dayStart, hourly, generatedAt } = server.stats;
  const rows = [...hourly].sort((a, b) => a.hourStart - b.hourStart);
  const barStarts = rows.map((r) => (r.hourStart - dayStart) / HOUR);
  // The current hour's "waiting at end" is taken at generation time, so its point sits there, not at the hour's end.
  const xs = rows.map((r) => (Math.min(r.hourStart + HOUR, Math.max(r.hourStart, generatedAt)) - dayStart) / HOUR);
  const last = barStarts[barStarts.length - 1];
  const totalQueued = rows.reduce((a, r) => a + r.queued, 0);
  const totalAssigned = rows.reduce((a, r) => a + r.assigned, 0);
  return {
    source: 'server',
    caption: server.live
      ? 'Per hour since midnight (server time), live from the server'
      : `Per hour since midnight (server time) — offline, server figures from ${formatClock(server.fetchedAt)}`,
    xs,
    barStarts,
    origin: dayStart,
    timeZone,
    xMax: last === undefined ? 1 : last + 1,
    xLabel: `Hour of the day (${zoneTitle(timeZone)})`,
    xLegend: 'Hour',
    yLabel: 'Chats',
    series: [
      { label: 'Queued in the hour', style: 'bar-left', tone: 'queued', values: rows.map((r) => r.queued) },
      { label: 'Assigned in the hour', style: 'bar-right', tone: 'assigned', values: rows.map((r) => r.assigned) },
      { label: 'Waiting at the end of the hour', style: 'line', tone: 'waiting', values: rows.map((r) => r.waitingAtEnd) },
    ],
    ariaLabel: `Chats per hour today: ${totalQueued} queued, ${totalAssigned} assigned; ${rows.length} hours`,
  };
}

function estimateChart(points: readonly TimelinePoint[], dayStart: number, timeZone: string): DayChart {
  const xs = points.map((p) => (p.at - dayStart) / HOUR);
  const last = xs[xs.length - 1];
  return {
    source: 'estimate',
    caption: ESTIMATE_CAPTION,
    xs,
    barStarts: [],
    origin: dayStart,
    timeZone,
    xMax: last === undefined ? 1 : Math.max(1, last),
    xLabel: `Hour of the day (this computer, ${zoneTitle(timeZone)})`,
    xLegend: 'At',
    yLabel: 'Chats',
    series: [
      { label: 'Waiting (estimate)', style: 'step', tone: 'waiting', values: points.map((p) => p.waiting) },
      { label: 'In progress (estimate)', style: 'step', tone: 'inProgress', values: points.map((p) => p.inProgress) },
    ],
    ariaLabel: 'Waiting and in-progress chats over the day, estimated from this console while offline',
  };
}

/**
 * The server's hourly series whenever a snapshot exists (even a cached one while offline, labelled so);
 * the local estimate only when the console has never heard from the server. The server's hours are labelled on the
 * wall clock of its reporting zone, where its day starts at midnight; a server too old to say which zone falls back
 * to `timeZone` (the console's own), as does the estimate.
 */
export function dayChart(server: StatsSnapshot | null, estimate: readonly TimelinePoint[], localDayStart: number, timeZone: string = localTimeZone()): DayChart {
  return server ? serverChart(server, server.stats.timeZone ?? timeZone) : estimateChart(estimate, localDayStart, timeZone);
}
