// A specialist's departments as one short cell of the accounts table: "All", "All but Live Events", or the names
// in the order customers see the departments.
import type { Department } from '../../src-shared/department';

export function describeDepartments(ids: readonly string[], departments: readonly Department[]): string {
  const ordered = [...departments].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const inList = ordered.filter((d) => ids.includes(d.id));
  const unknown = ids.filter((id) => !ordered.some((d) => d.id === id));
  if (inList.length === 0 && unknown.length === 0) return '—';
  const missing = ordered.filter((d) => !ids.includes(d.id));
  if (unknown.length === 0 && ordered.length > 0 && missing.length === 0) return 'All';
  // Naming the one or two left out reads faster than listing the many that are in.
  if (unknown.length === 0 && missing.length <= 2 && missing.length < inList.length) return `All but ${missing.map((d) => d.name).join(' and ')}`;
  return [...inList.map((d) => d.name), ...unknown].join(', ');
}
