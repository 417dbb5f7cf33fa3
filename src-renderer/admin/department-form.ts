// A department form's fields and the commands they become: a patch of only what changed (so two admins editing
// different fields do not undo each other), or a new department; both checked with the shared schemas first.
import { departmentCreateSchema, departmentPatchSchema, type Department, type DepartmentCreate, type DepartmentPatch, type RoutingMode } from '../../src-shared/department';
import { emailSchema } from '../../src-shared/ids';
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
  /** The direct address; empty: none. */
  email: string;
}

export const fieldsOf = (d: Department): DepartmentFields => ({
  id: d.id,
  name: d.name,
  description: d.description,
  product: d.product ?? '',
  routing: d.routing,
  greeting: d.greeting,
  email: d.email ?? '',
});

export const blankDepartment: DepartmentFields = { id: '', name: '', description: '', product: '', routing: 'auto', greeting: '', email: '' };

/**
 * What is wrong with a direct address as typed, in the admin's words, or null (empty is fine: no direct email). The
 * shared schema checks again; this only says it plainly and before anything is sent.
 */
export function directEmailProblem(typed: string): string | null {
  const text = typed.trim();
  if (text === '') return null;
  if (!emailSchema.safeParse(text).success) return 'Enter an address like tech@support.example.com.';
  if ((text.split('@')[0] ?? '').includes('+')) return 'No “+” in a department address: addresses with “+” are kept for replies to ticket mail.';
  return null;
}

/** The address's problem as a form issue, or null. */
function directEmailIssue(typed: string): FieldIssues | null {
  const problem = directEmailProblem(typed);
  return problem ? { email: problem } : null;
}

/** The address as stored: trimmed and lower-cased, or null for none. */
const directEmail = (typed: string): string | null => (typed.trim() === '' ? null : typed.trim().toLowerCase());

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
  const emailIssue = directEmailIssue(f.email);
  if (!emailIssue && directEmail(f.email) !== saved.email) candidate.email = directEmail(f.email);
  if (Object.keys(candidate).length === 0) return emailIssue ? { ok: false, issues: emailIssue } : { ok: true, value: null };
  const parsed = departmentPatchSchema.safeParse(candidate);
  if (parsed.success && !emailIssue) return { ok: true, value: parsed.data };
  return { ok: false, issues: { ...(parsed.success ? {} : zodFieldIssues(parsed.error)), ...emailIssue } };
}

/** Weekdays 09:00–17:00 in `zone`: a new department's starting hours (changed on the Hours tab). */
export const starterSchedule = (zone: string): Schedule => ({
  zone,
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
  holidays: [],
});

export function newDepartment(f: DepartmentFields, schedule: Schedule): Checked<DepartmentCreate> {
  const emailIssue = directEmailIssue(f.email);
  const parsed = departmentCreateSchema.safeParse({
    id: f.id.trim(),
    name: f.name.trim(),
    description: f.description.trim(),
    product: f.product.trim() === '' ? null : f.product.trim(),
    routing: f.routing,
    greeting: f.greeting.trim(),
    email: emailIssue ? null : directEmail(f.email),
    schedule,
  });
  if (parsed.success && !emailIssue) return { ok: true, value: parsed.data };
  return { ok: false, issues: { ...(parsed.success ? {} : zodFieldIssues(parsed.error)), ...emailIssue } };
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
