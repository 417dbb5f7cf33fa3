// Shapes the dashboard's "Over the day" chart: the server's hourly buckets whenever the console holds them,
// this console's 5-minute estimate only as the offline fallback. Pure; x is in hours since the day's start.
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

/** Tick label for `h` hours after midnight, e.g. 13 → "13:00". */
export function hourTickLabel(h: number): string {
  const whole = Math.floor(h);
  return `${String(((whole % 24) + 24) % 24).padStart(2, '0')}:00`;
}

/** Clock time `h` hours after midnight, e.g. 9.5 → "09:30". */
export function hourClockLabel(h: number): string {
  const minutes = Math.round(h * 60);
  const hh = ((Math.floor(minutes / 60) % 24) + 24) % 24;
  return `${String(hh).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
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
export function hourRangeLabel(barStarts: readonly number[], xs: readonly number[], x: number): string {
  const i = xs.indexOf(x);
  const start = barStarts[i];
  return start === undefined ? hourClockLabel(x) : `${hourClockLabel(start)}–${hourClockLabel(x)}`;
}

/** Integer-hour tick positions across [0, xMax], thinned so at most ~12 labels fit. */
export function hourSplits(xMax: number): number[] {
  const end = Math.max(1, Math.ceil(xMax));
  const step = end <= 12 ? 1 : end <= 24 ? 2 : 3;
  const splits: number[] = [];
  for (let h = 0; h <= end; h += step) splits.push(h);
  return splits;
}

function serverChart(server: StatsSnapshot): DayChart {
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
    xMax: last === undefined ? 1 : last + 1,
    xLabel: 'Hour of the day (server time)',
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

function estimateChart(points: readonly TimelinePoint[], dayStart: number): DayChart {
  const xs = points.map((p) => (p.at - dayStart) / HOUR);
  const last = xs[xs.length - 1];
  return {
    source: 'estimate',
    caption: ESTIMATE_CAPTION,
    xs,
    barStarts: [],
    xMax: last === undefined ? 1 : Math.max(1, last),
    xLabel: 'Hour of the day (this computer)',
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
 * the local estimate only when the console has never heard from the server.
 */
export function dayChart(server: StatsSnapshot | null, estimate: readonly TimelinePoint[], localDayStart: number): DayChart {
  return server ? serverChart(server) : estimateChart(estimate, localDayStart);
}
