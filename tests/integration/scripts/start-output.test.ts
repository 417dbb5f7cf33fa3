// `npm start`'s output sorting against the real server process (src-server/main.ts): what it prints on a first
// start is split by scripts/start-banner.mjs into demo accounts, the listening line and log records, with nothing
// left over for the terminal, and the banner then names every address and password.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyServerLine, shortLogLine, startBanner, type ServerLine } from '../../../scripts/start-banner.mjs';
import { startServerProcess, type ServerProcess } from '../../support/server-process';

let proc: ServerProcess | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  proc?.child.kill('SIGINT');
  await proc?.exited;
  proc = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('npm start output', () => {
  it('turns a first start of the real server into a banner with its accounts, and logs only into the log file', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-start-'));
    await mkdir(join(dataDir, 'widget'));
    proc = await startServerProcess({ DATA_DIR: dataDir, DEMO_PASSWORD: 'demo-password-start-1234', LOG_LEVEL: 'info', WIDGET_DIR: join(dataDir, 'widget') });
    // The demo lines come before the listening line, which startServerProcess waited for.
    const lines = proc.output().split('\n');
    const sorted: ServerLine[] = lines.map((l) => classifyServerLine(l));
    const logRecords = sorted.flatMap((s) => (s.kind === 'log' ? [s.record] : []));
    const accounts = sorted.flatMap((s) => (s.kind === 'demo-account' ? [s] : []));
    const listening = sorted.find((s) => s.kind === 'listening');

    expect(logRecords.length).toBeGreaterThan(0);
    expect(logRecords.some((r) => /listening/i.test(String(r.msg)))).toBe(true);
    // Nothing of the first start needs the terminal on its own: no stray text, no warnings.
    expect(sorted.filter((s) => s.kind === 'text')).toEqual([]);
    expect(logRecords.map((r) => shortLogLine('server', r)).filter(Boolean)).toEqual([]);
    expect(accounts.map((a) => [a.role, a.email, a.password])).toEqual([
      ['admin', 'admin@switchboard.local', 'demo-password-start-1234'],
      ['agent', 'dana@switchboard.local', 'demo-password-start-1234'],
    ]);
    if (listening?.kind !== 'listening') throw new Error('no listening line');
    expect(listening.url).toBe(proc.url);

    const banner = startBanner({ supportUrl: listening.supportUrl, console: { kind: 'browser', url: 'http://127.0.0.1:1/#k=x' }, accounts, logFiles: ['data/logs/server.log'], notes: [] }).join('\n');
    expect(banner).toContain(`Support page (customers)    ${listening.supportUrl}`);
    expect(banner).toMatch(/dana@switchboard\.local\s+password: demo-password-start-1234/);
    // The passwords reach the terminal through the banner only, never a log record.
    expect(JSON.stringify(logRecords)).not.toContain('demo-password-start-1234');
  }, 60_000);
});
