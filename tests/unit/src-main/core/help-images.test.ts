// Article images in the core: which URLs the preview may fetch, and the preview and upload against a real HTTP
// server on 127.0.0.1 (the help image store and the upload route, answering as the support server does).
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createHelpImages, helpImagePath } from '../../../../src-main/core/help-images';
import { ok } from '../../../../src-shared/result';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const log = pino({ level: 'silent' });

let server: Server | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server with one image at /help/images/a.png, a "PNG" that is text at /help/images/fake.png, and the upload route. */
async function imageServer(): Promise<{ url: string; uploads: { auth: string | undefined; body: string }[] }> {
  const uploads: { auth: string | undefined; body: string }[] = [];
  server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/help/images/a.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.method === 'GET' && req.url === '/help/images/fake.png') return res.writeHead(200, { 'content-type': 'image/png' }).end('<svg onload=alert(1)>');
    if (req.method === 'POST' && req.url === '/api/help/images') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        uploads.push({ auth: req.headers.authorization, body: Buffer.concat(chunks).toString('latin1') });
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, value: { id: 'img1', url: '/help/images/img1.png' } }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, uploads };
}

describe('help image addresses the preview may fetch', () => {
  it('only the help image store on the signed-in server', () => {
    const s = 'https://help.example.com';
    expect(helpImagePath('/help/images/a1.png', s)).toBe('/help/images/a1.png');
    expect(helpImagePath('https://help.example.com/help/images/a1.png', s)).toBe('/help/images/a1.png');
    expect(helpImagePath('https://evil.example.com/help/images/a1.png', s)).toBeNull();
    expect(helpImagePath('/api/attachments/a1', s)).toBeNull();
    expect(helpImagePath('/help/images/../../api/me', s)).toBeNull();
    expect(helpImagePath('/help/images/a.png?x=1', s)).toBeNull();
    expect(helpImagePath('javascript:alert(1)', s)).toBeNull();
  });
});

describe('help images over HTTP', () => {
  it('previews a stored image as a data: URL, and nothing for bytes that are not a raster image or a foreign address', async () => {
    const { url } = await imageServer();
    const images = createHelpImages({ serverUrl: () => url, accessToken: async () => ok('v1.token'), log });
    expect(await images.previewHelpImage({ url: '/help/images/a.png' })).toEqual(ok({ dataUrl: `data:image/png;base64,${PNG.toString('base64')}` }));
    expect(await images.previewHelpImage({ url: '/help/images/fake.png' })).toEqual(ok({ dataUrl: null }));
    expect(await images.previewHelpImage({ url: 'https://elsewhere.example/help/images/a.png' })).toEqual(ok({ dataUrl: null }));
  });

  it('uploads an image with the bearer token and answers where the article links it; refuses bytes that are no image', async () => {
    const { url, uploads } = await imageServer();
    const images = createHelpImages({ serverUrl: () => url, accessToken: async () => ok('v1.token'), log });
    expect(await images.uploadHelpImage({ fileName: 'dialog.png', dataBase64: PNG.toString('base64') })).toEqual(ok({ id: 'img1', url: '/help/images/img1.png' }));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.auth).toBe('Bearer v1.token');
    expect(uploads[0]?.body).toContain('filename="dialog.png"');
    const refused = await images.uploadHelpImage({ fileName: 'notes.png', dataBase64: Buffer.from('%PDF-1.7').toString('base64') });
    expect(refused.ok).toBe(false);
    expect(uploads).toHaveLength(1);
  });
});
