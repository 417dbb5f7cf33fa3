// Help article images, on SQLite and PostgreSQL: a lead's PNG is stored under a random name and served back inline
// with its sniffed type and inert, long-cached headers; a fake PNG, an agent, no token and odd names are refused.
import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { helpImageUploadedSchema } from '../../../../src-shared/protocol/help';
import type { TestServer } from '../../../support/start-server';
import { dialects, serverPerTest } from './authoring-servers';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function upload(s: TestServer, bytes: Buffer, name: string, token?: string): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${s.url}/api/help/images`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.json() };
}

async function storedFiles(s: TestServer): Promise<string[]> {
  return readdir(join(s.dataDir, 'help-images')).catch(() => []);
}

const imageRows = async (s: TestServer) => (await s.app.ctx.db.selectFrom('help_images').selectAll().execute()).length;

// The PostgreSQL run is skipped only where PostgreSQL is not installed here; the reason is in the title (dialect-servers.ts).
describe.each(dialects)('help images on $title', ({ dialect, skipped }) => {
  const servers = serverPerTest(dialect);

  it.skipIf(skipped !== null)('a lead uploads a PNG and anyone gets it back inline, inert and cached for good', async () => {
    const s = servers.get();
    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const res = await upload(s, PNG, 'diagram.png', lead.tokens.accessToken);
    expect(res.status).toBe(201);
    const { url } = helpImageUploadedSchema.parse((res.body as { value: unknown }).value);
    expect(url).toMatch(/^\/help\/images\/[0-9a-f]{32}\.png$/);
    expect(await storedFiles(s)).toEqual([url.split('/').pop()]);
    const row = await s.app.ctx.db.selectFrom('help_images').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ content_type: 'image/png', uploaded_by: lead.specialist.id });
    expect(Number(row.size)).toBe(PNG.length);

    const got = await fetch(`${s.url}${url}`);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(PNG);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(got.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(got.headers.get('content-disposition')).toBe('inline');
  });

  it.skipIf(skipped !== null)('refuses a fake PNG, an agent and a missing token, storing nothing', async () => {
    const s = servers.get();
    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const agent = await s.connectSpecialist({ role: 'agent' });

    const fake = await upload(s, Buffer.from('<svg onload="alert(1)">not a png</svg>'), 'looks.png', lead.tokens.accessToken);
    expect(fake).toMatchObject({ status: 415, body: { ok: false, error: { code: 'unsupported_type' } } });
    const pdf = await upload(s, Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1'), 'doc.png', lead.tokens.accessToken);
    expect(pdf).toMatchObject({ status: 415, body: { ok: false, error: { code: 'unsupported_type' } } });
    expect(await upload(s, PNG, 'diagram.png', agent.tokens.accessToken)).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    expect(await upload(s, PNG, 'diagram.png')).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorized' } } });
    expect(await upload(s, PNG, 'diagram.png', 'v1.not-a-token')).toMatchObject({ status: 401 });

    expect(await storedFiles(s)).toEqual([]);
    expect(await imageRows(s)).toBe(0);
  });

  it.skipIf(skipped !== null)('answers 404 for unknown and malformed names', async () => {
    const s = servers.get();
    const lead = await s.connectSpecialist({ role: 'lead', departmentIds: [] });
    const res = await upload(s, PNG, 'a.png', lead.tokens.accessToken);
    const name = (helpImageUploadedSchema.parse((res.body as { value: unknown }).value).url.split('/').pop() ?? '').replace('.png', '');
    for (const path of [`/help/images/${'0'.repeat(32)}.png`, `/help/images/${name}.svg`, `/help/images/${name}.PNG`, `/help/images/${name}`, '/help/images/..%2Fswitchboard.db', `/help/images/${name}.png.html`]) {
      const got = await fetch(`${s.url}${path}`);
      expect(got.status, path).toBe(404);
      expect(got.headers.get('content-type'), path).not.toMatch(/^image\//);
    }
  });
});
