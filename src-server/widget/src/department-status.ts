// What the department picker says about each department right now: open now, no one available, or when it opens
// next in the customer's own time zone. Pure: the zone and the clock come from the caller.
import type { Availability } from '../../../src-shared/department';
import { formatOpening } from '../../../src-shared/opening-time';

export type DepartmentState = 'open' | 'unstaffed' | 'closed' | 'unknown';

export interface DepartmentStatus {
  state: DepartmentState;
  /** Short text beside the department's name: "open now", "no one available", "opens Thu 2:00 PM". */
  label: string;
}

/** Chat is possible in the department now: inside its hours and a specialist of it is online with room. */
export const canChat = (a: Availability | undefined): boolean => a?.mode === 'chat';


/** The status of one department; `zone` is the customer's IANA zone, `now` their clock (epoch ms). */
export function departmentStatus(a: Availability | undefined, now: number, zone: string): DepartmentStatus {
  if (!a) return { state: 'unknown', label: 'checking…' };
  if (a.mode === 'chat') return { state: 'open', label: 'open now' };
  if (a.inHours) return { state: 'unstaffed', label: 'no one available' };
  // Closed: the server's nextChangeAt is then the next opening (null when the schedule never opens again).
  if (a.nextChangeAt === null) return { state: 'closed', label: 'closed' };
  return { state: 'closed', label: `opens ${formatOpening(a.nextChangeAt, now, zone)}` };
}
