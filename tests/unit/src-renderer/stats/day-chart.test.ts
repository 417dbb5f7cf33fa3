import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { clockLabel, dayChart, ESTIMATE_CAPTION, hourIndexAt, hourRangeLabel, hourSplits } from '../../../../src-renderer/stats/day-chart';
import type { StatsSnapshot } from '../../../../src-shared/console-api';
import type { DashboardStats } from '../../../../src-shared/stats';

const HOUR = 3_600_000;
// 2023-11-15 00:00 in New York (EST, no DST change that day).
const dayStart = Date.UTC(2023, 10, 15, 5, 0);
const NY = 'America/New_York';
const stats = (hourly: DashboardStats['hourly'], generatedAt: number): DashboardStats => ({ dayStart, generatedAt, departments: [], specialists: [], hourly });
const snapshot = (hourly: DashboardStats['hourly'], live = true, generatedAt = dayStart + 3 * HOUR): StatsSnapshot => ({
  stats: stats(hourly, generatedAt),
  fetchedAt: generatedAt,
  live,
});
const estimate = [
  { at: dayStart, waiting: 0, inProgress: 0 },
  { at: dayStart + HOUR / 2, waiting: 2, inProgress: 1 },
];

describe('the zone that labels the server hours', () => {
  it('is the server reporting zone when the stats name it, else the console zone', () => {
    const berlinMidnight = Date.UTC(2023, 10, 14, 23, 0);
    const named: StatsSnapshot = {
      stats: { dayStart: berlinMidnight, timeZone: 'Europe/Berlin', generatedAt: berlinMidnight + 2 * HOUR, departments: [], specialists: [], hourly: [{ hourStart: berlinMidnight, queued: 1, assigned: 1, waitingAtEnd: 0 }] },
      fetchedAt: berlinMidnight + 2 * HOUR,
      live: true,
    };
    const chart = dayChart(named, [], 0, NY);
    expect(chart.timeZone).toBe('Europe/Berlin');
    expect(clockLabel(chart.origin, chart.timeZone, chart.barStarts[0] ?? -1)).toBe('00:00');
    const { timeZone: _dropped, ...olderServer } = named.stats;
    expect(dayChart({ ...named, stats: olderServer }, [], 0, NY).timeZone).toBe(NY);
  });
});

describe('dayChart from the server hourly buckets', () => {
  const hourly = [
    { hourStart: dayStart + HOUR, queued: 4, assigned: 3, waitingAtEnd: 1 },
    { hourStart: dayStart, queued: 2, assigned: 2, waitingAtEnd: 0 },
    { hourStart: dayStart + 2 * HOUR, queued: 5, assigned: 6, waitingAtEnd: 0 },
  ];
  const chart = dayChart(snapshot(hourly), estimate, dayStart, NY);

  it('uses the server series, not the local estimate, whenever a snapshot exists', () => {
    expect(chart.source).toBe('server');
    expect(chart.series.map((s) => s.label)).toEqual(['Queued in the hour', 'Assigned in the hour', 'Waiting at the end of the hour']);
  });

  it('orders hours by start and places each at its end, where the waiting count is taken', () => {
    expect(chart.xs).toEqual([1, 2, 3]);
    expect(chart.barStarts).toEqual([0, 1, 2]);
    expect(chart.xMax).toBe(3);
    expect(chart.series[0]?.values).toEqual([2, 4, 5]);
    expect(chart.series[1]?.values).toEqual([2, 3, 6]);
    expect(chart.series[2]?.values).toEqual([0, 1, 0]);
  });

  it('puts the current hour\'s waiting point at the server\'s now and keeps the axis to the hour\'s end', () => {
    const midHour = dayChart(snapshot(hourly, true, dayStart + 2.5 * HOUR), estimate, dayStart, NY);
    expect(midHour.xs).toEqual([1, 2, 2.5]);
    expect(midHour.barStarts).toEqual([0, 1, 2]);
    expect(midHour.xMax).toBe(3);
  });

  it('draws queued and assigned as side-by-side bars and waiting as a line', () => {
    expect(chart.series.map((s) => s.style)).toEqual(['bar-left', 'bar-right', 'line']);
  });

  it('labels both axes and totals the day for screen readers', () => {
    expect(chart.xLabel).toBe('Hour of the day (America/New York)');
    expect(chart.yLabel).toBe('Chats');
    expect(chart.ariaLabel).toContain('11 queued, 11 assigned');
  });

  it('says it is live when the snapshot is live', () => {
    expect(chart.caption).toBe('Per hour since midnight (server time), live from the server');
  });

  it('keeps the cached server series offline and says from when', () => {
    const offline = dayChart(snapshot(hourly, false), estimate, dayStart, NY);
    expect(offline.source).toBe('server');
    expect(offline.caption).toMatch(/^Per hour since midnight \(server time\) — offline, server figures from \d\d:\d\d$/);
  });

  it('still spans one hour when the server has no buckets yet', () => {
    const empty = dayChart(snapshot([]), estimate, dayStart, NY);
    expect(empty.xs).toEqual([]);
    expect(empty.xMax).toBe(1);
    expect(empty.series.every((s) => s.values.length === 0)).toBe(true);
  });
});

describe('dayChart offline fallback', () => {
  const chart = dayChart(null, estimate, dayStart, NY);

  it('falls back to the local 5-minute estimate only without any server snapshot, and says so', () => {
    expect(chart.source).toBe('estimate');
    expect(chart.caption).toBe(ESTIMATE_CAPTION);
    expect(chart.caption).toBe("Estimated from this console's cache — offline");
  });

  it('maps sample times to hours since the local midnight as stepped lines', () => {
    expect(chart.xs).toEqual([0, 0.5]);
    expect(chart.barStarts).toEqual([]);
    expect(chart.xMax).toBe(1);
    expect(chart.series.map((s) => [s.label, s.style, s.values])).toEqual([
      ['Waiting (estimate)', 'step', [0, 2]],
      ['In progress (estimate)', 'step', [0, 1]],
    ]);
  });
});

describe('hour axis labels', () => {
  it('labels ticks as the clock hour', () => {
    expect(clockLabel(dayStart, NY, 0)).toBe('00:00');
    expect(clockLabel(dayStart, NY, 13)).toBe('13:00');
    expect(clockLabel(dayStart, NY, 24)).toBe('00:00');
  });

  it('shows fractional hours as clock time in the legend', () => {
    expect(clockLabel(dayStart, NY, 9.5)).toBe('09:30');
    expect(clockLabel(dayStart, NY, 14 + 5 / 60)).toBe('14:05');
  });

  it('reads the hours on the wall clock of the zone it is given', () => {
    expect(clockLabel(dayStart, 'Europe/Berlin', 0)).toBe('06:00');
    expect(clockLabel(dayStart, 'UTC', 1)).toBe('06:00');
  });

  it('puts a tick on every hour for short days and thins them for long ones', () => {
    expect(hourSplits(0.2)).toEqual([0, 1]);
    expect(hourSplits(3)).toEqual([0, 1, 2, 3]);
    expect(hourSplits(20)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(hourSplits(24)).toHaveLength(13);
  });
});

describe('hovering the server chart', () => {
  const barStarts = [0, 1, 2];

  it('picks the hour whose bars are under the cursor, including its left half', () => {
    expect(hourIndexAt(barStarts, 1.2)).toBe(1);
    expect(hourIndexAt(barStarts, 1.99)).toBe(1);
    expect(hourIndexAt(barStarts, 2)).toBe(2);
  });

  it('picks no hour outside the buckets', () => {
    expect(hourIndexAt(barStarts, 3.5)).toBeNull();
    expect(hourIndexAt([], 0.5)).toBeNull();
  });

  it('names the hour as a range, ending at now for the current hour', () => {
    const chart = { origin: dayStart, timeZone: NY, barStarts, xs: [1, 2, 2.5] };
    expect(hourRangeLabel(chart, 2)).toBe('01:00–02:00');
    expect(hourRangeLabel(chart, 2.5)).toBe('02:00–02:30');
  });
});

/** A whole DST day of the server's buckets (one per elapsed hour from local midnight), as stats:get sends them. */
function dstDay(date: string, zone: string) {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  const end = start.plus({ days: 1 });
  const hours = end.diff(start, 'hours').hours;
  const hourly = Array.from({ length: hours }, (_, i) => ({ hourStart: start.toMillis() + i * HOUR, queued: 1, assigned: 1, waitingAtEnd: 0 }));
  const snap: StatsSnapshot = { stats: { dayStart: start.toMillis(), generatedAt: end.toMillis(), departments: [], specialists: [], hourly }, fetchedAt: end.toMillis(), live: true };
  const chart = dayChart(snap, [], start.toMillis(), zone);
  return { hours, chart, labels: chart.barStarts.map((h) => clockLabel(chart.origin, chart.timeZone, h)) };
}

const everyHourBut = (skip: number) => Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`).filter((_, h) => h !== skip);

describe('hour labels on DST days', () => {
  it('New York spring forward (23 hours): 01:00 is followed by 03:00 and the day still ends at 23:00', () => {
    const { hours, labels, chart } = dstDay('2026-03-08', NY);
    expect(hours).toBe(23);
    expect(labels).toEqual(everyHourBut(2));
    expect(hourRangeLabel(chart, chart.xs[1]!)).toBe('01:00–03:00');
    expect(hourRangeLabel(chart, chart.xs[22]!)).toBe('23:00–00:00');
  });

  it('New York fall back (25 hours): the repeated 01:00 is named twice, once per offset', () => {
    const { hours, labels, chart } = dstDay('2026-11-01', NY);
    expect(hours).toBe(25);
    expect(labels.slice(0, 4)).toEqual(['00:00', '01:00 EDT', '01:00 EST', '02:00']);
    expect(labels.slice(3)).toEqual(everyHourBut(-1).slice(2));
    expect(hourRangeLabel(chart, chart.xs[1]!)).toBe('01:00 EDT–01:00 EST');
    expect(hourRangeLabel(chart, chart.xs[24]!)).toBe('23:00–00:00');
  });

  it('Berlin spring forward (23 hours): 02:00 does not exist', () => {
    const { hours, labels } = dstDay('2026-03-29', 'Europe/Berlin');
    expect(hours).toBe(23);
    expect(labels).toEqual(everyHourBut(2));
  });

  it('Berlin fall back (25 hours): 02:00 comes twice, CEST then CET', () => {
    const { hours, labels } = dstDay('2026-10-25', 'Europe/Berlin');
    expect(hours).toBe(25);
    expect(labels.slice(0, 5)).toEqual(['00:00', '01:00', '02:00 GMT+2', '02:00 GMT+1', '03:00']);
    expect(labels.at(-1)).toBe('23:00');
  });

  it('axis ticks after the change carry the real hour', () => {
    const { chart } = dstDay('2026-03-08', NY);
    expect(hourSplits(chart.xMax).map((h) => clockLabel(chart.origin, chart.timeZone, h)).slice(0, 3)).toEqual(['00:00', '03:00', '05:00']);
  });
});
