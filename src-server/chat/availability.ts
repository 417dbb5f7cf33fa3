// What each department offers visitors right now (chat or email), from its hours and who is online with free capacity.
import type { Availability, Department } from '../../src-shared/department';
import { describeHours, isOpen, nextClosing, nextOpening } from '../../src-shared/business-hours';

export interface CapacityView {
  /** Online, connected specialists with at least one free chat slot, per department. */
  freeByDepartment: ReadonlyMap<string, number>;
}

type HoursState = Pick<Availability, 'inHours' | 'nextChangeAt' | 'hoursText'>;

function hoursState(d: Department, now: number): HoursState {
  const inHours = isOpen(d.schedule, now);
  return { inHours, nextChangeAt: inHours ? nextClosing(d.schedule, now) : nextOpening(d.schedule, now), hoursText: describeHours(d.schedule) };
}

/**
 * Memo of the schedule part, which only changes at `nextChangeAt` (or when the schedule is edited): computing
 * it walks luxon calendars and builds Intl formatters, far too slow to repeat on every presence change.
 */
export class HoursCache {
  private readonly entries = new Map<string, { key: string; state: HoursState }>();

  get(d: Department, now: number): HoursState {
    const key = JSON.stringify(d.schedule);
    const hit = this.entries.get(d.id);
    if (hit && hit.key === key && (hit.state.nextChangeAt === null || now < hit.state.nextChangeAt)) return hit.state;
    const state = hoursState(d, now);
    this.entries.set(d.id, { key, state });
    return state;
  }
}

export function computeAvailability(departments: readonly Department[], capacity: CapacityView, now: number, hours?: HoursCache): Availability[] {
  return departments.map((d) => {
    const h = hours ? hours.get(d, now) : hoursState(d, now);
    const free = capacity.freeByDepartment.get(d.id) ?? 0;
    return { departmentId: d.id, inHours: h.inHours, mode: h.inHours && free > 0 ? 'chat' : 'email', nextChangeAt: h.nextChangeAt, hoursText: h.hoursText };
  });
}

/** The earliest instant any department's in-hours state flips: when availability must be recomputed and pushed. */
export function nextAvailabilityChange(list: readonly Availability[]): number | null {
  let min: number | null = null;
  for (const a of list) if (a.nextChangeAt !== null && (min === null || a.nextChangeAt < min)) min = a.nextChangeAt;
  return min;
}
