import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { dayStart, hourlyBuckets } from '../../../../src-server/stats/day-window';

const H = 3_600_000;

describe('dayStart', () => {
  it('is midnight in the reporting zone, across a DST change', () => {
    expect(dayStart(Date.UTC(2026, 10, 18, 15, 0), 'America/New_York')).toBe(Date.UTC(2026, 10, 18, 5, 0));
    // 1 Nov 2026: clocks go back at 2:00 EDT, so that day started at 04:00 UTC.
    expect(dayStart(Date.UTC(2026, 10, 1, 20, 0), 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 4, 0));
    // Before New York's midnight it is still the previous day there.
    expect(dayStart(Date.UTC(2026, 10, 18, 3, 0), 'America/New_York')).toBe(Date.UTC(2026, 10, 17, 5, 0));
  });
});

describe('hourlyBuckets', () => {
  it('has one bucket per started hour, the last one ending now', () => {
    const from = 0;
    const spans = [
      { queuedAt: 10, assignedAt: H + 10, endedAt: null },
      { queuedAt: H + 20, assignedAt: null, endedAt: null },
      { queuedAt: 2 * H + 5, assignedAt: null, endedAt: 2 * H + 50 },
    ];
    expect(hourlyBuckets(spans, from, 2 * H + 100)).toEqual([
      { hourStart: 0, queued: 1, assigned: 0, waitingAtEnd: 1 },
      { hourStart: H, queued: 1, assigned: 1, waitingAtEnd: 1 },
      { hourStart: 2 * H, queued: 1, assigned: 0, waitingAtEnd: 1 },
    ]);
    expect(hourlyBuckets(spans, from, from)).toEqual([]);
  });
});

describe('hourlyBuckets on DST days', () => {
  // The buckets step by elapsed hours from local midnight; each must start on a local hour, and a whole day has
  // 23 or 25 of them, so the console can label each one with its own wall-clock hour.
  const wholeDay = (date: string, zone: string) => {
    const from = DateTime.fromISO(date, { zone }).startOf('day');
    const buckets = hourlyBuckets([], from.toMillis(), from.plus({ days: 1 }).toMillis());
    return buckets.map((b) => DateTime.fromMillis(b.hourStart, { zone }).toFormat('HH:mm ZZZZ'));
  };

  it('New York: 23 local hours in spring (no 02:00) and 25 in autumn (01:00 twice)', () => {
    const spring = wholeDay('2026-03-08', 'America/New_York');
    expect(spring).toHaveLength(23);
    expect(spring.slice(0, 3)).toEqual(['00:00 EST', '01:00 EST', '03:00 EDT']);
    const autumn = wholeDay('2026-11-01', 'America/New_York');
    expect(autumn).toHaveLength(25);
    expect(autumn.slice(0, 4)).toEqual(['00:00 EDT', '01:00 EDT', '01:00 EST', '02:00 EST']);
    expect(autumn.at(-1)).toBe('23:00 EST');
  });

  it('Berlin: 23 local hours in spring (no 02:00) and 25 in autumn (02:00 twice)', () => {
    const spring = wholeDay('2026-03-29', 'Europe/Berlin');
    expect(spring).toHaveLength(23);
    expect(spring.slice(1, 3).map((l) => l.slice(0, 5))).toEqual(['01:00', '03:00']);
    const autumn = wholeDay('2026-10-25', 'Europe/Berlin');
    expect(autumn).toHaveLength(25);
    expect(autumn.slice(2, 4).map((l) => l.slice(0, 5))).toEqual(['02:00', '02:00']);
  });
});
