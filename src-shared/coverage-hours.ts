// A department's coverage hours as one reader sees them: the coming week's open intervals in the reader's own zone,
// weekdays with equal hours grouped ("Mon–Fri 10:00 PM – 8:00 AM next day"). Pure: schedule, instant, zone, locale.
import { DateTime } from 'luxon';
import type { Schedule } from './business-hours';

export interface CoverageGroup {
  /** "Mon–Fri", "Sat", in the reader's locale. */
  days: string;
  /** Each interval starting on these days, e.g. "2:00 PM – midnight", "10:00 PM – 8:00 AM next day". */
  hours: string[];
}

export interface CoverageHoliday {
  /** The department's local date "YYYY-MM-DD". */
  date: string;
  /** "Thu, Dec 25" in the reader's locale. */
  label: string;
}

export interface CoverageWeek {
  zone: string;
  /** The reader zone's name at `instant`, e.g. "Japan Standard Time" (falls back to the IANA id). */
  zoneName: string;
  /** Monday to Sunday, days without hours left out. Empty when closed all week. */
  groups: CoverageGroup[];
  /** Holidays of the department that close a day it would otherwise cover this week. */
  holidays: CoverageHoliday[];
  openNow: boolean;
}

type Interval = { start: number; end: number };

function minutesOf(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

/** A wall-clock time on a department-local date; "24:00" is the next day's midnight (luxon shifts DST gaps forward). */
function wallInstant(date: DateTime, zone: string, minutes: number): number {
  const day = date.plus({ days: Math.floor(minutes / (24 * 60)) });
  const m = minutes % (24 * 60);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Math.floor(m / 60), minute: m % 60 }, { zone }).toMillis();
}

/**
 * The department's open intervals on its local dates `first`…`last` (UTC-midnight calendar dates), holidays skipped,
 * touching intervals merged — also across midnight, so "Fri 22:00–24:00" + "Sat 00:00–06:00" is one night shift.
 */
function openIntervals(schedule: Schedule, first: DateTime, last: DateTime): { intervals: Interval[]; holidays: string[] } {
  const holidaySet = new Set(schedule.holidays);
  const intervals: Interval[] = [];
  const holidays: string[] = [];
  for (let date = first; date <= last; date = date.plus({ days: 1 })) {
    const hours = schedule.weekly.filter((h) => h.day === date.weekday).sort((a, b) => a.open.localeCompare(b.open));
    const iso = date.toFormat('yyyy-MM-dd');
    if (holidaySet.has(iso)) {
      if (hours.length > 0) holidays.push(iso);
      continue;
    }
    for (const h of hours) {
      const start = wallInstant(date, schedule.zone, minutesOf(h.open));
      const end = wallInstant(date, schedule.zone, minutesOf(h.close));
      // A DST jump can swallow a short interval entirely.
      if (end <= start) continue;
      const prev = intervals[intervals.length - 1];
      if (prev && start <= prev.end) prev.end = Math.max(prev.end, end);
      else intervals.push({ start, end });
    }
  }
  return { intervals, holidays };
}

function zoneNameOf(at: DateTime): string {
  return at.offsetNameLong ?? at.zoneName ?? 'UTC';
}

function timeText(at: DateTime): string {
  // "midnight" reads better than "12:00 AM", which people misplace by a day.
  return at.hour === 0 && at.minute === 0 ? 'midnight' : at.toLocaleString(DateTime.TIME_SIMPLE);
}

/** "10:00 PM – 8:00 AM next day"; a day's end at the reader's midnight is that day's "midnight", not the next day. */
function intervalText(iv: Interval, zone: string, locale: string | undefined): string {
  const start = DateTime.fromMillis(iv.start, { zone, locale });
  const end = DateTime.fromMillis(iv.end, { zone, locale });
  const endDay = end.hour === 0 && end.minute === 0 ? end.minus({ days: 1 }).startOf('day') : end.startOf('day');
  const days = Math.round(endDay.diff(start.startOf('day'), 'days').days);
  const until = days === 0 ? timeText(end) : days === 1 ? `${timeText(end)} next day` : `${end.toLocaleString({ weekday: 'short' })} ${timeText(end)}`;
  return `${timeText(start)} – ${until}`;
}

/**
 * The coming seven days from the reader's today (`instant` in `zone`), shown Monday to Sunday: each interval belongs to
 * the reader's day it starts on, so a New York day read in Tokyo is one night, "10:00 PM – 8:00 AM next day".
 * Each weekday is its real next occurrence, so a DST change or holiday during the week shows on the days it touches.
 * A day covered around the clock by an interval that started earlier reads "24 hours".
 */
export function coverageWeek(schedule: Schedule, instant: number, zone: string, locale?: string): CoverageWeek {
  const now = DateTime.fromMillis(instant, { zone, locale });
  const weekStart = now.startOf('day');
  const dayStarts = Array.from({ length: 8 }, (_, i) => weekStart.plus({ days: i }));
  const first = DateTime.fromMillis(weekStart.toMillis(), { zone: schedule.zone });
  const last = DateTime.fromMillis(dayStarts[7]!.toMillis(), { zone: schedule.zone });
  // One department date either side: an interval starting in the reader's week may belong to any of them.
  const { intervals, holidays } = openIntervals(
    schedule,
    DateTime.utc(first.year, first.month, first.day).minus({ days: 1 }),
    DateTime.utc(last.year, last.month, last.day).plus({ days: 1 }),
  );

  const byWeekday = new Map<number, string[]>();
  for (let i = 0; i < 7; i++) {
    const from = dayStarts[i]!.toMillis();
    const to = dayStarts[i + 1]!.toMillis();
    const starting = intervals.filter((iv) => iv.start >= from && iv.start < to).map((iv) => intervalText(iv, zone, locale));
    const aroundTheClock = starting.length === 0 && intervals.some((iv) => iv.start < from && iv.end >= to);
    byWeekday.set(dayStarts[i]!.weekday, aroundTheClock ? ['24 hours'] : starting);
  }

  const groups: CoverageGroup[] = [];
  const dayName = (weekday: number) => dayStarts.find((d) => d.weekday === weekday)!.toLocaleString({ weekday: 'short' });
  for (let day = 1; day <= 7; ) {
    const hours = byWeekday.get(day) ?? [];
    let end = day;
    while (end < 7 && (byWeekday.get(end + 1) ?? []).join('|') === hours.join('|')) end++;
    if (hours.length > 0) groups.push({ days: day === end ? dayName(day) : `${dayName(day)}–${dayName(end)}`, hours });
    day = end + 1;
  }

  const windowEnd = dayStarts[7]!.toMillis();
  return {
    zone,
    zoneName: zoneNameOf(now),
    groups,
    holidays: holidays
      .map((date) => ({ date, at: DateTime.fromISO(date, { zone: schedule.zone, locale }) }))
      // Only holidays that meet the reader's week (the one-day margins above reach a little further).
      .filter(({ at }) => at.toMillis() < windowEnd && at.plus({ days: 1 }).toMillis() > weekStart.toMillis())
      .map(({ date, at }) => ({ date, label: at.toLocaleString({ weekday: 'short', month: 'short', day: 'numeric' }) })),
    openNow: intervals.some((iv) => iv.start <= instant && instant < iv.end),
  };
}
