// Response headers by surface: the customer page and widget frameable by sites, the comment page never; CSP, nosniff, no-store.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../../support/start-server';

let server: TestServer | null = null;
let widgetDir = '';
afterEach(async () => {
  await server?.stop();
  server = null;
  if (widgetDir) await rm(widgetDir, { recursive: true, force: true });
});

async function start(env: Record<string, string> = {}) {
  widgetDir = await mkdtemp(join(tmpdir(), 'widget-'));
  await mkdir(join(widgetDir, 'assets'));
  await writeFile(join(widgetDir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(widgetDir, 'embed.js'), 'void 0;');
  await writeFile(join(widgetDir, 'assets', 'app.js'), 'void 0;');
  server = await startServer({ env: { WIDGET_DIR: widgetDir, ...env } });
  return server;
}

const get = async (path: string, init?: RequestInit) => {
  if (!server) throw new Error('no server');
  return fetch(`${server.url}${path}`, init);
};

/** The CSP as a map of directive → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

function expectStrictCsp(res: Response) {
  const header = res.headers.get('content-security-policy') ?? '';
  expect(header).not.toBe('');
  expect(header).not.toContain('unsafe-inline');
  expect(header).not.toContain('unsafe-eval');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('customer page and widget', () => {
  it('the customer page may be framed by any site by default, with a CSP that allows no inline code', async () => {
    await start();
    const page = await get('/support');
    expect(page.status).toBe(200);
    expectStrictCsp(page);
    const p = csp(page);
    expect(p.get('frame-ancestors')).toEqual(['*']);
    expect(p.get('script-src')).toEqual(["'self'"]);
    expect(p.get('object-src')).toEqual(["'none'"]);
    expect(p.get('base-uri')).toEqual(["'none'"]);
    expect(page.headers.get('x-frame-options')).toBeNull();
  });

  it('FRAME_ANCESTORS narrows who may frame it', async () => {
    await start({ FRAME_ANCESTORS: 'https://www.example.com https://shop.example.com' });
    const p = csp(await get('/support'));
    expect(p.get('frame-ancestors')).toEqual(['https://www.example.com', 'https://shop.example.com']);
  });

  it('the embed script loads on other sites (cross-origin resource policy) and is never sniffed', async () => {
    await start();
    const js = await get('/widget.js');
    expect(js.status).toBe(200);
    expectStrictCsp(js);
    expect(js.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });
});

describe('comment page', () => {
  it('is never framed, never cached and sends no referrer', async () => {
    await start();
    const page = await get('/comment/12?sig=1.abc');
    expect(page.status).toBe(200);
    expectStrictCsp(page);
    expect(csp(page).get('frame-ancestors')).toEqual(["'none'"]);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('its API answers are no-store, even errors', async () => {
    await start();
    const res = await get('/api/comment/12?sig=1.abc');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('API', () => {
  it('JSON answers carry nosniff, a deny-all CSP, no framing; auth answers are no-store', async () => {
    await start();
    const departments = await get('/api/departments');
    expectStrictCsp(departments);
    expect(csp(departments).get('default-src')).toEqual(["'none'"]);
    expect(csp(departments).get('frame-ancestors')).toEqual(["'none'"]);
    expect(departments.headers.get('x-frame-options')).toBe('DENY');
    const login = await get('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@example.com', password: 'nope-nope' }) });
    expect(login.status).toBe(401);
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect(login.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await get('/api/nothing');
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('static widget assets are nosniff', async () => {
    await start();
    const asset = await get('/widget/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
