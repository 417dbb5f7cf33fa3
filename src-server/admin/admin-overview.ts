// What the admin screens show (leads read it, admins change it): every department and account, the canned
// responses, the notice in force and the newest audit entries.
import { err, ok, type Result } from '../../src-shared/result';
import type { AdminOverview } from '../../src-shared/admin';
import type { Db } from '../db/schema';
import { listDepartments } from '../db/departments';
import { listSpecialists } from '../db/specialists';
import { listCanned } from '../db/canned-responses';
import { listAuditEntries } from '../db/admin-audit';
import { latestNotice } from '../db/events';
import type { AdminActor } from './admin-deps';

/** The overview carries this many audit entries, newest first (adminOverviewSchema says at most 200). */
export const OVERVIEW_AUDIT_ENTRIES = 200;

export async function adminOverview(db: Db, actor: AdminActor): Promise<Result<AdminOverview>> {
  if (actor.role === 'agent') return err('forbidden', 'Only leads and admins see the administration.');
  const [departments, specialists, canned, notice, audit] = await Promise.all([
    listDepartments(db),
    listSpecialists(db),
    listCanned(db, null),
    latestNotice(db),
    listAuditEntries(db, OVERVIEW_AUDIT_ENTRIES),
  ]);
  return ok({ departments, specialists, canned, notice, audit });
}
