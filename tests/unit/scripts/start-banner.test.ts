import { describe, expect, it } from 'vitest';
import {
  classifyServerLine,
  desktopUnavailableLine,
  desktopUnavailableReason,
  parseLogRecord,
  shortLogLine,
  startBanner,
} from '../../../scripts/start-banner.mjs';

const accounts = [
  { role: 'admin', email: 'admin@switchboard.local', password: 'tulip-orbit-42' },
  { role: 'agent', email: 'dana@switchboard.local', password: 'maple-quartz-17' },
];

describe('sorting the server output', () => {
  it('recognises the demo accounts, the listening line and the password note', () => {
    expect(classifyServerLine('Demo admin account created: admin@switchboard.local / tulip-orbit-42')).toEqual({ kind: 'demo-account', ...accounts[0] });
    expect(classifyServerLine('Switchboard server on http://127.0.0.1:4080 (support page: https://help.example.com/support)')).toEqual({
      kind: 'listening',
      url: 'http://127.0.0.1:4080',
      supportUrl: 'https://help.example.com/support',
    });
    expect(classifyServerLine('Store these passwords now; they are not shown again.')).toEqual({ kind: 'passwords-note' });
  });

  it('treats pino JSON lines as log records and anything else as text', () => {
    const line = '{"level":30,"time":1,"pid":1,"msg":"server listening","port":4080}';
    expect(classifyServerLine(line)).toEqual({ kind: 'log', record: JSON.parse(line) });
    expect(classifyServerLine('Switchboard server failed to start: EADDRINUSE')).toEqual({ kind: 'text', text: 'Switchboard server failed to start: EADDRINUSE' });
    expect(parseLogRecord('{not json')).toBeNull();
    expect(parseLogRecord('{"msg":"no level"}')).toBeNull();
    expect(classifyServerLine('   ')).toEqual({ kind: 'blank' });
  });
});

describe('warnings on the terminal', () => {
  it('shows warnings and errors in one short line, with the error message', () => {
    expect(shortLogLine('server', { level: 40, msg: 'released the claims an earlier run of this node left behind' })).toBe(
      'server: warn  released the claims an earlier run of this node left behind',
    );
    expect(shortLogLine('console', { level: 50, msg: 'sync failed', err: { message: 'ECONNREFUSED 127.0.0.1:4080' }, pid: 1 })).toBe(
      'console: error sync failed (ECONNREFUSED 127.0.0.1:4080)',
    );
  });

  it('keeps info and debug records for the log file only', () => {
    expect(shortLogLine('server', { level: 30, msg: 'server listening' })).toBeNull();
    expect(shortLogLine('server', { level: 20, msg: 'debug' })).toBeNull();
  });
});

describe('the desktop app notice', () => {
  it('says in one line that Electron could not be downloaded and where the browser console is, not "TypeError: fetch failed"', () => {
    const reason = desktopUnavailableReason({ kind: 'download', output: 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13' });
    const line = desktopUnavailableLine(reason, 'http://127.0.0.1:39123/#k=abc');
    expect(line).toBe('Desktop app not available on this machine (Electron could not be downloaded); using browser mode at http://127.0.0.1:39123/#k=abc');
    expect(line).not.toMatch(/TypeError|fetch failed|\n/);
  });

  it('names the other reasons plainly', () => {
    expect(desktopUnavailableReason({ kind: 'skipped' })).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(desktopUnavailableReason({ kind: 'no-package' })).toBe('the electron package is not installed');
    expect(desktopUnavailableReason({ kind: 'native', detail: 'no compiler' })).toBe('its native modules could not be built for Electron: no compiler');
  });
});

describe('the banner', () => {
  const browser = { kind: 'browser' as const, url: 'http://127.0.0.1:39123/#k=abc' };

  it('lists both addresses, the demo accounts with their passwords, the log files and the note, with no JSON', () => {
    const text = startBanner({
      supportUrl: 'http://127.0.0.1:4080/support',
      console: browser,
      accounts,
      logFiles: ['data/logs/server.log', 'data/logs/console.log'],
      notes: ['Desktop app not available on this machine (Electron could not be downloaded); using browser mode at http://127.0.0.1:39123/#k=abc'],
    }).join('\n');
    expect(text).toContain('Support page (customers)    http://127.0.0.1:4080/support');
    expect(text).toContain('Console (specialists)       http://127.0.0.1:39123/#k=abc');
    expect(text).toMatch(/admin\s+admin@switchboard\.local\s+password: tulip-orbit-42/);
    expect(text).toMatch(/agent\s+dana@switchboard\.local\s+password: maple-quartz-17/);
    expect(text).toContain('not shown again');
    expect(text).toContain('Logs: data/logs/server.log, data/logs/console.log');
    expect(text).toContain('Desktop app not available on this machine');
    expect(text).toContain('Press Ctrl+C to stop.');
    expect(text).not.toMatch(/[{}]/);
  });

  it('names the demo accounts without passwords on later starts', () => {
    const text = startBanner({ supportUrl: 'http://127.0.0.1:4080/support', console: { kind: 'desktop' }, accounts: [], logFiles: [], notes: [] }).join('\n');
    expect(text).toContain('admin@switchboard.local (admin), dana@switchboard.local (agent)');
    expect(text).toContain('shown on the first start only');
    expect(text).toContain('the desktop app window');
    expect(text).not.toContain('password:');
  });
});
