// What the command line's schedule commands change, computed from the department as it is: weekly hours replaced
// with the holidays kept, a holiday added or removed. Pure; the result is checked with the shared patch schema.
import { err, parseWith, type Result } from '../../src-shared/result';
import { departmentPatchSchema, type Department, type DepartmentPatch } from '../../src-shared/department';
import type { OpeningHours } from '../../src-shared/business-hours';

/** "1-5 09:00-17:00;6 10:00-14:00": ISO weekdays (Monday = 1) or a range of them, then one interval; ";" between. */
export function parseHours(spec: string): Result<OpeningHours[]> {
  const out: OpeningHours[] = [];
  for (const part of spec.split(';').filter((p) => p.trim() !== '')) {
    const m = /^\s*(\d)(?:-(\d))?\s+(\d\d:\d\d)-(\d\d:\d\d)\s*$/.exec(part);
    if (!m) return err('bad_request', `cannot read hours "${part.trim()}"; expected e.g. "1-5 09:00-19:00"`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (to < from) return err('bad_request', `cannot read hours "${part.trim()}": the days run backwards`);
    for (let day = from; day <= to; day++) out.push({ day, open: m[3] ?? '', close: m[4] ?? '' });
  }
  return { ok: true, value: out };
}

const patchOf = (patch: unknown): Result<DepartmentPatch> => parseWith(departmentPatchSchema, patch, 'department change');

/** New weekly hours (and zone, when given); the holidays stay. */
export function setHours(current: Department, hours: string, zone?: string): Result<DepartmentPatch> {
  const weekly = parseHours(hours);
  if (!weekly.ok) return weekly;
  return patchOf({ schedule: { ...current.schedule, weekly: weekly.value, zone: zone ?? current.schedule.zone } });
}

export function addHoliday(current: Department, date: string): Result<DepartmentPatch> {
  const holidays = [...new Set([...current.schedule.holidays, date])].sort();
  return patchOf({ schedule: { ...current.schedule, holidays } });
}

export function removeHoliday(current: Department, date: string): Result<DepartmentPatch> {
  if (!current.schedule.holidays.includes(date)) return err('not_found', `${date} is not a holiday of ${current.id}.`);
  return patchOf({ schedule: { ...current.schedule, holidays: current.schedule.holidays.filter((d) => d !== date) } });
}

/**
 * The fields given on the command line; `zone` moves the schedule to another zone, hours and holidays kept. An empty
 * `product` or `email` clears it.
 */
export function fieldsPatch(
  current: Department,
  given: { name?: string; description?: string; zone?: string; routing?: string; product?: string; greeting?: string; email?: string },
): Result<DepartmentPatch> {
  return patchOf({
    ...(given.name !== undefined ? { name: given.name } : {}),
    ...(given.description !== undefined ? { description: given.description } : {}),
    ...(given.zone !== undefined ? { schedule: { ...current.schedule, zone: given.zone } } : {}),
    ...(given.routing !== undefined ? { routing: given.routing } : {}),
    ...(given.product !== undefined ? { product: given.product === '' ? null : given.product } : {}),
    ...(given.greeting !== undefined ? { greeting: given.greeting } : {}),
    ...(given.email !== undefined ? { email: given.email.trim() === '' ? null : given.email } : {}),
  });
}
