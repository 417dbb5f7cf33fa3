// The rules an account change must keep: nobody locks themselves out, and the help desk always keeps an admin. Pure.
import type { Role } from '../../src-shared/specialist';

export interface AccountChange {
  /** Who changes it (null: the command line, which is nobody's account). */
  actorId: string | null;
  target: { id: string; role: Role; active: boolean };
  patch: { role?: Role; active?: boolean };
  /** Active admins besides the target. */
  otherActiveAdmins: number;
}

/** Why the change is refused (a `conflict`), or null when it may be made. */
export function accountChangeProblem(c: AccountChange): string | null {
  const demotes = c.patch.role !== undefined && c.patch.role !== 'admin' && c.target.role === 'admin';
  const deactivates = c.patch.active === false && c.target.active;
  if (c.actorId === c.target.id) {
    if (demotes) return 'You cannot demote yourself; another admin can.';
    if (deactivates) return 'You cannot deactivate yourself; another admin can.';
  }
  if ((demotes || deactivates) && c.target.active && c.target.role === 'admin' && c.otherActiveAdmins === 0) {
    return 'This is the last active admin: make another account admin first.';
  }
  return null;
}
