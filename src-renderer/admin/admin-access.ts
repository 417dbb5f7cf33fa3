// Who may change what on the admin screens. Admins change everything; leads read everything and may change canned
// responses and the notice banner (the server's rules: `canned:save`, `canned:delete` and `notice:set` accept
// leads; `inbound:retry` is admins only); agents never see the screens. The server decides in the end — this only keeps controls that would be
// refused from looking usable.
import type { Specialist } from '../../src-shared/specialist';

export type AdminSection = 'departments' | 'hours' | 'specialists' | 'canned' | 'notice' | 'inbound' | 'audit';

export const adminSections: { id: AdminSection; label: string }[] = [
  { id: 'departments', label: 'Departments' },
  { id: 'hours', label: 'Hours' },
  { id: 'specialists', label: 'Specialists' },
  { id: 'canned', label: 'Canned responses' },
  { id: 'notice', label: 'Notice banner' },
  { id: 'inbound', label: 'Inbound mail' },
  { id: 'audit', label: 'Audit' },
];

type Who = Pick<Specialist, 'role' | 'departmentIds'>;

export const canSeeAdmin = (me: Who | null): boolean => me !== null && (me.role === 'admin' || me.role === 'lead');

/** Whether `me` may change things in `section` (the audit is read-only for everyone). */
export function canChange(me: Who | null, section: AdminSection): boolean {
  if (!me || section === 'audit') return false;
  if (me.role === 'admin') return true;
  return me.role === 'lead' && (section === 'canned' || section === 'notice');
}

/** Leads and admins change any canned response, shared ones included (`departmentId` kept for a narrower rule). */
export function canChangeCanned(me: Who | null, _departmentId: string | null): boolean {
  return canSeeAdmin(me);
}
