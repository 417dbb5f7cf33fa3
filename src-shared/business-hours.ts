// Opening hours and business days of a schedule, read in the schedule's own IANA zone: pure functions of a schedule and an instant.
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/** ISO weekday: Monday = 1 … Sunday = 7 (luxon's `weekday`). */
export const weekdaySchema = z.number().int().min(1).max(7);

/** Local wall-clock time "HH:mm"; "24:00" exists so a day can be open until midnight. */
export const clockTimeSchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'expected "HH:mm" between 00:00 and 24:00' });

/** One opening interval [open, close) on one weekday; intervals never cross midnight (use "24:00" and "00:00"). */
export const openingHoursSchema = z
  .object({ day: weekdaySchema, open: clockTimeSchema, close: clockTimeSchema })
  // Zero-padded "HH:mm" strings sort like the times they name.
  .refine((h) => h.open < h.close, { error: 'open must be before close', path: ['close'] });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** A calendar date "YYYY-MM-DD" in the schedule's zone (zod checks month lengths and leap years). */
export const localDateSchema = z.iso.date();

export const ianaZoneSchema = z.string().refine((zone) => IANAZone.isValidZone(zone), { error: 'unknown IANA time zone' });

export const scheduleSchema = z
  .object({
    zone: ianaZoneSchema,
    weekly: z.array(openingHoursSchema),
    /** Local dates closed all day. */
    holidays: z.array(localDateSchema),
  })
  // Overlaps on one day are almost surely a typo, and would print twice in describeHours; touching is fine.
  .refine((s) => !hasOverlap(s.weekly), { error: 'opening hours of one day overlap', path: ['weekly'] });
export type Schedule = z.infer<typeof scheduleSchema>;

/**
 * How far nextOpening/nextClosing look: the instant's local date and the SEARCH_HORIZON_DAYS dates after it.
 * A year plus slack covers any real holiday list; past it we answer null rather than loop for ever.
 */
export const SEARCH_HORIZON_DAYS = 400;

type Interval = { start: number; end: number };
/** A calendar date, held as UTC midnight so date arithmetic never meets a DST gap. */
type CalendarDate = DateTime;
type TimeOfDay = { hour: number; minute: number; second?: number; millisecond?: number };
type Compiled = { zone: string; byDay: Map<number, OpeningHours[]>; holidays: Set<string> };

function hasOverlap(weekly: readonly OpeningHours[]): boolean {
  const sorted = [...weekly].sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
  return sorted.some((h, i) => {
    const next = sorted[i + 1];
    return next !== undefined && next.day === h.day && next.open < h.close;
  });
}

function compile(schedule: Schedule): Compiled {
  const byDay = new Map<number, OpeningHours[]>();
  for (const h of schedule.weekly) byDay.set(h.day, [...(byDay.get(h.day) ?? []), h]);
  for (const hours of byDay.values()) hours.sort((a, b) => a.open.localeCompare(b.open));
  return { zone: schedule.zone, byDay, holidays: new Set(schedule.holidays) };
}

function minutesOf(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

function calendarDateOf(instant: number, zone: string): CalendarDate {
  const local = DateTime.fromMillis(instant, { zone });
  return DateTime.utc(local.year, local.month, local.day);
}

function isoDate(date: CalendarDate): string {
  return date.toFormat('yyyy-MM-dd');
}

/**
 * The instant of a wall-clock time on a local date. A time skipped by a DST jump (02:30 on a spring-forward
 * day) is shifted forward by luxon (→ 03:30); a repeated one (01:30 on a fall-back day) resolves to the
 * later, standard-time occurrence. Both are pinned by tests.
 */
function wallClockInstant(date: CalendarDate, zone: string, time: TimeOfDay): number {
  return DateTime.fromObject({ year: date.year, month: date.month, day: date.day, ...time }, { zone }).toMillis();
}

function timeOfDay(local: DateTime): TimeOfDay {
  return { hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond };
}

function clockInstant(date: CalendarDate, zone: string, minutes: number): number {
  // "24:00" is the next day's midnight, computed the same way so it meets that day's "00:00" exactly.
  const day = minutes >= 24 * 60 ? date.plus({ days: 1 }) : date;
  const m = minutes % (24 * 60);
  return wallClockInstant(day, zone, { hour: Math.floor(m / 60), minute: m % 60 });
}

function isBusinessDate(c: Compiled, date: CalendarDate): boolean {
  return (c.byDay.get(date.weekday)?.length ?? 0) > 0 && !c.holidays.has(isoDate(date));
}

/** The open intervals of one local date, in order, touching ones merged; DST can empty an interval. */
function dayIntervals(c: Compiled, date: CalendarDate): Interval[] {
  if (c.holidays.has(isoDate(date))) return [];
  const merged: Interval[] = [];
  for (const h of c.byDay.get(date.weekday) ?? []) {
    const start = clockInstant(date, c.zone, minutesOf(h.open));
    const end = clockInstant(date, c.zone, minutesOf(h.close));
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/**
 * Open intervals from the local date of `from` through the search horizon, merged across midnight so an
 * interval ending at "24:00" and the next day's "00:00" read as one. `end` is null when the last interval
 * reaches the horizon: we cannot know when it closes.
 */
function* openIntervalsFrom(c: Compiled, from: number): Generator<{ start: number; end: number | null }> {
  const first = calendarDateOf(from, c.zone);
  let pending: Interval | null = null;
  for (let i = 0; i <= SEARCH_HORIZON_DAYS; i++) {
    for (const iv of dayIntervals(c, first.plus({ days: i }))) {
      if (pending && iv.start <= pending.end) {
        pending.end = Math.max(pending.end, iv.end);
      } else {
        if (pending) yield pending;
        pending = iv;
      }
    }
  }
  if (pending) {
    const horizonEnd = clockInstant(first.plus({ days: SEARCH_HORIZON_DAYS + 1 }), c.zone, 0);
    yield { start: pending.start, end: pending.end >= horizonEnd ? null : pending.end };
  }
}

/** Whether `instant` (epoch ms) falls inside an opening interval [open, close) in the schedule's zone. */
export function isOpen(schedule: Schedule, instant: number): boolean {
  const c = compile(schedule);
  return dayIntervals(c, calendarDateOf(instant, c.zone)).some((iv) => iv.start <= instant && instant < iv.end);
}

/** `instant` itself when open; otherwise the start of the next open interval; null if none within the horizon. */
export function nextOpening(schedule: Schedule, instant: number): number | null {
  for (const iv of openIntervalsFrom(compile(schedule), instant)) {
    if (iv.end === null || iv.end > instant) return Math.max(iv.start, instant);
  }
  return null;
}

/**
 * When the current open period ends (back-to-back intervals count as one period). Null when closed now,
 * and also when it stays open past the search horizon (a 24/7 schedule without holidays never closes).
 */
export function nextClosing(schedule: Schedule, instant: number): number | null {
  for (const iv of openIntervalsFrom(compile(schedule), instant)) {
    if (iv.end === null || iv.end > instant) return iv.start <= instant ? iv.end : null;
  }
  return null;
}

/** A weekday that has any opening hours and is not a holiday. `localDate` is "YYYY-MM-DD". */
export function isBusinessDay(schedule: Schedule, localDate: string): boolean {
  if (!localDateSchema.safeParse(localDate).success) throw new RangeError(`not a calendar date: ${localDate}`);
  return isBusinessDate(compile(schedule), DateTime.fromISO(localDate, { zone: 'utc' }));
}

/**
 * The same local wall-clock time `n` business days later: step through the local dates after the instant's
 * own date and stop at the n-th business day. The start date need not be a business day (Saturday + 1 =
 * Monday), and the time of day is kept even outside opening hours. A wall time that does not exist on the
 * target date (DST jump) is shifted forward by luxon; a repeated one takes the later occurrence.
 * Throws RangeError for a negative or fractional `n`, or a schedule without any business day (a bug).
 */
export function addBusinessDays(schedule: Schedule, instant: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`business days must be a non-negative integer: ${n}`);
  if (n === 0) return instant; // rebuilding the wall time could pick the other occurrence of a repeated hour
  const c = compile(schedule);
  const local = DateTime.fromMillis(instant, { zone: c.zone });
  let date = calendarDateOf(instant, c.zone);
  for (let remaining = n, idle = 0; remaining > 0; ) {
    date = date.plus({ days: 1 });
    if (isBusinessDate(c, date)) {
      remaining--;
      idle = 0;
    } else if (++idle > SEARCH_HORIZON_DAYS) {
      throw new RangeError('the schedule has no business day within the search horizon');
    }
  }
  return wallClockInstant(date, c.zone, timeOfDay(local));
}

/**
 * How many full business days have elapsed from `from` to `to`: the largest n with
 * addBusinessDays(schedule, from, n) <= to, so "auto-solve after 7 business days" is simply
 * businessDaysBetween(schedule, setAt, now) >= 7. E.g. Friday 10:00 → Monday 09:59 is 0, Monday 10:00 is 1.
 * Never negative: 0 when `to` is not after `from`.
 */
export function businessDaysBetween(schedule: Schedule, from: number, to: number): number {
  if (to <= from) return 0;
  const c = compile(schedule);
  const local = DateTime.fromMillis(from, { zone: c.zone });
  const lastDate = calendarDateOf(to, c.zone);
  let date = calendarDateOf(from, c.zone);
  let count = 0;
  while (date.toMillis() < lastDate.toMillis()) {
    date = date.plus({ days: 1 });
    if (!isBusinessDate(c, date)) continue;
    if (wallClockInstant(date, c.zone, timeOfDay(local)) > to) break;
    count++;
  }
  return count;
}

const dayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** Generic names rarely depend on the date, but ICU derives them from one; fixed so output is deterministic. */
const NAMING_INSTANT = Date.UTC(2026, 0, 1);

function spokenTime(clock: string): string {
  const minutes = minutesOf(clock) % (24 * 60);
  if (minutes === 0) return 'midnight';
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const suffix = hour < 12 ? 'am' : 'pm';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h12} ${suffix}` : `${h12}:${String(minute).padStart(2, '0')} ${suffix}`;
}

function dayText(hours: readonly OpeningHours[]): string {
  // Merge touching intervals first so 9–12 + 12–17 reads "9 am to 5 pm".
  const merged: { open: string; close: string }[] = [];
  for (const h of hours) {
    const last = merged[merged.length - 1];
    if (last && h.open <= last.close) last.close = h.close > last.close ? h.close : last.close;
    else merged.push({ open: h.open, close: h.close });
  }
  return merged
    .map((h) => (h.open === '00:00' && h.close === '24:00' ? 'all day' : `${spokenTime(h.open)} to ${spokenTime(h.close)}`))
    .join(' and ');
}

/** The zone's long generic name ("Eastern Time"), not the seasonal one ("Eastern Daylight Time"). */
function zoneName(zone: string, at: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  // ICU has no name for UTC and falls back to "GMT+00:00".
  return !name || name === 'GMT' || name === 'GMT+00:00' ? 'UTC' : name;
}

/**
 * Customer-facing hours, e.g. "Mon–Fri 9 am to 7 pm Eastern Time": consecutive days with identical hours
 * are grouped, days without hours are left out, holidays are not mentioned; "Closed" when no day has hours.
 * `namingInstant` only picks the zone's name (defaults to a fixed date, not the clock).
 */
export function describeHours(schedule: Schedule, namingInstant: number = NAMING_INSTANT): string {
  const { byDay } = compile(schedule);
  const texts = dayNames.map((_, i) => dayText(byDay.get(i + 1) ?? []));
  const groups: string[] = [];
  for (let first = 0; first < texts.length; ) {
    let last = first;
    while (last + 1 < texts.length && texts[last + 1] === texts[first]) last++;
    if (texts[first]) {
      const days = first === last ? dayNames[first] : `${dayNames[first]}–${dayNames[last]}`;
      groups.push(`${days} ${texts[first]}`);
    }
    first = last + 1;
  }
  return groups.length === 0 ? 'Closed' : `${groups.join(', ')} ${zoneName(schedule.zone, namingInstant)}`;
}

/**
 * The next `count` open periods from `instant` (the current one first when open now), back-to-back intervals
 * merged: what an admin previews after changing hours or holidays. `end` is null for a period that runs past
 * the search horizon. Fewer than `count` when the schedule has no more within the horizon.
 */
export function nextOpenings(schedule: Schedule, instant: number, count: number): { start: number; end: number | null }[] {
  const out: { start: number; end: number | null }[] = [];
  if (count <= 0) return out;
  for (const iv of openIntervalsFrom(compile(schedule), instant)) {
    if (iv.end !== null && iv.end <= instant) continue;
    out.push({ start: Math.max(iv.start, instant), end: iv.end });
    if (out.length >= count) break;
  }
  return out;
}
