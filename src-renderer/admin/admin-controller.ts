// The admin screens' side of the ConsoleApi: reads the admin overview (again whenever the core says something
// administrative changed — another admin's edit shows up live), and runs each change, answering the form with
// success or the server's refusal, field issues keyed for the form. Admin changes are online only: the core
// answers `offline` at once and the message says so.
import type { ConsoleApi, ConsoleEventName } from '../../src-shared/console-api';
import type { Result } from '../../src-shared/result';
import type { CannedDraft } from '../../src-shared/canned-response';
import type { DepartmentCreate, DepartmentPatch } from '../../src-shared/department';
import type { AdminOverview, SpecialistPatch } from '../../src-shared/admin';
import type { Department } from '../../src-shared/department';
import type { Specialist } from '../../src-shared/specialist';
import type { CannedResponse } from '../../src-shared/canned-response';
import type { SystemNotice } from '../../src-shared/notice';
import type { z } from 'zod';
import type { specialistCreateSchema } from '../../src-shared/admin';
import type { AppStore } from '../store/app-store';
import { issuesByPath, type FieldIssues } from './field-issues';
import { canSeeAdmin } from './admin-access';
import { createInboundController } from './inbound-controller';

/** What a form hears back: the saved value, or what to show (a message, and issues next to fields). */
export type SaveOutcome<T> = { ok: true; value: T } | { ok: false; message: string; issues: FieldIssues; offline: boolean };

export type AdminController = ReturnType<typeof createAdminController>;

/** The list with `item` replacing the one of its id, or added. */
function upsert<T extends Department | Specialist | CannedResponse>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

/** Events after which the admin screens re-read the overview (when they are showing). */
const RELOAD_ON: readonly ConsoleEventName[] = ['admin', 'departments', 'canned', 'specialists'];

export function createAdminController(api: ConsoleApi, store: AppStore) {
  const s = () => store.getState();
  const showing = () => s().view === 'admin' && canSeeAdmin(s().session?.me ?? null);

  const inbound = createInboundController(api, store);

  let loading: Promise<void> | null = null;
  let again = false;
  /** One read at a time; a change during a read asks for one more, so the last change is never missed. */
  function refresh(): Promise<void> {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        const r = await api.getAdmin({});
        if (r.ok) s().setAdminOverview(r.value);
        else s().setAdminProblem(r.error.message);
      } while (again);
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  /**
   * Runs one change; on success shows the answer at once (`apply`), toasts `okText` and re-reads the overview
   * (the audit grew).
   */
  async function save<T>(call: Promise<Result<T>>, okText: string, issuePrefix: string, apply?: (o: AdminOverview, value: T) => AdminOverview): Promise<SaveOutcome<T>> {
    const r = await call;
    if (r.ok) {
      const overview = s().adminOverview;
      if (overview && apply) s().setAdminOverview(apply(overview, r.value));
      s().showToast(okText);
      void refresh();
      return { ok: true, value: r.value };
    }
    return { ok: false, message: r.error.message, issues: issuesByPath(r.error.issues, issuePrefix), offline: r.error.code === 'offline' };
  }

  return {
    refresh,
    /** The Inbound mail screen (inbound-controller.ts). */
    inbound,
    /** Subscriptions for the controller's start(); each returns its unsubscribe. */
    subscribe(): (() => void)[] {
      const offs = RELOAD_ON.map((event) => api.on(event, () => showing() && void refresh()));
      offs.push(...inbound.subscribe());
      // Back online: the screens leave "offline" by reading afresh.
      offs.push(api.on('connection', (c) => c.state === 'online' && showing() && s().adminProblem !== null && void refresh()));
      return offs;
    },
    createDepartment: (department: DepartmentCreate) =>
      save(api.createDepartment({ department }), `Department “${department.name}” created.`, 'department.', (o, d) => ({ ...o, departments: upsert(o.departments, d) })),
    updateDepartment: (departmentId: string, patch: DepartmentPatch, okText = 'Department saved.') =>
      save(api.updateDepartment({ departmentId, patch }), okText, 'patch.', (o, d) => ({ ...o, departments: upsert(o.departments, d) })),
    reorderDepartments: (order: string[]) => save(api.reorderDepartments({ order }), 'Order saved.', '', (o, departments) => ({ ...o, departments })),
    createSpecialist: (specialist: z.input<typeof specialistCreateSchema>) =>
      save(api.createSpecialist({ specialist }), `Account for ${specialist.email} created.`, 'specialist.', (o, v) => ({ ...o, specialists: upsert(o.specialists, v.specialist) })),
    updateSpecialist: (specialistId: string, patch: SpecialistPatch, okText = 'Account saved.') =>
      save(api.updateSpecialist({ specialistId, patch }), okText, 'patch.', (o, v) => ({ ...o, specialists: upsert(o.specialists, v) })),
    resetPassword: (specialistId: string) => save(api.resetPassword({ specialistId }), 'Password reset.', ''),
    saveCanned: (canned: CannedDraft) =>
      save(api.saveCanned({ canned }), `Canned response /${canned.shortcut} saved.`, 'canned.', (o, c) => ({ ...o, canned: upsert(o.canned, c) })),
    deleteCanned: (cannedId: string, shortcut: string) =>
      save(api.deleteCanned({ cannedId }), `Canned response /${shortcut} deleted.`, '', (o) => ({ ...o, canned: o.canned.filter((c) => c.id !== cannedId) })),
    setNotice: (notice: Pick<SystemNotice, 'severity' | 'text'> | null) =>
      save(api.setNotice({ notice }), notice ? 'Notice posted on the support page.' : 'Notice cleared.', 'notice.', (o, n) => ({ ...o, notice: n })),
  };
}
