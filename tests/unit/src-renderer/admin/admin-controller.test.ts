import { afterEach, describe, expect, it } from 'vitest';
import { createAdminController } from '../../../../src-renderer/admin/admin-controller';
import { createAppStore } from '../../../../src-renderer/store/app-store';
import { err, ok } from '../../../../src-shared/result';
import type { AdminOverview } from '../../../../src-shared/admin';
import { ME, department, specialist } from '../factories';
import { fakeConsoleApi } from '../fake-console-api';

const admin = specialist({ id: ME, role: 'admin', displayName: 'Ada' });
const overview = (over: Partial<AdminOverview> = {}): AdminOverview => ({
  departments: [department('technical', 0), department('finance', 1)],
  specialists: [admin],
  canned: [],
  notice: null,
  audit: [],
  ...over,
});
const settle = () => new Promise((r) => setTimeout(r, 5));

function signedInStore() {
  const store = createAppStore();
  store.getState().setSession({ serverUrl: 'http://127.0.0.1:1', me: admin, connection: 'online' });
  return store;
}

let offs: (() => void)[] = [];
afterEach(() => {
  for (const off of offs) off();
  offs = [];
});

describe('admin controller', () => {
  it('reads the overview, and keeps the last one with the reason when a later read fails', async () => {
    let answer = ok(overview());
    const { api } = fakeConsoleApi({ getAdmin: async () => answer });
    const store = signedInStore();
    const c = createAdminController(api, store);
    await c.refresh();
    expect(store.getState().adminOverview?.departments).toHaveLength(2);
    answer = err('offline', 'You are offline — administration needs a connection') as never;
    await c.refresh();
    expect(store.getState().adminProblem).toBe('You are offline — administration needs a connection');
    expect(store.getState().adminOverview).not.toBeNull();
  });

  it('re-reads on administrative events only while the admin screen is showing', async () => {
    const { api, emit, calls } = fakeConsoleApi({ getAdmin: async () => ok(overview()) });
    const store = signedInStore();
    offs = createAdminController(api, store).subscribe();
    emit('admin', {});
    await settle();
    expect(calls.filter((x) => x.method === 'getAdmin')).toHaveLength(0);
    store.getState().navigate('admin');
    for (const event of ['admin', 'departments', 'canned', 'specialists'] as const) {
      emit(event, event === 'admin' ? {} : { ids: [] });
      await settle();
    }
    expect(calls.filter((x) => x.method === 'getAdmin')).toHaveLength(4);
  });

  it('shows a saved change at once, toasts it and re-reads', async () => {
    const changed = department('technical', 0, { greeting: 'Hello {visitor.email}' });
    const { api, calls } = fakeConsoleApi({ getAdmin: async () => ok(overview({ departments: [changed] })), updateDepartment: async () => ok(changed) });
    const store = signedInStore();
    store.getState().setAdminOverview(overview());
    const c = createAdminController(api, store);
    const r = await c.updateDepartment('technical', { greeting: 'Hello {visitor.email}' });
    expect(r).toEqual({ ok: true, value: changed });
    expect(store.getState().adminOverview?.departments.find((d) => d.id === 'technical')?.greeting).toBe('Hello {visitor.email}');
    expect(store.getState().toast?.text).toBe('Department saved.');
    expect(calls.find((x) => x.method === 'updateDepartment')?.input).toEqual({ departmentId: 'technical', patch: { greeting: 'Hello {visitor.email}' } });
    await settle();
    expect(calls.some((x) => x.method === 'getAdmin')).toBe(true);
  });

  it('answers a refusal with its message and the field issues keyed for the form', async () => {
    const refusal = err('bad_request', 'Invalid input: patch.schedule.weekly.0.close: open must be before close', [
      { path: 'patch.schedule.weekly.0.close', message: 'open must be before close' },
    ]);
    const { api } = fakeConsoleApi({ updateDepartment: async () => refusal });
    const c = createAdminController(api, signedInStore());
    const r = await c.updateDepartment('technical', { description: 'x' });
    expect(r).toEqual({ ok: false, message: refusal.error.message, issues: { 'schedule.weekly.0.close': 'open must be before close' }, offline: false });
  });

  it('says offline plainly, without pretending the change is queued', async () => {
    const { api } = fakeConsoleApi({ setNotice: async () => err('offline', 'You are offline — administration needs a connection') });
    const store = signedInStore();
    const r = await createAdminController(api, store).setNotice({ severity: 'info', text: 'Closed on Friday' });
    expect(r).toMatchObject({ ok: false, offline: true, message: 'You are offline — administration needs a connection' });
    expect(store.getState().toast).toBeNull();
  });
});
