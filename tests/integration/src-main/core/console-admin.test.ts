// The console core's administration against the real server and real SQLite: an admin's changes come back parsed
// and reach another console live (departments, canned responses), canned responses stay usable offline from the
// cache, refusals arrive as the server gave them, and without a connection every admin command answers `offline`.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ConsoleEvents } from '../../../../src-shared/console-api';
import { ADMIN_OFFLINE } from '../../../../src-main/core/admin-commands';
import { harness } from './console-harness';

const h = harness();
afterEach(() => h.cleanup());

describe('console core: administration', () => {
  it('an admin’s hours change and canned response reach an agent’s console live, and the canned list works offline', async () => {
    const srv = await h.bootServer();
    const adminAccount = await srv.current.createSpecialist({ displayName: 'Ada', role: 'admin' });
    const agentAccount = await srv.current.createSpecialist({ displayName: 'Ann', departmentIds: ['technical'] });
    const admin = h.openConsole(join(h.tempDir(), 'admin.db'), srv);
    const agent = h.openConsole(join(h.tempDir(), 'agent.db'), srv);
    await admin.login(adminAccount);
    await agent.login(agentAccount);
    const departmentsSeen: ConsoleEvents['departments'][] = [];
    const cannedSeen: ConsoleEvents['canned'][] = [];
    agent.service.on('departments', (e) => departmentsSeen.push(e));
    agent.service.on('canned', (e) => cannedSeen.push(e));
    let adminEvents = 0;
    admin.service.on('admin', () => adminEvents++);

    const overview = await admin.service.getAdmin({});
    if (!overview.ok) throw new Error(overview.error.message);
    expect(overview.value.departments.map((d) => d.id)).toContain('technical');
    expect(overview.value.specialists.map((s) => s.email)).toContain(agentAccount.email);

    const schedule = { zone: 'America/Los_Angeles', weekly: [{ day: 6, open: '10:00', close: '14:00' }], holidays: ['2026-12-25'] };
    const updated = await admin.service.updateDepartment({ departmentId: 'technical', patch: { schedule } });
    expect(updated.ok && updated.value.schedule).toEqual(schedule);
    await agent.until('the new hours in the agent’s cache', () => agent.cache.departments.list().find((d) => d.id === 'technical')?.schedule.zone === 'America/Los_Angeles');
    expect(departmentsSeen.some((e) => e.ids.includes('technical'))).toBe(true);

    const saved = await admin.service.saveCanned({ canned: { departmentId: 'technical', shortcut: 'recap', title: 'Recap', body: 'Recap to {visitor.email}' } });
    if (!saved.ok) throw new Error(saved.error.message);
    await agent.until('the canned event', () => cannedSeen.some((e) => e.ids.includes(saved.value.id)));
    const online = await agent.service.listCanned({});
    expect(online.ok && online.value.map((c) => c.shortcut)).toContain('recap');
    await admin.until('an admin event', () => adminEvents > 0);

    await srv.stop();
    await agent.until('offline', () => agent.connection() !== 'online');
    const offline = await agent.service.listCanned({});
    expect(offline.ok && offline.value.map((c) => c.shortcut)).toContain('recap');
    await admin.until('admin offline', () => admin.connection() !== 'online');
    const refused = await admin.service.updateDepartment({ departmentId: 'technical', patch: { greeting: 'Hi' } });
    expect(refused).toEqual({ ok: false, error: { code: 'offline', message: ADMIN_OFFLINE } });
    expect(admin.cache.outbox.queue()).toEqual([]);
  });

  it('passes the server’s refusals through: an agent may not read administration, hours that close before they open, a taken id', async () => {
    const srv = await h.bootServer();
    const adminAccount = await srv.current.createSpecialist({ displayName: 'Ada', role: 'admin' });
    const agentAccount = await srv.current.createSpecialist({ displayName: 'Ann' });
    const admin = h.openConsole(join(h.tempDir(), 'admin.db'), srv);
    const agent = h.openConsole(join(h.tempDir(), 'agent.db'), srv);
    await admin.login(adminAccount);
    await agent.login(agentAccount);

    const forbidden = await agent.service.getAdmin({});
    expect(forbidden.ok || forbidden.error.code).toBe('forbidden');
    // The service trusts its input (IPC validated it); the server checks again and names the field.
    const bad = await admin.service.updateDepartment({ departmentId: 'technical', patch: { schedule: { zone: 'UTC', weekly: [{ day: 1, open: '10:00', close: '09:00' }], holidays: [] } } });
    expect(bad.ok || bad.error.code).toBe('bad_request');
    expect(bad.ok || bad.error.issues?.map((i) => i.path)).toContain('patch.schedule.weekly.0.close');
    const created = await admin.service.createDepartment({
      department: { id: 'technical', name: 'Again', description: '', product: null, routing: 'auto', greeting: '', email: null, schedule: { zone: 'UTC', weekly: [], holidays: [] } },
    });
    expect(created.ok || created.error.code).toBe('conflict');
  });
});
