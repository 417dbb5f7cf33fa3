// Canned responses shared by the team: the six defaults are seeded shared; specialists read the shared ones and
// their departments'; leads and admins save and delete them, audited, pushed live to whoever may use them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { CannedResponse } from '../../../src-shared/canned-response';
import type { AdminOverview } from '../../../src-shared/admin';
import { startServer, type TestServer } from '../../support/start-server';
import { call, callOk } from '../../support/socket-clients';
import { defaultCannedResponses } from '../../../src-server/seed';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

const draft = (over: Partial<CannedResponse> = {}) => ({ departmentId: 'finance', shortcut: 'refund', title: 'Refund', body: 'Your refund for {visitor.email} is on its way.', ...over });

describe('canned responses', () => {
  it('the shared defaults are there from the first start, for everyone', async () => {
    const agent = await server.connectSpecialist({ departmentIds: ['technical'] });
    const list = await callOk<CannedResponse[]>(agent.socket, 'canned:list', {});
    expect(list.map((c) => [c.departmentId, c.shortcut, c.title, c.body])).toEqual(
      [...defaultCannedResponses].sort((a, b) => a.shortcut.localeCompare(b.shortcut)).map((c) => [null, c.shortcut, c.title, c.body]),
    );
  });

  it('a lead saves one for a department: its specialists get it live and in their list, others neither; the audit records it', async () => {
    const lead = await server.connectSpecialist({ role: 'lead', displayName: 'Lea' });
    const fin = await server.connectSpecialist({ departmentIds: ['finance'] });
    const tech = await server.connectSpecialist({ departmentIds: ['technical'] });
    const input = { clientId: randomUUID(), canned: draft() };
    const saved = await callOk<CannedResponse>(lead.socket, 'canned:save', input);
    expect(saved).toEqual({ ...draft(), id: expect.any(String), updatedAt: server.clock.now() });
    expect((await fin.inbox.nextEvent('canned.updated', (e) => e.payload.canned.id === saved.id)).payload).toEqual({ canned: saved, deleted: false });
    expect((await callOk<CannedResponse[]>(fin.socket, 'canned:list', {})).map((c) => c.id)).toContain(saved.id);
    expect((await callOk<CannedResponse[]>(tech.socket, 'canned:list', {})).map((c) => c.id)).not.toContain(saved.id);
    expect(tech.inbox.events().some((e) => e.type === 'canned.updated')).toBe(false);
    expect((await callOk<CannedResponse[]>(lead.socket, 'canned:list', {})).map((c) => c.id)).toContain(saved.id);

    // A retry answers the same response; nothing is saved twice.
    expect(await callOk(lead.socket, 'canned:save', input)).toEqual(saved);
    const overview = await callOk<AdminOverview>(lead.socket, 'admin:get', {});
    expect(overview.canned.filter((c) => c.shortcut === 'refund')).toHaveLength(1);
    expect(overview.audit).toHaveLength(1);
    expect(overview.audit[0]).toMatchObject({
      actorName: 'Lea',
      action: 'canned.save',
      target: '/refund',
      changes: [
        { field: 'departmentId', before: null, after: 'finance' },
        { field: 'shortcut', before: null, after: 'refund' },
        { field: 'title', before: null, after: 'Refund' },
        { field: 'body', before: null, after: draft().body },
      ],
    });
  });

  it('replacing moves it between departments (the old one hears it is gone), and deleting removes it; both audited', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const fin = await server.connectSpecialist({ departmentIds: ['finance'] });
    const tech = await server.connectSpecialist({ departmentIds: ['technical'] });
    const saved = await callOk<CannedResponse>(admin.socket, 'canned:save', { clientId: randomUUID(), canned: draft() });
    await server.clock.advance(1000);
    const moved = await callOk<CannedResponse>(admin.socket, 'canned:save', { clientId: randomUUID(), canned: draft({ id: saved.id, departmentId: 'technical', title: 'Refunds' }) });
    expect(moved).toEqual({ ...saved, departmentId: 'technical', title: 'Refunds', updatedAt: saved.updatedAt + 1000 });
    expect((await fin.inbox.nextEvent('canned.updated', (e) => e.payload.deleted)).payload).toEqual({ canned: saved, deleted: true });
    expect((await tech.inbox.nextEvent('canned.updated', (e) => !e.payload.deleted)).payload).toEqual({ canned: moved, deleted: false });

    expect(await callOk(admin.socket, 'canned:delete', { clientId: randomUUID(), cannedId: saved.id })).toBeNull();
    expect((await tech.inbox.nextEvent('canned.updated', (e) => e.payload.deleted)).payload).toEqual({ canned: moved, deleted: true });
    expect((await callOk<CannedResponse[]>(tech.socket, 'canned:list', {})).map((c) => c.id)).not.toContain(saved.id);
    const audit = (await callOk<AdminOverview>(admin.socket, 'admin:get', {})).audit;
    expect(audit.map((e) => e.action)).toEqual(['canned.delete', 'canned.save', 'canned.save']);
    expect(audit[1]?.changes).toEqual([
      { field: 'departmentId', before: 'finance', after: 'technical' },
      { field: 'title', before: 'Refund', after: 'Refunds' },
    ]);
    expect(audit[0]?.changes).toEqual(expect.arrayContaining([{ field: 'shortcut', before: 'refund', after: null }]));
  });

  it('refuses agents, shortcut clashes, unknown ids, departments and variables, changing nothing', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    const agent = await server.connectSpecialist({ departmentIds: ['finance'] });
    const save = (socket: typeof lead.socket, canned: unknown) => call(socket, 'canned:save', { clientId: randomUUID(), canned });
    const before = await callOk<AdminOverview>(lead.socket, 'admin:get', {});
    const shared = before.canned.find((c) => c.shortcut === 'hello');

    expect(await save(agent.socket, draft())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(agent.socket, 'canned:delete', { clientId: randomUUID(), cannedId: shared?.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await save(lead.socket, draft({ departmentId: null, shortcut: 'hello' }))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await save(lead.socket, draft({ id: randomUUID() }))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await save(lead.socket, draft({ departmentId: 'nope' }))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await save(lead.socket, draft({ body: 'Dear {visitor.name}' }))).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('{visitor.name}') } });
    expect(await save(lead.socket, draft({ shortcut: 'Has Spaces' }))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(lead.socket, 'canned:delete', { clientId: randomUUID(), cannedId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The same shortcut in a department is no clash with the shared one.
    expect(await save(lead.socket, draft({ shortcut: 'hello' }))).toMatchObject({ ok: true });

    const after = await callOk<AdminOverview>(lead.socket, 'admin:get', {});
    expect(after.canned.filter((c) => c.shortcut !== 'hello' || c.departmentId === null)).toEqual(before.canned);
    expect(after.audit).toHaveLength(1);
  });
});
