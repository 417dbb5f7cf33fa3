// Serving the built customer widget: SPA routes, the embed script and assets; a clear 503 when it was not built.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../../support/start-server';

let server: TestServer | null = null;
let dir: string | null = null;
afterEach(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  server = null;
  dir = null;
});

describe('widget routes', () => {
  it('answers 503 with a hint when the widget is not built', async () => {
    server = await startServer();
    for (const path of ['/support', '/comment/12', '/widget.js']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(503);
      expect(await res.text()).toBe('widget not built: run npm run build');
    }
  });

  it('serves the SPA for /support and /comment/:id, the embed script and assets', async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-widget-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>support</title>');
    await writeFile(join(dir, 'embed.js'), 'console.log("embed")');
    await writeFile(join(dir, 'assets', 'app.js'), 'export {}');
    server = await startServer({ env: { WIDGET_DIR: dir } });
    for (const path of ['/support', '/comment/12']) {
      const res = await fetch(`${server.url}${path}?sig=x`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>support</title>');
    }
    const embed = await fetch(`${server.url}/widget.js`);
    expect(embed.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${server.url}/widget/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/widget/../../etc/passwd`)).status).toBe(404);
  });
});
