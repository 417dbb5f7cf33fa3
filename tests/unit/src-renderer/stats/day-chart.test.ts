import { describe, expect, it } from 'vitest';
import { dayChart, ESTIMATE_CAPTION, hourClockLabel, hourIndexAt, hourRangeLabel, hourSplits, hourTickLabel } from '../../../../src-renderer/stats/day-chart';
import type { StatsSnapshot } from '../../../../src-shared/console-api';
import type { DashboardStats } from '../../../../src-shared/stats';

const HOUR = 3_600_000;
const dayStart = 1_700_000_000_000;
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

describe('dayChart from the server hourly buckets', () => {
  const hourly = [
    { hourStart: dayStart + HOUR, queued: 4, assigned: 3, waitingAtEnd: 1 },
    { hourStart: dayStart, queued: 2, assigned: 2, waitingAtEnd: 0 },
    { hourStart: dayStart + 2 * HOUR, queued: 5, assigned: 6, waitingAtEnd: 0 },
  ];
  const chart = dayChart(snapshot(hourly), estimate, dayStart);

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
    const midHour = dayChart(snapshot(hourly, true, dayStart + 2.5 * HOUR), estimate, dayStart);
    expect(midHour.xs).toEqual([1, 2, 2.5]);
    expect(midHour.barStarts).toEqual([0, 1, 2]);
    expect(midHour.xMax).toBe(3);
  });

  it('draws queued and assigned as side-by-side bars and waiting as a line', () => {
    expect(chart.series.map((s) => s.style)).toEqual(['bar-left', 'bar-right', 'line']);
  });

  it('labels both axes and totals the day for screen readers', () => {
    expect(chart.xLabel).toBe('Hour of the day (server time)');
    expect(chart.yLabel).toBe('Chats');
    expect(chart.ariaLabel).toContain('11 queued, 11 assigned');
  });

  it('says it is live when the snapshot is live', () => {
    expect(chart.caption).toBe('Per hour since midnight (server time), live from the server');
  });

  it('keeps the cached server series offline and says from when', () => {
    const offline = dayChart(snapshot(hourly, false), estimate, dayStart);
    expect(offline.source).toBe('server');
    expect(offline.caption).toMatch(/^Per hour since midnight \(server time\) — offline, server figures from \d\d:\d\d$/);
  });

  it('still spans one hour when the server has no buckets yet', () => {
    const empty = dayChart(snapshot([]), estimate, dayStart);
    expect(empty.xs).toEqual([]);
    expect(empty.xMax).toBe(1);
    expect(empty.series.every((s) => s.values.length === 0)).toBe(true);
  });
});

describe('dayChart offline fallback', () => {
  const chart = dayChart(null, estimate, dayStart);

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
    expect(hourTickLabel(0)).toBe('00:00');
    expect(hourTickLabel(13)).toBe('13:00');
    expect(hourTickLabel(24)).toBe('00:00');
  });

  it('shows fractional hours as clock time in the legend', () => {
    expect(hourClockLabel(9.5)).toBe('09:30');
    expect(hourClockLabel(14 + 5 / 60)).toBe('14:05');
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
    expect(hourRangeLabel(barStarts, [1, 2, 2.5], 2)).toBe('01:00–02:00');
    expect(hourRangeLabel(barStarts, [1, 2, 2.5], 2.5)).toBe('02:00–02:30');
  });
});
