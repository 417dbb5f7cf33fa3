// The hours editor's working copy of a schedule: intervals grouped by weekday (as people read hours), holidays
// sorted, and the way back to the wire shape, checked with the shared scheduleSchema before anything is sent.
// Pure: the editor keeps a draft in state and calls these to change it.
import { scheduleSchema, type Schedule } from '../../src-shared/business-hours';
import type { FieldIssues } from './field-issues';

export type Interval = { open: string; close: string };
export interface ScheduleDraft {
  zone: string;
  /** Monday (index 0) … Sunday (index 6); an empty day is closed. */
  week: Interval[][];
  holidays: string[];
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function draftFromSchedule(s: Schedule): ScheduleDraft {
  const week: Interval[][] = WEEKDAYS.map(() => []);
  for (const h of s.weekly) week[h.day - 1]?.push({ open: h.open, close: h.close });
  for (const day of week) day.sort((a, b) => a.open.localeCompare(b.open));
  return { zone: s.zone, week, holidays: [...s.holidays].sort() };
}

/** The wire shape; weekly entries in day order, so `weekly.N` in a validation issue maps back through `slotOf`. */
export function scheduleFromDraft(d: ScheduleDraft): Schedule {
  return {
    zone: d.zone,
    weekly: d.week.flatMap((day, i) => day.map((h) => ({ day: i + 1, open: h.open.trim(), close: h.close.trim() }))),
    holidays: d.holidays,
  };
}

/** Which weekday and interval the N-th weekly entry of `scheduleFromDraft` came from. */
function slotOf(d: ScheduleDraft, index: number): { day: number; slot: number } | null {
  let n = index;
  for (let day = 0; day < d.week.length; day++) {
    const count = d.week[day]?.length ?? 0;
    if (n < count) return { day, slot: n };
    n -= count;
  }
  return null;
}

/** Editor field keys: `zone`, `weekly` (the whole week), `day.D` (a weekday), `day.D.I.open|close`, `holidays.N`. */
export const intervalKey = (day: number, slot: number, edge: 'open' | 'close') => `day.${day}.${slot}.${edge}`;

/**
 * Issues of a schedule (the zod messages of `scheduleSchema`, or the server's with its prefix stripped) keyed by
 * the editor field they belong to, so each shows next to its input.
 */
export function draftIssues(d: ScheduleDraft, issues: readonly { path: string; message: string }[]): FieldIssues {
  const out: FieldIssues = {};
  const put = (key: string, message: string) => {
    if (!(key in out)) out[key] = message;
  };
  for (const issue of issues) {
    const m = /^weekly\.(\d+)(?:\.(open|close|day))?/.exec(issue.path);
    const slot = m ? slotOf(d, Number(m[1])) : null;
    if (m && slot) put(m[2] === 'open' || m[2] === 'close' ? intervalKey(slot.day, slot.slot, m[2]) : `day.${slot.day}`, issue.message);
    else if (issue.path === 'weekly') {
      put('weekly', issue.message);
      for (const day of overlappingDays(d)) put(`day.${day}`, issue.message);
    } else put(issue.path === '' ? 'schedule' : issue.path, issue.message);
  }
  return out;
}

/** Checks the draft with the shared schema: the schedule to send, or the issues to show. */
export function validateDraft(d: ScheduleDraft): { ok: true; schedule: Schedule } | { ok: false; issues: FieldIssues } {
  const parsed = scheduleSchema.safeParse(scheduleFromDraft(d));
  if (parsed.success) return { ok: true, schedule: parsed.data };
  return { ok: false, issues: draftIssues(d, parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))) };
}

/** Weekday indexes whose intervals overlap (the schema only says "some day"). */
export function overlappingDays(d: ScheduleDraft): number[] {
  return d.week.flatMap((day, i) => {
    const sorted = [...day].sort((a, b) => a.open.localeCompare(b.open));
    return sorted.some((h, k) => k > 0 && h.open < (sorted[k - 1]?.close ?? '')) ? [i] : [];
  });
}

const withDay = (d: ScheduleDraft, day: number, change: (hours: Interval[]) => Interval[]): ScheduleDraft => ({
  ...d,
  week: d.week.map((hours, i) => (i === day ? change(hours) : hours)),
});

const plusHours = (clock: string, hours: number): string => {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  const total = Math.min(24 * 60, h * 60 + m + hours * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/** A new interval: 09:00–17:00 on a closed day, otherwise the four hours after the day's last one (to midnight at most). */
export function addInterval(d: ScheduleDraft, day: number): ScheduleDraft {
  return withDay(d, day, (hours) => {
    const last = hours[hours.length - 1];
    if (!last || !/^\d\d:\d\d$/.test(last.close) || last.close >= '24:00') return [...hours, { open: '09:00', close: '17:00' }];
    return [...hours, { open: last.close, close: plusHours(last.close, 4) }];
  });
}

export const removeInterval = (d: ScheduleDraft, day: number, slot: number): ScheduleDraft => withDay(d, day, (hours) => hours.filter((_, i) => i !== slot));

export const setIntervalEdge = (d: ScheduleDraft, day: number, slot: number, edge: 'open' | 'close', value: string): ScheduleDraft =>
  withDay(d, day, (hours) => hours.map((h, i) => (i === slot ? { ...h, [edge]: value } : h)));

export const closeDay = (d: ScheduleDraft, day: number): ScheduleDraft => withDay(d, day, () => []);

/** Copies a day's hours to every weekday Monday–Friday (the usual way hours are set). */
export const copyToWeekdays = (d: ScheduleDraft, day: number): ScheduleDraft => ({
  ...d,
  week: d.week.map((hours, i) => (i < 5 ? (d.week[day] ?? []).map((h) => ({ ...h })) : hours)),
});

/** Adds a holiday once, keeping the list sorted. */
export const addHoliday = (d: ScheduleDraft, date: string): ScheduleDraft =>
  d.holidays.includes(date) ? d : { ...d, holidays: [...d.holidays, date].sort() };

export const removeHoliday = (d: ScheduleDraft, date: string): ScheduleDraft => ({ ...d, holidays: d.holidays.filter((h) => h !== date) });

export const setZone = (d: ScheduleDraft, zone: string): ScheduleDraft => ({ ...d, zone });

/** Whether the draft says something else than the saved schedule (order of entries aside). */
export function isDirty(d: ScheduleDraft, saved: Schedule): boolean {
  return JSON.stringify(scheduleFromDraft(d)) !== JSON.stringify(scheduleFromDraft(draftFromSchedule(saved)));
}
