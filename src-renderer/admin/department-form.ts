// A department form's fields and the commands they become: a patch of only what changed (so two admins editing
// different fields do not undo each other), or a new department; both checked with the shared schemas first.
import { departmentCreateSchema, departmentPatchSchema, type Department, type DepartmentCreate, type DepartmentPatch, type RoutingMode } from '../../src-shared/department';
import type { Schedule } from '../../src-shared/business-hours';
import { zodFieldIssues, type FieldIssues } from './field-issues';

export interface DepartmentFields {
  id: string;
  name: string;
  description: string;
  /** Empty: no product line. */
  product: string;
  routing: RoutingMode;
  greeting: string;
}

export const fieldsOf = (d: Department): DepartmentFields => ({
  id: d.id,
  name: d.name,
  description: d.description,
  product: d.product ?? '',
  routing: d.routing,
  greeting: d.greeting,
});

export const blankDepartment: DepartmentFields = { id: '', name: '', description: '', product: '', routing: 'auto', greeting: '' };

type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssues };

/** The changed fields as a patch; `value` null when nothing changed. */
export function departmentPatch(saved: Department, f: DepartmentFields): Checked<DepartmentPatch | null> {
  const product = f.product.trim() === '' ? null : f.product.trim();
  const candidate: Record<string, unknown> = {};
  if (f.name.trim() !== saved.name) candidate.name = f.name.trim();
  if (f.description.trim() !== saved.description) candidate.description = f.description.trim();
  if (product !== saved.product) candidate.product = product;
  if (f.routing !== saved.routing) candidate.routing = f.routing;
  if (f.greeting.trim() !== saved.greeting) candidate.greeting = f.greeting.trim();
  if (Object.keys(candidate).length === 0) return { ok: true, value: null };
  const parsed = departmentPatchSchema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodFieldIssues(parsed.error) };
}

/** Weekdays 09:00–17:00 in `zone`: a new department's starting hours (changed on the Hours tab). */
export const starterSchedule = (zone: string): Schedule => ({
  zone,
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
  holidays: [],
});

export function newDepartment(f: DepartmentFields, schedule: Schedule): Checked<DepartmentCreate> {
  const parsed = departmentCreateSchema.safeParse({
    id: f.id.trim(),
    name: f.name.trim(),
    description: f.description.trim(),
    product: f.product.trim() === '' ? null : f.product.trim(),
    routing: f.routing,
    greeting: f.greeting.trim(),
    schedule,
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodFieldIssues(parsed.error) };
}

/** A slug for the id field from a name ("Canadian Spot" → "canadian-spot"), until the admin types their own. */
export function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}
