// The next openings of a schedule as an admin previews them while editing hours: each period in the department's
// zone and, when the viewer lives elsewhere, in the viewer's own. Pure: `now` and the viewer's zone are passed in.
import { nextOpenings, type Schedule } from '../../src-shared/business-hours';

export interface OpeningRow {
  start: number;
  /** Null: open past the search horizon (no end in sight). */
  end: number | null;
  /** The period is under way at `now`. */
  current: boolean;
  /** "Mon 16 Nov 09:00 – 19:00" in the department's zone. */
  inZone: string;
  /** The same in the viewer's zone; null when that is the department's zone anyway. */
  inViewer: string | null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(instant: number, zone: string): { date: string; time: string } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.weekday} ${p.day} ${p.month}`, time: `${p.hour}:${p.minute}` };
}

/** "Mon 16 Nov 09:00 – 19:00", or with both dates when the period crosses midnight in `zone`. */
export function formatPeriod(start: number, end: number | null, zone: string): string {
  const from = partsIn(start, zone);
  if (end === null) return `${from.date} ${from.time} – no closing in sight`;
  const to = partsIn(end, zone);
  // A period ending at midnight reads as "– 24:00" on its own day, as hours are written.
  if (to.time === '00:00' && partsIn(end - 1, zone).date === from.date) return `${from.date} ${from.time} – 24:00`;
  return to.date === from.date ? `${from.date} ${from.time} – ${to.time}` : `${from.date} ${from.time} – ${to.date} ${to.time}`;
}

/** Whether two zones show the same wall clock at every opening listed (e.g. "Europe/London" and "GB"). */
const sameClock = (a: string, b: string, instants: number[]) => a === b || instants.every((t) => partsIn(t, a).date + partsIn(t, a).time === partsIn(t, b).date + partsIn(t, b).time);

export function previewOpenings(schedule: Schedule, now: number, count: number, viewerZone: string): OpeningRow[] {
  const periods = nextOpenings(schedule, now, count);
  const instants = periods.flatMap((p) => (p.end === null ? [p.start] : [p.start, p.end]));
  const showViewer = !sameClock(schedule.zone, viewerZone, instants.length > 0 ? instants : [now]);
  return periods.map((p) => ({
    start: p.start,
    end: p.end,
    current: p.start <= now,
    inZone: formatPeriod(p.start, p.end, schedule.zone),
    inViewer: showViewer ? formatPeriod(p.start, p.end, viewerZone) : null,
  }));
}

/** The viewer's IANA zone as the browser knows it. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A holiday "2026-12-25" as "Fri 25 Dec 2026" (a calendar date: no zone applies). */
export function formatLocalDate(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const { date: day } = partsIn(Date.UTC(y, m - 1, d), 'UTC');
  return `${day} ${y}`;
}
