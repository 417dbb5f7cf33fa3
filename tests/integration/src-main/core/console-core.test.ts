// The console core over a real data folder: which server the sign-in form offers after a launch that names one.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startConsoleCore, type ConsoleCore } from '../../../../src-main/core/console-core';
import { defaultSettings } from '../../../../src-main/core/settings';

const dirs: string[] = [];
const cores: ConsoleCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder whose settings remember `remembered` from an earlier run. */
function folderRemembering(remembered: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-core-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...defaultSettings(remembered), theme: 'dark' }));
  return dir;
}

async function offeredServer(dataDir: string, serverUrl: string, serverUrlGiven: boolean): Promise<{ serverUrl: string; theme: string }> {
  const core = startConsoleCore({ dataDir, serverUrl, serverUrlGiven, log: pino({ level: 'silent' }), appInfo: { shell: 'browser', platform: 'linux', version: 't', logDir: null } });
  cores.push(core);
  const res = await core.service.getSettings({});
  if (!res.ok) throw new Error(res.error.message);
  return { serverUrl: res.value.serverUrl, theme: res.value.theme };
}

describe('the server the sign-in form offers', () => {
  it('is the one named at launch, over the remembered one, keeping the other settings', async () => {
    const dir = folderRemembering('http://127.0.0.1:4080/');
    expect(await offeredServer(dir, 'http://127.0.0.1:5080/', true)).toEqual({ serverUrl: 'http://127.0.0.1:5080/', theme: 'dark' });
  });

  it('is the remembered one when the launch named none (the default applies to a first start only)', async () => {
    const dir = folderRemembering('http://support.example.com/');
    expect(await offeredServer(dir, 'http://127.0.0.1:4080/', false)).toEqual({ serverUrl: 'http://support.example.com/', theme: 'dark' });
  });
});
