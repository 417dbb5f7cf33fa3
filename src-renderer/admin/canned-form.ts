// Canned responses on the admin screen: the editor's fields and the draft they become (checked with the shared
// schema), the sample values a preview is filled with, and the list grouped as the team reads it.
import { cannedDraftSchema, type CannedDraft, type CannedResponse, type TemplateValues } from '../../src-shared/canned-response';
import type { Department } from '../../src-shared/department';
import { zodFieldIssues, type FieldIssues } from './field-issues';

export interface CannedFields {
  /** Absent for a new response. */
  id?: string;
  /** Null: shared with everyone. */
  departmentId: string | null;
  shortcut: string;
  title: string;
  body: string;
}

export const blankCanned = (departmentId: string | null): CannedFields => ({ departmentId, shortcut: '', title: '', body: '' });

export const cannedFieldsOf = (c: CannedResponse): CannedFields => ({ id: c.id, departmentId: c.departmentId, shortcut: c.shortcut, title: c.title, body: c.body });

export function cannedDraft(f: CannedFields): { ok: true; value: CannedDraft } | { ok: false; issues: FieldIssues } {
  const parsed = cannedDraftSchema.safeParse({ ...f, shortcut: f.shortcut.trim().toLowerCase().replace(/^\//, '') });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodFieldIssues(parsed.error) };
}

/** What a preview fills the variables with: a made-up customer, my name, the chosen department. */
export function sampleValues(myName: string, departmentName: string | null): TemplateValues {
  return { 'visitor.email': 'pat.customer@example.com', 'specialist.name': myName, 'department.name': departmentName ?? 'Technical' };
}

export interface CannedGroup {
  departmentId: string | null;
  label: string;
  items: CannedResponse[];
}

/** "Everyone" first, then each department in its order; responses by shortcut; groups without any left out. */
export function groupCanned(list: readonly CannedResponse[], departments: readonly Department[]): CannedGroup[] {
  const byShortcut = (a: CannedResponse, b: CannedResponse) => a.shortcut.localeCompare(b.shortcut);
  const groups: CannedGroup[] = [{ departmentId: null, label: 'Everyone', items: list.filter((c) => c.departmentId === null).sort(byShortcut) }];
  const ordered = [...departments].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  for (const d of ordered) groups.push({ departmentId: d.id, label: d.name, items: list.filter((c) => c.departmentId === d.id).sort(byShortcut) });
  // A response of a department this list does not know (deleted, or not visible) still shows, under its id.
  const known = new Set([null, ...ordered.map((d) => d.id)]);
  for (const id of [...new Set(list.map((c) => c.departmentId))].filter((x) => !known.has(x)))
    groups.push({ departmentId: id, label: id ?? 'Everyone', items: list.filter((c) => c.departmentId === id).sort(byShortcut) });
  return groups.filter((g) => g.items.length > 0);
}
