// The server's own address: a small HTML page for a browser, the not-found Result for everything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../support/start-server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

/** What Chromium sends when a person types the address or follows a link. */
const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('GET /', () => {
  it('a browser gets a page saying what this is, linking to the customer page', async () => {
    const res = await fetch(`${server.url}/`, { headers: { accept: browserAccept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('vary')?.toLowerCase()).toContain('accept');
    const html = await res.text();
    expect(html).toContain('<title>Switchboard support server</title>');
    expect(html).toContain('<a href="/support">');
  });

  it('the page may load nothing (no script, no style, inline or not) and is never framed', async () => {
    const res = await fetch(`${server.url}/`, { headers: { accept: browserAccept } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp.split(';').map((d) => d.trim())).toEqual(expect.arrayContaining(["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]));
    expect(csp).not.toMatch(/script-src|style-src|unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).not.toMatch(/<script|<style|style=/i);
  });

  it('an API client asking for JSON still gets the not-found Result', async () => {
    const res = await fetch(`${server.url}/`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('vary')?.toLowerCase()).toContain('accept');
    expect(await res.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'No such endpoint.' } });
  });

  it('a client that accepts anything (curl, fetch) gets the Result too, as any unknown path answers', async () => {
    const [root, unknown] = await Promise.all([fetch(`${server.url}/`), fetch(`${server.url}/no-such-path`)]);
    expect(root.status).toBe(404);
    expect(await root.json()).toEqual(await unknown.json());
  });

  it('another method on / is still the not-found Result, even from a browser', async () => {
    const res = await fetch(`${server.url}/`, { method: 'POST', headers: { accept: browserAccept } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
