import { afterEach, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { openCache, type Cache } from '../../../../src-main/core/cache/open-cache';
import { ADMIN_OFFLINE, createAdminCommands, type AdminCommandDeps } from '../../../../src-main/core/admin-commands';
import { createConsoleService } from '../../../../src-main/core/console-service';
import { createMemorySettingsStore, defaultSettings } from '../../../../src-main/core/settings';
import { err, ok, type Result } from '../../../../src-shared/result';
import type { ConsoleEvents } from '../../../../src-shared/console-api';
import type { CannedResponse } from '../../../../src-shared/canned-response';
import { department, specialist } from '../entity-fixtures';

let cache: Cache;
afterEach(() => cache?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(connected: boolean, answer: (event: string, payload: Record<string, unknown>) => Result<unknown>) {
  cache = openCache(':memory:');
  const calls: { event: string; payload: Record<string, unknown> }[] = [];
  const events: { event: string; payload: unknown }[] = [];
  const engine = {
    isConnected: () => connected,
    request: vi.fn(async (event: string, payload: unknown) => {
      calls.push({ event, payload: payload as Record<string, unknown> });
      return answer(event, payload as Record<string, unknown>);
    }),
  };
  const emit = <E extends 'departments' | 'specialists' | 'canned'>(event: E, payload: ConsoleEvents[E]) => events.push({ event, payload });
  const admin = createAdminCommands({ cache, emit, engine: () => engine as unknown as ReturnType<AdminCommandDeps['engine']> });
  return { admin, calls, events, engine };
}

const cannedResponse: CannedResponse = {
  id: '40000000-0000-4000-8000-000000000001',
  departmentId: 'technical',
  shortcut: 'email',
  title: 'Confirm email',
  body: 'We will write to {visitor.email}.',
  updatedAt: 5,
};

describe('admin commands are online only', () => {
  it('answer offline at once without asking the server when not connected', async () => {
    const { admin, engine } = setup(false, () => ok(null));
    const results = await Promise.all([
      admin.getAdmin({}),
      admin.updateDepartment({ departmentId: 'technical', patch: { greeting: 'Hi' } }),
      admin.createSpecialist({ specialist: { email: 'new@example.com', displayName: 'New', role: 'agent', departmentIds: [], maxConcurrentChats: 4 } }),
      admin.setNotice({ notice: null }),
    ]);
    for (const r of results) expect(r).toEqual(err('offline', ADMIN_OFFLINE));
    expect(engine.request).not.toHaveBeenCalled();
  });

  it('answer offline before sign-in (no connection at all)', async () => {
    cache = openCache(':memory:');
    const admin = createAdminCommands({ cache, emit: () => {}, engine: () => null });
    expect(await admin.saveCanned({ canned: { departmentId: null, shortcut: 'x', title: 'X', body: 'x' } })).toEqual(err('offline', ADMIN_OFFLINE));
  });

  it('the console service answers offline for an admin write when nobody is signed in, and queues nothing', async () => {
    cache = openCache(':memory:');
    const service = createConsoleService({ cache, settings: createMemorySettingsStore(defaultSettings('http://127.0.0.1:1')), log: pino({ level: 'silent' }) });
    const r = await service.reorderDepartments({ order: ['technical'] });
    expect(r.ok || r.error.code).toBe('offline');
    expect(cache.outbox.queue()).toEqual([]);
    service.close();
  });
});

describe('admin commands online', () => {
  it('send the /agent event with a fresh client id each time and return the answer', async () => {
    const updated = department({ greeting: 'Hello {visitor.email}' });
    const { admin, calls } = setup(true, () => ok(updated));
    const first = await admin.updateDepartment({ departmentId: 'technical', patch: { greeting: 'Hello {visitor.email}' } });
    await admin.updateDepartment({ departmentId: 'technical', patch: { greeting: 'Hello {visitor.email}' } });
    expect(first).toEqual(ok(updated));
    expect(calls.map((c) => c.event)).toEqual(['department:update', 'department:update']);
    expect(calls[0]?.payload).toMatchObject({ departmentId: 'technical', patch: { greeting: 'Hello {visitor.email}' } });
    expect(calls[0]?.payload.clientId).toMatch(UUID);
    expect(calls[1]?.payload.clientId).not.toBe(calls[0]?.payload.clientId);
  });

  it('caches a changed department and announces it before the log event arrives', async () => {
    const { admin, events } = setup(true, () => ok([department({ id: 'finance', position: 0 }), department({ id: 'technical', position: 1 })]));
    const r = await admin.reorderDepartments({ order: ['finance', 'technical'] });
    expect(r.ok).toBe(true);
    expect(cache.departments.list().map((d) => d.id)).toEqual(['finance', 'technical']);
    expect(events).toEqual([{ event: 'departments', payload: { ids: ['finance', 'technical'] } }]);
  });

  it('caches the account of a new specialist and hands back the one-time password', async () => {
    const sam = specialist({ email: 'sam@example.com' });
    const { admin, events, calls } = setup(true, () => ok({ specialist: sam, password: 'generated-password-123' }));
    const r = await admin.createSpecialist({ specialist: { email: 'sam@example.com', displayName: 'Sam', role: 'agent', departmentIds: ['technical'], maxConcurrentChats: 4 } });
    expect(r.ok && r.value.password).toBe('generated-password-123');
    expect(calls[0]?.event).toBe('specialist:create');
    expect(cache.specialists.get(sam.id)?.email).toBe('sam@example.com');
    expect(events).toEqual([{ event: 'specialists', payload: { ids: [sam.id] } }]);
  });

  it('keeps a saved canned response in the cache and forgets a deleted one', async () => {
    const { admin, events } = setup(true, (event) => (event === 'canned:save' ? ok(cannedResponse) : ok(null)));
    await admin.saveCanned({ canned: { departmentId: 'technical', shortcut: 'email', title: 'Confirm email', body: 'We will write to {visitor.email}.' } });
    expect(cache.canned.list()).toEqual([cannedResponse]);
    await admin.deleteCanned({ cannedId: cannedResponse.id });
    expect(cache.canned.list()).toEqual([]);
    expect(events.map((e) => e.event)).toEqual(['canned', 'canned']);
  });

  it('passes a refusal through as the server gave it and changes nothing', async () => {
    const refusal = err('bad_request', 'Invalid input: patch.schedule.weekly.0.close: must be after open', [{ path: 'patch.schedule.weekly.0.close', message: 'must be after open' }]);
    const { admin, events } = setup(true, () => refusal);
    expect(await admin.updateDepartment({ departmentId: 'technical', patch: { description: 'x' } })).toEqual(refusal);
    expect(cache.departments.list()).toEqual([]);
    expect(events).toEqual([]);
  });
});
