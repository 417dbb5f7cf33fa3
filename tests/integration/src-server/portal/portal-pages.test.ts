// The portal's pages: the widget SPA at /portal, /portal/* and /contacts, never framed, the sign-in page never stored.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../../../support/start-server';

let server: TestServer | null = null;
let dir = '';
afterEach(async () => {
  await server?.stop();
  server = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

function directives(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name as string, values]));
}

describe('portal pages', () => {
  it('serve the SPA with a CSP that may call our API, never framed; the sign-in page is not stored', async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-portal-widget-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>portal</title>');
    server = await startServer({ env: { WIDGET_DIR: dir } });
    for (const path of ['/portal', '/portal/tickets/12', '/portal/new', '/portal/sign-in?token=abc', '/contacts']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>portal</title>');
      const csp = directives(res);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('connect-src')?.[0]).toBe("'self'");
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const signInPage = await fetch(`${server.url}/portal/sign-in?token=abc`);
    expect(signInPage.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${server.url}/portal`)).headers.get('cache-control')).not.toBe('no-store');
  });

  it('answer 503 with a hint when the widget is not built', async () => {
    server = await startServer();
    for (const path of ['/portal', '/portal/sign-in', '/contacts']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(503);
      expect(await res.text()).toBe('widget not built: run npm run build');
    }
  });
});
