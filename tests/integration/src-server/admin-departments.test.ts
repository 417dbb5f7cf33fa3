// Administration of departments over /agent: insert-only creation, non-destructive changes, reorder; every change is
// audited, reaches every console and customer page live, and flips availability at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Availability, Department } from '../../../src-shared/department';
import type { AdminOverview } from '../../../src-shared/admin';
import type { DepartmentsResponse } from '../../../src-shared/protocol/http';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { EventsPage } from '../../../src-shared/events';
import { SEEDED_DEPARTMENTS, startServer, type TestServer } from '../../support/start-server';
import { call, callOk } from '../../support/socket-clients';
import type { AgentSocket } from '../../support/socket-clients';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

const NY_WEEKDAYS = { zone: 'America/New_York', weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })), holidays: [] };
const modeOf = (list: Availability[], id: string) => list.find((a) => a.departmentId === id);
/** At once: well before the presence heartbeat (every 5 s) would recompute availability anyway. */
const AT_ONCE_MS = 1_500;
const audit = async (admin: AgentSocket) => (await callOk<AdminOverview>(admin, 'admin:get', {})).audit;
const departmentIds = async () => {
  const res = await server.http<DepartmentsResponse>('GET', '/api/departments');
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.departments.map((d) => d.id);
};

describe('department:create', () => {
  it('adds a department last, tells every console and customer page, lists it in availability and audits it; a retry answers the same', async () => {
    const admin = await server.connectSpecialist({ role: 'admin', displayName: 'Ada' });
    const agent = await server.connectSpecialist();
    const visitor = await server.connectVisitor();
    await visitor.inbox.next('availability');

    const input = { clientId: randomUUID(), department: { id: 'events', name: 'Events', schedule: NY_WEEKDAYS } };
    const created = await callOk<Department>(admin.socket, 'department:create', input);
    expect(created).toEqual({ id: 'events', name: 'Events', description: '', schedule: NY_WEEKDAYS, routing: 'auto', product: null, position: SEEDED_DEPARTMENTS.length + 1, greeting: '', email: null });
    expect((await agent.inbox.nextEvent('department.updated', (e) => e.payload.id === 'events')).payload).toEqual(created);
    expect((await visitor.inbox.nextEvent('department.updated', (e) => e.payload.id === 'events')).payload).toEqual(created);
    // Open now, but nobody of it is online: customers are offered email.
    const availability = await visitor.inbox.next<Availability[]>('availability', (l) => modeOf(l, 'events') !== undefined, AT_ONCE_MS);
    expect(modeOf(availability, 'events')).toMatchObject({ inHours: true, mode: 'email' });
    expect(await departmentIds()).toEqual([...SEEDED_DEPARTMENTS, 'events']);

    const entries = await audit(admin.socket);
    expect(entries[0]).toMatchObject({ actorId: admin.specialist.id, actorName: 'Ada', action: 'department.create', target: 'events', at: server.clock.now() });
    expect(entries[0]?.changes).toEqual(expect.arrayContaining([{ field: 'name', before: null, after: 'Events' }, { field: 'schedule', before: null, after: NY_WEEKDAYS }]));
    await admin.inbox.nextEvent('admin.audit', (e) => e.payload.entryId === entries[0]?.id);

    // A retry answers the first result and changes nothing more.
    expect(await callOk(admin.socket, 'department:create', input)).toEqual(created);
    expect(await audit(admin.socket)).toHaveLength(entries.length);
    // An existing id is refused: creation never replaces.
    const again = await call(admin.socket, 'department:create', { clientId: randomUUID(), department: { id: 'events', name: 'Other', schedule: NY_WEEKDAYS } });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('department:update') } });
    // Agents never see the audit events.
    await callOk(agent.socket, 'snapshot:get', {});
    expect(agent.inbox.events().some((e) => e.type === 'admin.audit')).toBe(false);
  });

  it('agents and leads are forbidden; bad input is refused; neither changes anything', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const agent = await server.connectSpecialist();
    const lead = await server.connectSpecialist({ role: 'lead' });
    const department = { id: 'events', name: 'Events', schedule: NY_WEEKDAYS };
    for (const who of [agent, lead]) {
      expect(await call(who.socket, 'department:create', { clientId: randomUUID(), department })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const bad = [
      { ...department, name: '' },
      { ...department, id: 'Not A Slug' },
      { ...department, schedule: { ...NY_WEEKDAYS, zone: 'Mars/Olympus' } },
      { ...department, greeting: 'Hi {visitor.name}' },
    ];
    for (const d of bad) expect(await call(admin.socket, 'department:create', { clientId: randomUUID(), department: d })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await departmentIds()).toEqual([...SEEDED_DEPARTMENTS]);
    expect(await audit(admin.socket)).toEqual([]);
  });
});

describe('department:update', () => {
  it('changes only the fields given, audits them before and after, and the greeting greets the next chat', async () => {
    // In no department, so the chat below can only go to Fin.
    const admin = await server.connectSpecialist({ role: 'admin', departmentIds: [] });
    const before = (await callOk<AdminOverview>(admin.socket, 'admin:get', {})).departments.find((d) => d.id === 'finance');
    const greeting = 'Hello {visitor.email}, this is {specialist.name} of {department.name}.';
    const updated = await callOk<Department>(admin.socket, 'department:update', { clientId: randomUUID(), departmentId: 'finance', patch: { greeting, description: 'Invoices' } });
    expect(updated).toEqual({ ...before, greeting, description: 'Invoices' });
    expect((await audit(admin.socket))[0]).toMatchObject({
      action: 'department.update',
      target: 'finance',
      changes: [
        { field: 'description', before: 'Billing, invoices and payments', after: 'Invoices' },
        { field: 'greeting', before: '', after: greeting },
      ],
    });

    await server.connectSpecialist({ displayName: 'Fin', departmentIds: ['finance'] });
    const v = await server.connectVisitor();
    const state = await callOk<VisitorChatState>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'ana@example.com', departmentId: 'finance', question: 'My invoice' });
    expect(state.conversation.state).toBe('assigned');
    expect(state.messages.map((m) => m.body)).toContain('Hello ana@example.com, this is Fin of Finance.');
  });

  it('refuses an unknown variable, an empty patch, a position and an unknown department, changing nothing; agents and leads are forbidden', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const lead = await server.connectSpecialist({ role: 'lead' });
    const agent = await server.connectSpecialist();
    const before = (await callOk<AdminOverview>(admin.socket, 'admin:get', {})).departments;
    const update = (patch: unknown, departmentId = 'finance') => call(admin.socket, 'department:update', { clientId: randomUUID(), departmentId, patch });
    expect(await update({ greeting: 'Hi {visitor.name}' })).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('{visitor.name}') } });
    expect(await update({})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await update({ position: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await update({ name: 'X' }, 'nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const who of [lead, agent]) {
      expect(await call(who.socket, 'department:update', { clientId: randomUUID(), departmentId: 'finance', patch: { name: 'X' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const after = await callOk<AdminOverview>(admin.socket, 'admin:get', {});
    expect(after.departments).toEqual(before);
    expect(after.audit).toEqual([]);
  });

  it('sets, audits and clears a direct email; an address another department has is a conflict naming it, on update and on create, writing nothing', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const update = (departmentId: string, email: string | null) => call(admin.socket, 'department:update', { clientId: randomUUID(), departmentId, patch: { email } });
    const set = await callOk<Department>(admin.socket, 'department:update', { clientId: randomUUID(), departmentId: 'finance', patch: { email: 'Billing@Support.Example.com' } });
    expect(set.email).toBe('billing@support.example.com');
    expect((await audit(admin.socket))[0]).toMatchObject({ action: 'department.update', target: 'finance', changes: [{ field: 'email', before: 'finance@support.example.com', after: 'billing@support.example.com' }] });
    const auditLength = (await audit(admin.socket)).length;

    // Case does not make another address: the check (and the unique index) see the lower-cased one.
    const taken = await update('technical', 'BILLING@support.example.com');
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Finance'), issues: [{ path: 'patch.email' }] } });
    const created = await call(admin.socket, 'department:create', { clientId: randomUUID(), department: { id: 'events', name: 'Events', schedule: NY_WEEKDAYS, email: 'billing@support.example.com' } });
    expect(created).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'department.email' }] } });
    expect(await update('technical', 'tech+x@support.example.com')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const overview = await callOk<AdminOverview>(admin.socket, 'admin:get', {});
    expect(overview.departments.find((d) => d.id === 'technical')?.email).toBe('tech@support.example.com');
    expect(overview.departments.some((d) => d.id === 'events')).toBe(false);
    expect(overview.audit).toHaveLength(auditLength);

    // Its own address again is no conflict (nothing changes); cleared, the address is free for another department.
    expect(await update('finance', 'billing@support.example.com')).toMatchObject({ ok: true, value: { email: 'billing@support.example.com' } });
    expect(await update('finance', null)).toMatchObject({ ok: true, value: { email: null } });
    expect(await update('technical', 'billing@support.example.com')).toMatchObject({ ok: true, value: { email: 'billing@support.example.com' } });
  });

  it('new hours or a holiday flip a connected customer page’s availability at once, and the next opening is re-armed', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    await server.connectSpecialist({ departmentIds: ['finance'] });
    const v = await server.connectVisitor();
    await v.inbox.next<Availability[]>('availability', (l) => modeOf(l, 'finance')?.mode === 'chat');

    // Wednesday 10:00 New York: open only 11:00–12:00 from now on.
    const lateMorning = { zone: 'America/New_York', weekly: [{ day: 3, open: '11:00', close: '12:00' }], holidays: [] };
    v.inbox.clear();
    await callOk(admin.socket, 'department:update', { clientId: randomUUID(), departmentId: 'finance', patch: { schedule: lateMorning } });
    const closed = await v.inbox.next<Availability[]>('availability', (l) => modeOf(l, 'finance')?.mode === 'email', AT_ONCE_MS);
    expect(modeOf(closed, 'finance')).toMatchObject({ inHours: false, nextChangeAt: Date.UTC(2026, 10, 18, 16, 0) });

    v.inbox.clear();
    await server.clock.advance(Date.UTC(2026, 10, 18, 16, 0) - server.clock.now());
    await v.inbox.next<Availability[]>('availability', (l) => modeOf(l, 'finance')?.mode === 'chat', AT_ONCE_MS);

    v.inbox.clear();
    await callOk(admin.socket, 'department:update', { clientId: randomUUID(), departmentId: 'finance', patch: { schedule: { ...lateMorning, holidays: ['2026-11-18'] } } });
    const holiday = await v.inbox.next<Availability[]>('availability', (l) => modeOf(l, 'finance')?.mode === 'email', AT_ONCE_MS);
    expect(modeOf(holiday, 'finance')).toMatchObject({ inHours: false, nextChangeAt: Date.UTC(2026, 10, 25, 16, 0) });
  });
});

describe('department:reorder', () => {
  it('needs every department exactly once; the new order is what everybody reads, each moved department is published and audited', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const agent = await server.connectSpecialist();
    const reorder = (order: string[]) => call<Department[]>(admin.socket, 'department:reorder', { clientId: randomUUID(), order });
    const seeded = [...SEEDED_DEPARTMENTS];
    expect(await reorder(seeded.slice(1))).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('av-media') } });
    expect(await reorder([...seeded, 'finance'])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await reorder([...seeded, 'nope'])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(agent.socket, 'department:reorder', { clientId: randomUUID(), order: [...seeded].reverse() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await departmentIds()).toEqual(seeded);

    const reversed = [...seeded].reverse();
    const answer = await reorder(reversed);
    expect(answer.ok && answer.value.map((d) => [d.id, d.position])).toEqual(reversed.map((id, i) => [id, i + 1]));
    expect(await departmentIds()).toEqual(reversed);
    await agent.inbox.nextEvent('department.updated', (e) => e.payload.id === 'canadian-spot' && e.payload.position === 1);
    // Finance stays in the middle: it did not move, so no event for it.
    const page = await callOk<EventsPage>(agent.socket, 'events:since', { since: 0 });
    expect(page.events.filter((e) => e.type === 'department.updated').map((e) => (e.payload as Department).id).sort()).toEqual(['av-media', 'canadian-spot', 'production', 'technical']);
    expect((await audit(admin.socket))[0]).toMatchObject({ action: 'department.reorder', changes: [{ field: 'order', before: seeded, after: reversed }] });
  });
});
