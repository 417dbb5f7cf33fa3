// Whether my departments take chats right now, when that changes, and what the queue says about it, in the
// specialist's own time zone. Pure: the clock and the zone come from the caller.
import { isOpen, nextClosing, nextOpening, type Schedule } from '../../src-shared/business-hours';
import { formatOpening } from '../../src-shared/opening-time';
import type { Load } from '../store/conversation-views';

export interface DepartmentHours {
  open: boolean;
  /** When `open` flips next (the closing while open, the opening while closed); null: not within the search horizon. */
  nextChangeAt: number | null;
}

export interface QueueHours {
  /** How many departments were looked at. */
  count: number;
  /** Every one of them is outside its hours (false when there are none: nothing to be closed). */
  allClosed: boolean;
  /** The earliest opening among the closed ones; null when none of them opens within the horizon. */
  nextOpeningAt: number | null;
}

/** Hours rarely change, so the caller may keep this answer until `nextChangeAt` (see `stillValid`). */
export function departmentHours(schedule: Schedule, now: number): DepartmentHours {
  const open = isOpen(schedule, now);
  return { open, nextChangeAt: open ? nextClosing(schedule, now) : nextOpening(schedule, now) };
}

/**
 * Whether hours computed at `computedAt` still hold at `now`. Without a next change (none within the
 * horizon) they are re-read after a day, so a schedule that opens in 401 days is not "closed" for ever.
 */
export function stillValid(hours: DepartmentHours, computedAt: number, now: number): boolean {
  return now >= computedAt && now < (hours.nextChangeAt ?? computedAt + 24 * 3_600_000);
}

/** When something next opens or closes, worded as the support page words it. */
export const formatChange = formatOpening;

/** "Open now" / "Closed · opens Mon 9:00 AM" / "Closed" (no opening within the horizon). */
export function hoursLabel(hours: DepartmentHours, now: number, zone: string): string {
  if (hours.open) return 'Open now';
  return hours.nextChangeAt === null ? 'Closed' : `Closed · opens ${formatChange(hours.nextChangeAt, now, zone)}`;
}

/** The hours of a set of departments taken together: all closed, and the first of them to open. */
export function queueHours(hours: readonly DepartmentHours[]): QueueHours {
  const openings = hours.filter((h) => !h.open && h.nextChangeAt !== null).map((h) => h.nextChangeAt as number);
  return {
    count: hours.length,
    allClosed: hours.length > 0 && hours.every((h) => !h.open),
    nextOpeningAt: openings.length > 0 ? Math.min(...openings) : null,
  };
}

/** "All your departments are closed — next opening Mon 9:00 AM." */
export function allClosedText(q: QueueHours, now: number, zone: string): string {
  const next = q.nextOpeningAt === null ? 'none scheduled' : `next opening ${formatChange(q.nextOpeningAt, now, zone)}`;
  return `All your departments are closed — ${next}.`;
}

/**
 * Why "Accept next" cannot take a chat now, or null when it can. A chat already waiting can be taken even in a
 * closed department (it was queued in hours and the visitor is still there), so hours only explain an empty queue.
 * `scope` words it for the sidebar (all my departments) or for one department's queue.
 */
export function acceptNextBlocker(input: { waiting: number; load: Load; hours: QueueHours; scope: 'mine' | 'department' }, now: number, zone: string): string | null {
  const { waiting, load, hours, scope } = input;
  if (load.full) return `You are at your limit of ${load.max} chats.`;
  if (waiting > 0) return null;
  if (scope === 'mine' && hours.count === 0) return 'You are not in any department yet.';
  if (hours.allClosed) {
    if (scope === 'mine') return allClosedText(hours, now, zone);
    return hours.nextOpeningAt === null ? 'Closed, and nobody is waiting.' : `Closed until ${formatChange(hours.nextOpeningAt, now, zone)}, and nobody is waiting.`;
  }
  return 'Nobody is waiting.';
}
