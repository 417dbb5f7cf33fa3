// Live open/closed state of departments for the queue view and the sidebar: re-read on the shared one-second
// tick, but only recomputed when a department's next open/close instant has passed.
import type { Schedule } from '../../src-shared/business-hours';
import type { Department } from '../../src-shared/department';
import { useNow } from '../app/use-now';
import { departmentHours, stillValid, type DepartmentHours } from './department-hours';

/** The specialist's own zone: times are shown as their clock reads them. */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

// Keyed by schedule object: a department edit arrives as a new object, so stale hours are never reused.
const cache = new WeakMap<Schedule, { computedAt: number; hours: DepartmentHours }>();

function hoursAt(schedule: Schedule, now: number): DepartmentHours {
  const hit = cache.get(schedule);
  if (hit && stillValid(hit.hours, hit.computedAt, now)) return hit.hours;
  const hours = departmentHours(schedule, now);
  cache.set(schedule, { computedAt: now, hours });
  return hours;
}

export interface HoursNow {
  now: number;
  zone: string;
  /** Hours per department id, for the departments passed in. */
  byId: ReadonlyMap<string, DepartmentHours>;
}

export function useDepartmentHours(departments: readonly Department[]): HoursNow {
  const now = useNow();
  const byId = new Map(departments.map((d) => [d.id, hoursAt(d.schedule, now)] as const));
  return { now, zone: localZone(), byId };
}
