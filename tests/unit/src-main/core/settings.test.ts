import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSettingsStore, defaultSettings, mergeSettings } from '../../../../src-main/core/settings';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'settings-'));
  dirs.push(d);
  return d;
};

describe('settings', () => {
  it('changes only the fields an update names', () => {
    const next = mergeSettings(defaultSettings('http://127.0.0.1:4080'), { theme: 'dark' });
    expect(next).toEqual({ ...defaultSettings('http://127.0.0.1:4080'), theme: 'dark' });
  });

  it('refuses an update that would store an invalid server URL', () => {
    expect(() => mergeSettings(defaultSettings('http://127.0.0.1:4080'), { serverUrl: 'not a url' })).toThrow();
  });

  it('persists to a file and falls back to defaults when the file is damaged', () => {
    const file = join(temp(), 'settings.json');
    const defaults = defaultSettings('http://127.0.0.1:4080');
    createFileSettingsStore(file, defaults).set({ ...defaults, theme: 'dark' });
    expect(createFileSettingsStore(file, defaults).get().theme).toBe('dark');
    writeFileSync(file, JSON.stringify({ theme: 'purple' }));
    expect(createFileSettingsStore(file, defaults).get()).toEqual(defaults);
  });

  it('keeps what a file from an older version holds and gives the newer fields their defaults', () => {
    const file = join(temp(), 'settings.json');
    const defaults = defaultSettings('http://127.0.0.1:4080');
    writeFileSync(file, JSON.stringify({ serverUrl: 'https://desk.example.com', notifications: { enabled: false, sound: true, quietWhenAway: true }, theme: 'dark' }));
    expect(createFileSettingsStore(file, defaults).get()).toEqual({
      ...defaults,
      serverUrl: 'https://desk.example.com',
      notifications: { enabled: false, sound: true, quietWhenAway: true },
      theme: 'dark',
    });
  });

  it('falls back to defaults when the file is not JSON at all', () => {
    const file = join(temp(), 'settings.json');
    writeFileSync(file, '{ half a file');
    expect(createFileSettingsStore(file, defaultSettings('http://127.0.0.1:4080')).get()).toEqual(defaultSettings('http://127.0.0.1:4080'));
  });
});
