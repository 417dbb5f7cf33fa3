import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin } from '../../../src-server/admin-cli';
import { openSqlite } from '../../../src-server/db/connection';

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
