import { describe, expect, it } from 'vitest';
import { createIpcGuard, isAppFrame, methodForChannel } from '../../../../src-main/core/ipc-guard';
import type { ConsoleCommands } from '../../../../src-main/core/console-dispatch';
import { consoleChannel } from '../../../../src-shared/console-api';
import { ok } from '../../../../src-shared/result';

const APP = 'app://console';

/** A service that records calls; only the methods the tests use are real. */
function recordingService() {
  const calls: { method: string; input: unknown }[] = [];
  const service = new Proxy({} as ConsoleCommands, {
    get: (_t, method: string) => async (input: unknown) => {
      calls.push({ method, input });
      return ok(null);
    },
  });
  return { service, calls };
}

describe('isAppFrame', () => {
  it('accepts pages of the app origin only', () => {
    expect(isAppFrame('app://console/index.html#/chats', APP)).toBe(true);
    expect(isAppFrame('app://evil/index.html', APP)).toBe(false);
    expect(isAppFrame('https://console/index.html', APP)).toBe(false);
    expect(isAppFrame('file:///tmp/index.html', APP)).toBe(false);
    expect(isAppFrame('', APP)).toBe(false);
    expect(isAppFrame(undefined, APP)).toBe(false);
  });
});

describe('IPC guard', () => {
  it('rejects a call from an unknown sender without reaching the service', async () => {
    const { service, calls } = recordingService();
    const guard = createIpcGuard({ appOrigin: APP, service });
    const r = await guard.handle(consoleChannel('logout'), 'https://attacker.example/', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('rejects an unknown channel', async () => {
    const { service, calls } = recordingService();
    const guard = createIpcGuard({ appOrigin: APP, service });
    expect(await guard.handle('switchboard:dropDatabase', 'app://console/', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await guard.handle('switchboard:toString', 'app://console/', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(calls).toEqual([]);
  });

  it('rejects bad arguments with field-level issues', async () => {
    const { service, calls } = recordingService();
    const guard = createIpcGuard({ appOrigin: APP, service });
    const r = await guard.handle(consoleChannel('sendMessage'), 'app://console/', { conversationId: 'nope', body: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad_request');
      expect(r.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['conversationId', 'body']));
    }
    expect(calls).toEqual([]);
  });

  it('passes a good call to the service with parsed input (defaults applied)', async () => {
    const { service, calls } = recordingService();
    const guard = createIpcGuard({ appOrigin: APP, service });
    const conversationId = '6f1c2a7e-3b1d-4c55-9a51-0a4c0d1e2f3a';
    const r = await guard.handle(consoleChannel('sendMessage'), 'app://console/index.html', { conversationId, body: 'hi\r\nthere' });
    expect(r).toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ method: 'sendMessage', input: { conversationId, body: 'hi\nthere', internal: false } }]);
  });

  it('maps every derived channel back to its method', () => {
    expect(methodForChannel(consoleChannel('search'))).toBe('search');
    expect(methodForChannel('search')).toBeNull();
  });
});
