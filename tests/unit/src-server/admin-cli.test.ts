import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin } from '../../../src-server/admin-cli';
import { openSqlite } from '../../../src-server/db/connection';
import { getDepartment, listDepartments } from '../../../src-server/db/departments';
import { findSpecialistByEmail } from '../../../src-server/db/specialists';
import { listAuditEntries } from '../../../src-server/db/admin-audit';
import { listCanned } from '../../../src-server/db/canned-responses';
import { eventsForAgent } from '../../../src-server/db/events';
import { seedIfEmpty, defaultCannedResponses } from '../../../src-server/seed';
import { systemClock } from '../../../src-server/clock';
import { migrate } from '../../../src-server/db/migrations';

let dir: string;
let out: string[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-admin-'));
  // The CLI reads its configuration like the server does: from the environment.
  vi.stubEnv('DATA_DIR', dir);
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

describe('admin CLI', () => {
  it('creates a department and a specialist with a generated password, and lists them', async () => {
    expect(await runAdmin(['create-department', '--id', 'events', '--name', 'Events', '--hours', '1-5 08:00-12:00;1-5 13:00-18:00', '--routing', 'pick'])).toBe(0);
    expect(await runAdmin(['create-specialist', '--email', 'Kim@Example.com', '--name', 'Kim', '--role', 'lead', '--departments', 'events,finance', '--max', '6'])).toBe(0);
    expect(out.join('')).toMatch(/password \(shown once\): \S{12,}/);
    out.length = 0;
    expect(await runAdmin(['list'])).toBe(0);
    const text = out.join('');
    expect(text).toContain('department events\tEvents\tpick');
    expect(text).toContain('specialist kim@example.com\tKim\tlead\tmax 6\tevents,finance');
  });

  it('lists inbound mail newest first, by status, with its reason', async () => {
    expect(await runAdmin(['inbound-mail'])).toBe(0);
    expect(out.join('')).toContain('no inbound mail recorded');
    const handle = openSqlite(join(dir, 'switchboard.db'));
    const mail = { envelope_from: 'ann@c.example', envelope_to: 'tech@s.example', department_id: 'technical', raw: Buffer.from('x') };
    await handle.db.insertInto('inbound_mail').values([
      { ...mail, received_at: 1, status: 'processed', ticket_id: 4, from_address: 'ann@c.example' },
      { ...mail, received_at: 2, status: 'failed', reason: 'Unparseable mail: no From address.', envelope_from: '' },
    ]).execute();
    await handle.close();
    out.length = 0;
    expect(await runAdmin(['inbound-mail', '--status', 'failed'])).toBe(0);
    expect(out.join('').trim().split('\t')).toEqual([new Date(2).toISOString(), '#2', 'failed', '<>', 'tech@s.example', 'technical', '-', 'Unparseable mail: no From address.']);
    out.length = 0;
    expect(await runAdmin(['inbound-mail', '--last', '5'])).toBe(0);
    expect(out.join('').trim().split('\n').map((l) => l.split('\t').slice(1, 3))).toEqual([['#2', 'failed'], ['#1', 'processed']]);
    expect(await runAdmin(['inbound-mail', '--status', 'lost'])).toBe(1);
  });

  it('lists failed logins from the login audit, newest first', async () => {
    expect(await runAdmin(['login-failures'])).toBe(0);
    expect(out.join('')).toContain('no failed logins in the last 24 h');
    const handle = openSqlite(join(dir, 'switchboard.db'));
    const now = Date.now();
    await handle.db.insertInto('login_attempts').values([
      { email: 'dana@example.com', address: '203.0.113.9', at: now - 60_000, success: 0 },
      { email: 'ghost@example.com', address: '203.0.113.9', at: now - 1_000, success: 0 },
      { email: 'dana@example.com', address: '198.51.100.7', at: now, success: 1 },
    ]).execute();
    await handle.close();
    out.length = 0;
    expect(await runAdmin(['login-failures', '--last', '1'])).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(1))).toEqual([
      ['ghost@example.com', '203.0.113.9'],
      ['dana@example.com', '203.0.113.9'],
    ]);
  });

  it('fails on unknown departments or commands', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runAdmin(['create-specialist', '--email', 'a@b.co', '--name', 'A', '--departments', 'nope'])).toBe(1);
    expect(err).toHaveBeenCalledWith(expect.stringContaining('Unknown departments: nope'));
    expect(await runAdmin(['frobnicate'])).toBe(1);
  });
});

describe('admin CLI administration', () => {
  /** Reads the database the CLI wrote, as a server would. */
  async function inDb<T>(read: (db: ReturnType<typeof openSqlite>['db']) => Promise<T>): Promise<T> {
    const handle = openSqlite(join(dir, 'switchboard.db'));
    try {
      return await read(handle.db);
    } finally {
      await handle.close();
    }
  }
  const run = async (...args: string[]) => {
    out.length = 0;
    return runAdmin(args);
  };
  let errors: string[];
  beforeEach(async () => {
    errors = [];
    vi.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
    // Any command migrates and seeds the database first.
    expect(await run('list')).toBe(0);
  });

  it('create-department adds a new one only, pointing to update-department for an existing id', async () => {
    expect(await run('create-department', '--id', 'events', '--name', 'Events', '--greeting', 'Hi from {department.name}')).toBe(0);
    expect(await inDb((db) => getDepartment(db, 'events'))).toMatchObject({ name: 'Events', greeting: 'Hi from {department.name}', position: 6 });
    expect(await run('create-department', '--id', 'finance', '--name', 'Replaced')).toBe(1);
    expect(errors.join('\n')).toMatch(/finance exists; change it with update-department/);
    expect((await inDb((db) => getDepartment(db, 'finance')))?.name).toBe('Finance');
  });

  it('update-department changes only the fields given and is audited as the command line; the log has the change', async () => {
    const before = await inDb((db) => getDepartment(db, 'finance'));
    expect(await run('update-department', '--id', 'finance', '--name', 'Billing', '--product', 'lumina')).toBe(0);
    const after = await inDb((db) => getDepartment(db, 'finance'));
    expect(after).toEqual({ ...before, name: 'Billing', product: 'lumina' });
    expect(await run('update-department', '--id', 'finance', '--zone', 'Europe/Paris', '--product', '')).toBe(0);
    expect(await inDb((db) => getDepartment(db, 'finance'))).toEqual({ ...after, product: null, schedule: { ...after?.schedule, zone: 'Europe/Paris' } });
    const [latest] = await inDb((db) => listAuditEntries(db, 1));
    expect(latest).toMatchObject({ actorId: null, actorName: 'command line', action: 'department.update', target: 'finance' });
    const log = await inDb((db) => eventsForAgent(db, { all: true, departmentIds: [], specialistId: 'x' }, 0, 100));
    expect(log.events.filter((e) => e.type === 'department.updated').map((e) => (e.payload as { name: string }).name)).toEqual(['Billing', 'Billing']);
    expect(await run('update-department', '--id', 'finance')).toBe(1);
    expect(await run('update-department', '--id', 'finance', '--greeting', 'Hi {visitor.name}')).toBe(1);
    expect(errors.join('\n')).toContain('{visitor.name}');
    expect(await run('update-department', '--id', 'nope', '--name', 'X')).toBe(1);
  });

  it('set-hours replaces the weekly hours and keeps the holidays; add- and remove-holiday edit the holidays only', async () => {
    expect(await run('add-holiday', '--id', 'finance', '--date', '2026-12-25')).toBe(0);
    expect(await run('add-holiday', '--id', 'finance', '--date', '2026-11-26')).toBe(0);
    expect(await run('set-hours', '--id', 'finance', '--hours', '1-5 08:00-12:00;6 10:00-14:00', '--zone', 'America/Chicago')).toBe(0);
    const schedule = (await inDb((db) => getDepartment(db, 'finance')))?.schedule;
    expect(schedule).toEqual({
      zone: 'America/Chicago',
      weekly: [...[1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '12:00' })), { day: 6, open: '10:00', close: '14:00' }],
      holidays: ['2026-11-26', '2026-12-25'],
    });
    expect(await run('remove-holiday', '--id', 'finance', '--date', '2026-12-25')).toBe(0);
    expect((await inDb((db) => getDepartment(db, 'finance')))?.schedule).toEqual({ ...schedule, holidays: ['2026-11-26'] });
    expect(await run('remove-holiday', '--id', 'finance', '--date', '2026-07-04')).toBe(1);
    expect(await run('set-hours', '--id', 'finance', '--hours', 'weekdays')).toBe(1);
    expect(await run('add-holiday', '--id', 'finance', '--date', 'tomorrow')).toBe(1);
  });

  it('reorder-departments needs every department once', async () => {
    expect(await run('reorder-departments', '--order', 'finance,technical')).toBe(1);
    expect(await run('reorder-departments', '--order', 'finance,av-media,production,technical,canadian-spot')).toBe(0);
    expect((await inDb(listDepartments)).map((d) => d.id)).toEqual(['finance', 'av-media', 'production', 'technical', 'canadian-spot']);
  });

  it('updates, deactivates, reactivates and resets accounts; the last active admin stays one; the audit lists it all', async () => {
    expect(await run('create-specialist', '--email', 'kim@example.com', '--name', 'Kim', '--role', 'admin', '--password', 'first-password')).toBe(0);
    expect(await run('create-specialist', '--email', 'lee@example.com', '--name', 'Lee', '--departments', 'finance')).toBe(0);
    expect(await run('update-specialist', '--email', 'lee@example.com', '--role', 'lead', '--max', '6')).toBe(0);
    expect(await inDb((db) => findSpecialistByEmail(db, 'lee@example.com'))).toMatchObject({ displayName: 'Lee', role: 'lead', maxConcurrentChats: 6, departmentIds: ['finance'] });
    expect(await run('update-specialist', '--email', 'lee@example.com', '--departments', 'technical,finance')).toBe(0);
    expect((await inDb((db) => findSpecialistByEmail(db, 'lee@example.com')))?.departmentIds).toEqual(['finance', 'technical']);

    // Kim is the only admin: the command line may not deactivate or demote her either.
    expect(await run('deactivate-specialist', '--email', 'kim@example.com')).toBe(1);
    expect(await run('update-specialist', '--email', 'kim@example.com', '--role', 'agent')).toBe(1);
    expect(errors.join('\n')).toMatch(/last active admin/);
    expect(await run('deactivate-specialist', '--email', 'lee@example.com')).toBe(0);
    expect((await inDb((db) => findSpecialistByEmail(db, 'lee@example.com')))?.active).toBe(false);
    expect(await run('list')).toBe(0);
    expect(out.join('')).toContain('specialist lee@example.com\tLee\tlead\tmax 6\tfinance,technical\tdeactivated');
    expect(await run('reactivate-specialist', '--email', 'lee@example.com')).toBe(0);
    expect(await run('reset-password', '--email', 'lee@example.com')).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(out.join(''))?.[1];
    expect(password).toMatch(/^\S{12,}$/);
    expect(await run('update-specialist', '--email', 'ghost@example.com', '--max', '2')).toBe(1);

    expect(await run('audit', '--last', '4')).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(1, 4))).toEqual([
      ['command line', 'specialist.reset-password', 'lee@example.com'],
      ['command line', 'specialist.reactivate', 'lee@example.com'],
      ['command line', 'specialist.deactivate', 'lee@example.com'],
      ['command line', 'specialist.update', 'lee@example.com'],
    ]);
    expect(lines[2]).toContain('active: true → false');
    expect(out.join('')).not.toContain(password);
  });

  it('audit says so when nothing was changed yet', async () => {
    expect(await run('audit')).toBe(0);
    expect(out.join('')).toContain('no administrative changes recorded');
  });
});

describe('canned response seeding', () => {
  it('seeds the shared defaults once, and never again into a list the team emptied', async () => {
    const handle = openSqlite(join(dir, 'seed.db'));
    try {
      await migrate(handle.db, 'sqlite', 0);
      await seedIfEmpty({ db: handle.db, clock: systemClock }, { demoPassword: null, accounts: false });
      const seeded = await listCanned(handle.db, null);
      expect(seeded.map((c) => c.shortcut).sort()).toEqual(defaultCannedResponses.map((c) => c.shortcut).sort());
      expect(seeded.every((c) => c.departmentId === null)).toBe(true);
      await seedIfEmpty({ db: handle.db, clock: systemClock }, { demoPassword: null, accounts: false });
      expect(await listCanned(handle.db, null)).toHaveLength(seeded.length);
      // The team deletes every one (audited, as the services do): a restart leaves the list empty.
      await handle.db.deleteFrom('canned_responses').execute();
      await handle.db.insertInto('admin_audit').values({ at: 1, actor_id: null, actor_name: 'x', action: 'canned.delete', target: '/hello', changes_json: '[]' }).execute();
      await seedIfEmpty({ db: handle.db, clock: systemClock }, { demoPassword: null, accounts: false });
      expect(await listCanned(handle.db, null)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
