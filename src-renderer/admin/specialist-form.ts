// A specialist form's fields and the commands they become (a new account, or a patch of only what changed),
// checked with the shared schemas first.
import { specialistCreateSchema, specialistPatchSchema, type SpecialistPatch } from '../../src-shared/admin';
import type { Role, Specialist } from '../../src-shared/specialist';
import type { z } from 'zod';
import { zodFieldIssues, type FieldIssues } from './field-issues';

export interface SpecialistFields {
  email: string;
  displayName: string;
  role: Role;
  departmentIds: string[];
  /** As typed. */
  maxConcurrentChats: string;
}

export const blankSpecialist: SpecialistFields = { email: '', displayName: '', role: 'agent', departmentIds: [], maxConcurrentChats: '4' };

export const specialistFieldsOf = (s: Specialist): SpecialistFields => ({
  email: s.email,
  displayName: s.displayName,
  role: s.role,
  departmentIds: [...s.departmentIds],
  maxConcurrentChats: String(s.maxConcurrentChats),
});

type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssues };

const chats = (typed: string): number => (typed.trim() === '' ? Number.NaN : Number(typed));

export function newSpecialist(f: SpecialistFields): Checked<z.output<typeof specialistCreateSchema>> {
  const parsed = specialistCreateSchema.safeParse({
    email: f.email.trim(),
    displayName: f.displayName.trim(),
    role: f.role,
    departmentIds: f.departmentIds,
    maxConcurrentChats: chats(f.maxConcurrentChats),
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodFieldIssues(parsed.error) };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The changed fields as a patch; `value` null when nothing changed. */
export function specialistPatch(saved: Specialist, f: SpecialistFields): Checked<SpecialistPatch | null> {
  const candidate: Record<string, unknown> = {};
  if (f.displayName.trim() !== saved.displayName) candidate.displayName = f.displayName.trim();
  if (f.role !== saved.role) candidate.role = f.role;
  if (!sameSet(f.departmentIds, saved.departmentIds)) candidate.departmentIds = f.departmentIds;
  if (chats(f.maxConcurrentChats) !== saved.maxConcurrentChats) candidate.maxConcurrentChats = chats(f.maxConcurrentChats);
  if (Object.keys(candidate).length === 0) return { ok: true, value: null };
  const parsed = specialistPatchSchema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: zodFieldIssues(parsed.error) };
}
