import { describe, expect, it } from 'vitest';
import {
  addHoliday,
  addInterval,
  closeDay,
  copyToWeekdays,
  draftFromSchedule,
  draftIssues,
  intervalKey,
  isDirty,
  removeHoliday,
  removeInterval,
  scheduleFromDraft,
  setIntervalEdge,
  validateDraft,
} from '../../../../src-renderer/admin/schedule-draft';
import type { Schedule } from '../../../../src-shared/business-hours';

const schedule: Schedule = {
  zone: 'America/New_York',
  weekly: [
    { day: 2, open: '13:00', close: '17:00' },
    { day: 1, open: '09:00', close: '19:00' },
    { day: 2, open: '09:00', close: '12:00' },
  ],
  holidays: ['2026-12-25', '2026-11-26'],
};

describe('schedule draft', () => {
  it('groups intervals by weekday in time order and sorts holidays, and flattens back to the same hours', () => {
    const d = draftFromSchedule(schedule);
    expect(d.week[0]).toEqual([{ open: '09:00', close: '19:00' }]);
    expect(d.week[1]).toEqual([
      { open: '09:00', close: '12:00' },
      { open: '13:00', close: '17:00' },
    ]);
    expect(d.week.slice(2).every((day) => day.length === 0)).toBe(true);
    expect(d.holidays).toEqual(['2026-11-26', '2026-12-25']);
    expect(scheduleFromDraft(d).weekly).toEqual([
      { day: 1, open: '09:00', close: '19:00' },
      { day: 2, open: '09:00', close: '12:00' },
      { day: 2, open: '13:00', close: '17:00' },
    ]);
    expect(isDirty(d, schedule)).toBe(false);
  });

  it('adds 09:00–17:00 on a closed day and the next hours after a day’s last interval, never past midnight', () => {
    let d = draftFromSchedule({ ...schedule, weekly: [{ day: 1, open: '18:00', close: '22:00' }] });
    d = addInterval(d, 2);
    expect(d.week[2]).toEqual([{ open: '09:00', close: '17:00' }]);
    d = addInterval(d, 0);
    expect(d.week[0]?.[1]).toEqual({ open: '22:00', close: '24:00' });
    expect(validateDraft(d).ok).toBe(true);
  });

  it('removes an interval, closes a day and copies Monday to the weekdays', () => {
    let d = draftFromSchedule(schedule);
    d = removeInterval(d, 1, 0);
    expect(d.week[1]).toEqual([{ open: '13:00', close: '17:00' }]);
    d = copyToWeekdays(d, 0);
    expect(d.week.slice(0, 5).every((day) => day.length === 1 && day[0]?.close === '19:00')).toBe(true);
    expect(d.week[5]).toEqual([]);
    d = closeDay(d, 4);
    expect(d.week[4]).toEqual([]);
    expect(isDirty(d, schedule)).toBe(true);
  });

  it('keeps holidays once each and in order', () => {
    let d = draftFromSchedule(schedule);
    d = addHoliday(addHoliday(d, '2026-01-01'), '2026-01-01');
    expect(d.holidays).toEqual(['2026-01-01', '2026-11-26', '2026-12-25']);
    expect(removeHoliday(d, '2026-11-26').holidays).toEqual(['2026-01-01', '2026-12-25']);
  });

  it('puts the shared schema’s messages next to the interval, day or holiday they are about', () => {
    let d = draftFromSchedule(schedule);
    d = setIntervalEdge(d, 1, 1, 'close', '12:30');
    d = setIntervalEdge(d, 0, 0, 'open', '9am');
    d = addHoliday(d, '2026-02-30');
    const r = validateDraft(d);
    if (r.ok) throw new Error('expected issues');
    expect(r.issues[intervalKey(0, 0, 'open')]).toMatch(/HH:mm/);
    // Tuesday 13:00–12:30: close before open, reported on that close field (third weekly entry).
    expect(r.issues[intervalKey(1, 1, 'close')]).toMatch(/before close/);
    expect(Object.keys(r.issues).some((k) => k.startsWith('holidays.'))).toBe(true);
  });

  it('marks the days whose hours overlap when the schema only says that some do', () => {
    const d = setIntervalEdge(draftFromSchedule(schedule), 1, 0, 'close', '14:00');
    const r = validateDraft(d);
    if (r.ok) throw new Error('expected an overlap');
    expect(r.issues.weekly).toMatch(/overlap/);
    expect(r.issues['day.1']).toMatch(/overlap/);
    expect(r.issues['day.0']).toBeUndefined();
  });

  it('maps a server issue path of the flattened schedule back to its field', () => {
    const d = draftFromSchedule(schedule);
    expect(draftIssues(d, [{ path: 'weekly.2.open', message: 'nope' }, { path: 'zone', message: 'unknown IANA time zone' }])).toEqual({
      [intervalKey(1, 1, 'open')]: 'nope',
      zone: 'unknown IANA time zone',
    });
  });
});
