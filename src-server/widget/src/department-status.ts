// What the department picker says about each department right now: open now, no one available, or when it opens
// next in the customer's own time zone. Pure: the zone and the clock come from the caller.
import type { Availability } from '../../../src-shared/department';

export type DepartmentState = 'open' | 'unstaffed' | 'closed' | 'unknown';

export interface DepartmentStatus {
  state: DepartmentState;
  /** Short text beside the department's name: "open now", "no one available", "opens Thu 2:00 PM". */
  label: string;
}

/** Past this the weekday alone is ambiguous (a holiday week), so the label also names the date. */
const WEEK_MS = 6 * 24 * 3_600_000;

/** Chat is possible in the department now: inside its hours and a specialist of it is online with room. */
export const canChat = (a: Availability | undefined): boolean => a?.mode === 'chat';

/**
 * "Thu 2:00 PM" (or "Thu, Dec 3, 2:00 PM" a week or more ahead) in `zone`. English like the rest of the page;
 * ICU puts a narrow no-break space before AM/PM, made a plain space so the text matches what people type.
 */
export function formatOpening(instant: number, now: number, zone: string): string {
  const far = instant - now >= WEEK_MS;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    ...(far ? { month: 'short', day: 'numeric' } : {}),
    hour: 'numeric',
    minute: '2-digit',
  });
  return format.format(instant).replace(/\s/g, ' ');
}

/** The status of one department; `zone` is the customer's IANA zone, `now` their clock (epoch ms). */
export function departmentStatus(a: Availability | undefined, now: number, zone: string): DepartmentStatus {
  if (!a) return { state: 'unknown', label: 'checking…' };
  if (a.mode === 'chat') return { state: 'open', label: 'open now' };
  if (a.inHours) return { state: 'unstaffed', label: 'no one available' };
  // Closed: the server's nextChangeAt is then the next opening (null when the schedule never opens again).
  if (a.nextChangeAt === null) return { state: 'closed', label: 'closed' };
  return { state: 'closed', label: `opens ${formatOpening(a.nextChangeAt, now, zone)}` };
}
