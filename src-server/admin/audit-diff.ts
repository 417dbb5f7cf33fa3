// The changed fields of an administrative change, before and after: what the audit trail records. Pure.
import type { AdminAuditEntry } from '../../src-shared/admin';

export type FieldChange = AdminAuditEntry['changes'][number];

/** JSON with object keys sorted, so two equal values compare equal whatever order their keys were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * The fields among `fields` whose value differs between `before` and `after`, in the order given. `before` null:
 * a creation (every field from null); `after` null: a deletion. Only the fields named are compared, so a secret
 * (a password hash) can never reach the audit by accident.
 */
export function changedFields<T extends object>(before: T | null, after: T | null, fields: readonly (keyof T & string)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    const b = before === null ? null : (before[field] ?? null);
    const a = after === null ? null : (after[field] ?? null);
    if (canonical(b) !== canonical(a)) out.push({ field, before: b, after: a });
  }
  return out;
}
