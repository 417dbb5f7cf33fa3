import { describe, expect, it } from 'vitest';
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
