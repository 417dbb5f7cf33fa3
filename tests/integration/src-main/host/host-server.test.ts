import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { pino } from 'pino';
import { openCache, type Cache } from '../../../../src-main/core/cache/open-cache';
import { createConsoleService, type ConsoleService } from '../../../../src-main/core/console-service';
import { createMemorySettingsStore, defaultSettings } from '../../../../src-main/core/settings';
import { startHost, WS_PATH, type RunningHost } from '../../../../src-main/host/host-server';

let cache: Cache;
let service: ConsoleService;
let host: RunningHost;
let dir: string;
const log = pino({ level: 'silent' });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'host-'));
  cache = openCache(':memory:');
  service = createConsoleService({ cache, settings: createMemorySettingsStore(defaultSettings('http://127.0.0.1:9')), log });
  host = await startHost({ service, rendererDir: join(dir, 'renderer'), port: 0, log });
});
afterEach(async () => {
  await host.close();
  service.close();
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function openClient(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}${WS_PATH}?secret=${encodeURIComponent(host.secret)}`, { origin: host.origin });
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
}

const nextMessage = (ws: WebSocket, match: (m: Record<string, unknown>) => boolean) =>
  new Promise<Record<string, unknown>>((resolve) => {
    const onMessage = (raw: unknown) => {
      const m = JSON.parse(String(raw)) as Record<string, unknown>;
      if (match(m)) {
        ws.off('message', onMessage);
        resolve(m);
      }
    };
    ws.on('message', onMessage);
  });

describe('browser-mode host', () => {
  it('puts the secret in the URL fragment, which browsers do not send', () => {
    expect(host.url).toBe(`${host.origin}/#secret=${host.secret}`);
    expect(host.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a WebSocket without the secret', async () => {
    expect(await upgradeStatus(`${host.origin.replace('http', 'ws')}${WS_PATH}`, host.origin)).toBe(401);
    expect(await upgradeStatus(`${host.origin.replace('http', 'ws')}${WS_PATH}?secret=wrong`, host.origin)).toBe(401);
  });

  it('refuses a WebSocket from another origin even with the secret', async () => {
    const url = `${host.origin.replace('http', 'ws')}${WS_PATH}?secret=${encodeURIComponent(host.secret)}`;
    expect(await upgradeStatus(url, 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(url, 'http://localhost:1')).toBe(403);
  });

  it('serves console-protocol calls with the secret and the right origin, and answers bad frames', async () => {
    const ws = await openClient();
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'getSettings', input: {} }));
    expect(await nextMessage(ws, (m) => m.id === 1)).toEqual({ type: 'result', id: 1, result: { ok: true, value: defaultSettings('http://127.0.0.1:9') } });
    ws.send(JSON.stringify({ type: 'call', id: 2, method: 'getMessages', input: { conversationId: 'x' } }));
    expect(await nextMessage(ws, (m) => m.id === 2)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'bad_request' } } });
    ws.send(JSON.stringify({ type: 'call', id: 3, method: 'eval', input: {} }));
    expect(await nextMessage(ws, (m) => m.id === 3)).toMatchObject({ id: 3, result: { ok: false, error: { code: 'not_found' } } });
    // A frame without its type still gets its id back, so the caller is not left waiting.
    ws.send(JSON.stringify({ id: 4, method: 'getSettings', input: {} }));
    expect(await nextMessage(ws, (m) => m.id === 4)).toMatchObject({ type: 'result', id: 4, result: { ok: false, error: { code: 'bad_request' } } });
    ws.send('not json');
    expect(await nextMessage(ws, (m) => m.id === null)).toMatchObject({ type: 'result', result: { ok: false, error: { code: 'bad_request' } } });
    ws.close();
  });

  it('pushes change events to the connected page as event frames', async () => {
    const ws = await openClient();
    const pushed = nextMessage(ws, (m) => m.event === 'session');
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'logout', input: {} }));
    expect(await pushed).toMatchObject({ type: 'event', event: 'session', payload: { me: null, connection: 'offline' } });
    ws.close();
  });

  it('serves a clear page when the renderer is not built, and the app once it is', async () => {
    const missing = await fetch(`${host.origin}/`);
    expect(missing.status).toBe(200);
    expect(await missing.text()).toContain('has not been built yet');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'renderer'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>app shell</title>');
    const page = await fetch(`${host.origin}/chats/123`);
    expect(await page.text()).toContain('app shell');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const escape = await fetch(`${host.origin}/..%2f..%2fetc/passwd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('the console page is never framed and runs no inline script or style', async () => {
    const page = await fetch(`${host.origin}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // Thumbnails come from the core as data: URLs; no image is ever loaded from another origin.
    expect(csp).toMatch(/img-src 'self' data: blob:;/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('one-time attachment links', () => {
  it('serves an offered file once, as a download under its safe name, and never again', async () => {
    const path = join(dir, 'b2c7d0b4-0000-4000-8000-000000000001.png');
    writeFileSync(path, 'not really a png');
    const url = host.offerFile({ path, fileName: 'Screen shot ü.png', contentType: 'image/png' });
    expect(url.startsWith(`${host.origin}/files/`)).toBe(true);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/octet-stream');
    expect(first.headers.get('content-disposition')).toBe(`attachment; filename="Screen shot _.png"; filename*=UTF-8''Screen%20shot%20%C3%BC.png`);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await first.text()).toBe('not really a png');
    expect((await fetch(url)).status).toBe(404);
  });

  it('refuses a guessed link', async () => {
    expect((await fetch(`${host.origin}/files/${'A'.repeat(43)}`)).status).toBe(404);
  });
});
