// Drop boxes and attachments: sniffed content types, size limits, path tricks refused with nothing stored, authorised downloads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { DropBox } from '../../../src-shared/drop-box';
import type { Attachment } from '../../../src-shared/attachment';
import type { Message } from '../../../src-shared/message';
import type { Result } from '../../../src-shared/result';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ env: { MAX_UPLOAD_BYTES: '2048' } });
});
afterEach(async () => {
  await server.stop();
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function upload(path: string, token: string, name: string, bytes: Buffer): Promise<{ status: number; body: Result<unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as Result<unknown> };
}

async function setup() {
  const dana = await server.connectSpecialist();
  const v = await server.connectVisitor();
  const s = await callOk<VisitorChatState & { token: string }>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'u@example.com', departmentId: 'technical', question: 'Error screen' });
  const box = await callOk<DropBox>(dana.socket, 'dropbox:insert', { clientId: randomUUID(), conversationId: s.conversation.id, label: 'A screenshot please' });
  return { dana, v, s, box };
}

const filesIn = async () => readdir(join(server.dataDir, 'files')).catch(() => [] as string[]);
const attachmentRows = async () => (await server.app.ctx.db.selectFrom('attachments').select('id').execute()).length;

describe('drop box uploads', () => {
  it('a visitor fills a drop box; both sides see the file and can download it safely', async () => {
    const { dana, v, s, box } = await setup();
    await v.inbox.nextEvent('dropbox.updated', (e) => e.payload.id === box.id && e.payload.state === 'open');
    const res = await upload(`/api/uploads/dropbox/${box.id}`, s.token, 'screen.png', PNG);
    expect(res.status).toBe(201);
    const filled = (res.body as { value: DropBox }).value;
    expect(filled.state).toBe('fulfilled');
    const [att] = filled.attachments as [Attachment];
    expect(att).toMatchObject({ fileName: 'screen.png', contentType: 'image/png', size: PNG.length, uploadedBy: 'visitor' });

    await dana.inbox.nextEvent('dropbox.updated', (e) => e.payload.id === box.id && e.payload.state === 'fulfilled');
    const msg = await dana.inbox.nextEvent('message.created', (e) => e.payload.attachments.length === 1);
    expect(msg.payload.attachments[0]?.id).toBe(att.id);
    await v.inbox.nextEvent('message.created', (e) => e.payload.attachments[0]?.id === att.id);

    for (const token of [s.token, dana.tokens.accessToken]) {
      const dl = await fetch(`${server.url}/api/attachments/${att.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(dl.status).toBe(200);
      expect(dl.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
      // The sniffed image type (so the pages can show a thumbnail), never rendered as a page with an origin.
      expect(dl.headers.get('content-type')).toBe('image/png');
      expect(dl.headers.get('content-security-policy')).toMatch(/^default-src 'none';.*; sandbox$/);
      expect(Buffer.from(await dl.arrayBuffer()).equals(PNG)).toBe(true);
    }
    const anon = await fetch(`${server.url}/api/attachments/${att.id}`);
    expect(anon.status).toBe(401);
    // A second upload into a fulfilled box is refused.
    expect((await upload(`/api/uploads/dropbox/${box.id}`, s.token, 'again.png', PNG)).status).toBe(409);
  });

  it('accepts UTF-8 text without magic bytes, as text', async () => {
    const { s, box } = await setup();
    const res = await upload(`/api/uploads/dropbox/${box.id}`, s.token, 'log.csv', Buffer.from('a,b\n1,ü\n'));
    expect(res.status).toBe(201);
    expect((res.body as { value: DropBox }).value.attachments[0]?.contentType).toBe('text/csv');
  });

  it.each([
    ['too big', 'big.txt', Buffer.alloc(4096, 'a'), 413, 'too_large'],
    ['an executable', 'tool.png', Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64, 0)]), 415, 'unsupported_type'],
    ['binary posing as text', 'notes.txt', Buffer.from([0x68, 0x00, 0x69, 0xff]), 415, 'unsupported_type'],
    ['a path in its name', '../../etc/passwd.txt', Buffer.from('hello'), 400, 'bad_request'],
    ['a backslash path in its name', '..\\evil.txt', Buffer.from('hello'), 400, 'bad_request'],
  ])('a rejected upload (%s) stores nothing', async (_what, name, bytes, status, code) => {
    const { s, box } = await setup();
    const before = { files: await filesIn(), rows: await attachmentRows() };
    const res = await upload(`/api/uploads/dropbox/${box.id}`, s.token, name, bytes);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ ok: false, error: { code } });
    expect(await filesIn()).toEqual(before.files);
    expect(await attachmentRows()).toBe(before.rows);
  });
});

describe('drop box upload budget', () => {
  it('uploads past the budget of one address are refused with 429 and Retry-After, and nothing is stored', async () => {
    await server.stop();
    server = await startServer({ env: { MAX_UPLOAD_BYTES: '2048', RATE_LIMIT_UPLOAD: 'ip=1/10m' } });
    const { dana, s, box } = await setup();
    expect((await upload(`/api/uploads/dropbox/${box.id}`, s.token, 'screen.png', PNG)).status).toBe(201);
    const second = await callOk<DropBox>(dana.socket, 'dropbox:insert', { clientId: randomUUID(), conversationId: s.conversation.id, label: 'Another one' });
    const form = new FormData();
    form.append('file', new Blob([PNG]), 'again.png');
    const res = await fetch(`${server.url}/api/uploads/dropbox/${second.id}`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` }, body: form });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } });
    expect(await attachmentRows()).toBe(1);
  });
});

describe('specialist attachments', () => {
  it('a specialist uploads a file and sends it in a message', async () => {
    const { dana, v, s } = await setup();
    const res = await upload(`/api/uploads/conversation/${s.conversation.id}`, dana.tokens.accessToken, 'guide.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'));
    expect(res.status).toBe(201);
    const att = (res.body as { value: Attachment }).value;
    expect(att.contentType).toBe('application/pdf');
    const m = await callOk<Message>(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: 'Here is the guide', attachmentIds: [att.id] });
    expect(m.attachments.map((a) => a.id)).toEqual([att.id]);
    await v.inbox.nextEvent('message.created', (e) => e.payload.attachments[0]?.id === att.id);
    const visitorUpload = await upload(`/api/uploads/conversation/${s.conversation.id}`, s.token, 'x.txt', Buffer.from('hi'));
    expect(visitorUpload.status).toBe(401);
  });
});
