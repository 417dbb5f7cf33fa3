import { describe, expect, it } from 'vitest';
import { formatLocalDate, formatPeriod, previewOpenings } from '../../../../src-renderer/admin/openings-preview';
import type { Schedule } from '../../../../src-shared/business-hours';

const weekdays: Schedule = {
  zone: 'America/New_York',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '19:00' })),
  holidays: ['2026-11-26'],
};
/** Wednesday 25 Nov 2026, 20:00 in New York (closed; Thursday is Thanksgiving). */
const WED_EVENING = Date.UTC(2026, 10, 26, 1, 0);

describe('previewOpenings', () => {
  it('lists the next openings in the department’s zone and the viewer’s, skipping holidays', () => {
    const rows = previewOpenings(weekdays, WED_EVENING, 3, 'Europe/London');
    expect(rows.map((r) => r.inZone)).toEqual(['Fri 27 Nov 09:00 – 19:00', 'Mon 30 Nov 09:00 – 19:00', 'Tue 1 Dec 09:00 – 19:00']);
    // 19:00 in New York is midnight in London, written as the end of that day.
    expect(rows.map((r) => r.inViewer)).toEqual(['Fri 27 Nov 14:00 – 24:00', 'Mon 30 Nov 14:00 – 24:00', 'Tue 1 Dec 14:00 – 24:00']);
    expect(rows.every((r) => !r.current)).toBe(true);
  });

  it('starts with the current period, marked, when open now, and leaves the viewer column out in the same zone', () => {
    const fridayNoon = Date.UTC(2026, 10, 27, 17, 0);
    const rows = previewOpenings(weekdays, fridayNoon, 2, 'America/New_York');
    expect(rows[0]).toMatchObject({ current: true, start: fridayNoon, inZone: 'Fri 27 Nov 12:00 – 19:00', inViewer: null });
    expect(rows).toHaveLength(2);
  });

  it('follows daylight saving: the same 09:00 opening is 14:00 then 13:00 in London around the US change', () => {
    const rows = previewOpenings(weekdays, Date.UTC(2026, 2, 6, 12, 0), 6, 'Europe/London');
    const london = rows.map((r) => r.inViewer ?? '');
    expect(london[0]).toContain('Fri 6 Mar 14:00');
    expect(london[1]).toContain('Mon 9 Mar 13:00');
  });

  it('is empty for a schedule that never opens', () => {
    expect(previewOpenings({ ...weekdays, weekly: [] }, WED_EVENING, 5, 'Europe/London')).toEqual([]);
  });
});

describe('formatPeriod', () => {
  it('names both dates when a period crosses midnight', () => {
    expect(formatPeriod(Date.UTC(2026, 10, 27, 22, 0), Date.UTC(2026, 10, 28, 2, 0), 'UTC')).toBe('Fri 27 Nov 22:00 – Sat 28 Nov 02:00');
    expect(formatPeriod(Date.UTC(2026, 10, 27, 22, 0), null, 'UTC')).toBe('Fri 27 Nov 22:00 – no closing in sight');
  });
});

describe('formatLocalDate', () => {
  it('reads a holiday as the calendar date it names', () => {
    expect(formatLocalDate('2026-12-25')).toBe('Fri 25 Dec 2026');
  });
});
