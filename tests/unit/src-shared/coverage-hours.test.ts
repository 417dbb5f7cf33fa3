import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../src-shared/business-hours';
import { coverageWeek } from '../../../src-shared/coverage-hours';

const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const newYork = (holidays: string[] = []): Schedule => ({ zone: 'America/New_York', weekly: weekdays('09:00', '19:00'), holidays });

/** ICU puts a narrow no-break space before AM/PM in newer versions; the tests read plain spaces. */
const plain = (week: ReturnType<typeof coverageWeek>) => JSON.parse(JSON.stringify(week).replace(/\\u202f|\u202f|\u00a0/g, ' ')) as typeof week;

// Wednesday 14 January 2026, 12:00 UTC: winter on both sides of the Atlantic.
const WED_JAN_14 = Date.UTC(2026, 0, 14, 12);

describe('coverageWeek', () => {
  it('reads New York 9 am–7 pm from London as 2 PM to midnight, Mon–Fri, naming the zone', () => {
    const week = plain(coverageWeek(newYork(), WED_JAN_14, 'Europe/London', 'en-US'));
    expect(week.groups).toEqual([{ days: 'Mon–Fri', hours: ['2:00 PM – midnight'] }]);
    expect(week.zone).toBe('Europe/London');
    expect(week.zoneName).toBe('Greenwich Mean Time');
    expect(week.holidays).toEqual([]);
  });

  it('reads New York hours from Tokyo as one night that crosses the reader’s midnight, under the day it starts', () => {
    const week = plain(coverageWeek(newYork(), WED_JAN_14, 'Asia/Tokyo', 'en-US'));
    // 9:00 EST = 23:00 JST the same day; 19:00 EST = 09:00 JST the next day.
    expect(week.groups).toEqual([{ days: 'Mon–Fri', hours: ['11:00 PM – 9:00 AM next day'] }]);
    expect(week.zoneName).toBe('Japan Standard Time');
  });

  it('shows the week New York moves to daylight time before London does: an hour earlier from that Monday', () => {
    // Thursday 5 March 2026 in London; New York springs forward on Sunday 8 March, London only on 29 March.
    const week = plain(coverageWeek(newYork(), Date.UTC(2026, 2, 5, 12), 'Europe/London', 'en-US'));
    expect(week.groups).toEqual([
      { days: 'Mon–Wed', hours: ['1:00 PM – 11:00 PM'] },
      { days: 'Thu–Fri', hours: ['2:00 PM – midnight'] },
    ]);
  });

  it('leaves out a holiday in the coming week and names it; holidays outside the week are not listed', () => {
    // Monday 19 January 2026 falls in the week from Wednesday 14th; 25 December does not.
    const week = plain(coverageWeek(newYork(['2026-01-19', '2026-12-25']), WED_JAN_14, 'America/New_York', 'en-US'));
    expect(week.groups).toEqual([{ days: 'Tue–Fri', hours: ['9:00 AM – 7:00 PM'] }]);
    expect(week.holidays).toEqual([{ date: '2026-01-19', label: 'Mon, Jan 19' }]);
  });

  it('tells whether the department is open at the instant', () => {
    expect(coverageWeek(newYork(), Date.UTC(2026, 0, 14, 15), 'Asia/Tokyo').openNow).toBe(true);
    expect(coverageWeek(newYork(), Date.UTC(2026, 0, 14, 12), 'Asia/Tokyo').openNow).toBe(false);
    // Saturday: no hours at all.
    expect(coverageWeek(newYork(), Date.UTC(2026, 0, 17, 15), 'Asia/Tokyo').openNow).toBe(false);
  });

  it('joins a night shift split at the department’s midnight into one interval', () => {
    const schedule: Schedule = {
      zone: 'Europe/Berlin',
      weekly: [
        { day: 5, open: '22:00', close: '24:00' },
        { day: 6, open: '00:00', close: '06:00' },
      ],
      holidays: [],
    };
    const week = plain(coverageWeek(schedule, WED_JAN_14, 'Europe/Berlin', 'en-US'));
    expect(week.groups).toEqual([{ days: 'Fri', hours: ['10:00 PM – 6:00 AM next day'] }]);
  });

  it('reads a department open around the clock as 24 hours every day, whatever the reader’s zone', () => {
    const schedule: Schedule = { zone: 'UTC', weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '24:00' })), holidays: [] };
    const week = plain(coverageWeek(schedule, WED_JAN_14, 'Asia/Kolkata', 'en-US'));
    expect(week.groups).toEqual([{ days: 'Mon–Sun', hours: ['24 hours'] }]);
  });

  it('is empty for a department without hours', () => {
    const week = coverageWeek({ zone: 'UTC', weekly: [], holidays: [] }, WED_JAN_14, 'Europe/London', 'en-US');
    expect(week.groups).toEqual([]);
    expect(week.openNow).toBe(false);
  });
});
