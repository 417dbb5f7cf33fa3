// Files on the customer comment page: uploaded through the signed link with drop-box checks, attached to a comment, downloaded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Attachment } from '../../../src-shared/attachment';
import type { CommentPage, CustomerCommentReceipt, EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { Result } from '../../../src-shared/result';
import { signCommentLink } from '../../../src-server/auth/tokens';
import { startServer, type TestServer } from '../../support/start-server';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ env: { MAX_UPLOAD_BYTES: '2048' } });
});
afterEach(async () => {
  await server.stop();
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function newTicket(): Promise<number> {
  const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'cust@example.com', departmentId: 'technical', question: 'Broken export' });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value.ticketId;
}

const sigFor = (ticketId: number) => encodeURIComponent(signCommentLink(server.app.ctx.secret, ticketId, server.clock.now() + 3_600_000));

async function upload(ticketId: number, sig: string, name: string, bytes: Buffer): Promise<{ status: number; body: Result<Attachment> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${server.url}/api/comment/${ticketId}/attachments?sig=${sig}`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as Result<Attachment> };
}

const filesIn = async () => readdir(join(server.dataDir, 'files')).catch(() => [] as string[]);
const attachmentRows = async () => (await server.app.ctx.db.selectFrom('attachments').select('id').execute()).length;

describe('comment page attachments', () => {
  it('a customer uploads a file, comments with it, sees it listed and downloads it safely', async () => {
    const id = await newTicket();
    const sig = sigFor(id);
    const up = await upload(id, sig, 'screen.png', PNG);
    expect(up.status).toBe(201);
    if (!up.body.ok) throw new Error(up.body.error.message);
    const att = up.body.value;
    expect(att).toMatchObject({ fileName: 'screen.png', contentType: 'image/png', size: PNG.length, uploadedBy: 'customer' });

    // Not shown (and not downloadable) until a comment references it.
    expect((await fetch(`${server.url}/api/comment/${id}/attachments/${att.id}?sig=${sig}`)).status).toBe(404);
    const posted = await server.http<CustomerCommentReceipt>('POST', `/api/comment/${id}?sig=${sig}`, { body: 'Screenshot attached', attachmentIds: [att.id] });
    expect(posted.status).toBe(201);
    expect(posted.body.ok && posted.body.value.comment.attachments).toEqual([att]);

    const page = await server.http<CommentPage>('GET', `/api/comment/${id}?sig=${sig}`);
    expect(page.body.ok && page.body.value.comments.flatMap((c) => c.attachments.map((a) => a.id))).toEqual([att.id]);

    const dl = await fetch(`${server.url}/api/comment/${id}/attachments/${att.id}?sig=${sig}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await dl.arrayBuffer()).equals(PNG)).toBe(true);

    // Specialists of the ticket's department download it through the agent route; others do not see it.
    const dana = await server.connectSpecialist({ departmentIds: ['technical'] });
    const finance = await server.connectSpecialist({ departmentIds: ['finance'] });
    const agentDl = await fetch(`${server.url}/api/attachments/${att.id}`, { headers: { authorization: `Bearer ${dana.tokens.accessToken}` } });
    expect(agentDl.status).toBe(200);
    expect(Buffer.from(await agentDl.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${server.url}/api/attachments/${att.id}`, { headers: { authorization: `Bearer ${finance.tokens.accessToken}` } })).status).toBe(404);

    // Another ticket's link cannot fetch it, nor can a tampered signature.
    const other = await newTicket();
    expect((await fetch(`${server.url}/api/comment/${other}/attachments/${att.id}?sig=${sigFor(other)}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/comment/${id}/attachments/${att.id}?sig=${sigFor(other)}`)).status).toBe(403);
  });

  it('refuses attachments uploaded through another ticket link, and uploads with a bad or expired link', async () => {
    const mine = await newTicket();
    const theirs = await newTicket();
    const up = await upload(theirs, sigFor(theirs), 'x.png', PNG);
    if (!up.body.ok) throw new Error(up.body.error.message);
    const res = await server.http('POST', `/api/comment/${mine}?sig=${sigFor(mine)}`, { body: 'hi', attachmentIds: [up.body.value.id] });
    expect(res).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    const unknown = await server.http('POST', `/api/comment/${mine}?sig=${sigFor(mine)}`, { body: 'hi', attachmentIds: [randomUUID()] });
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const before = { files: await filesIn(), rows: await attachmentRows() };
    expect((await upload(mine, sigFor(theirs), 'x.png', PNG)).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const expired = encodeURIComponent(signCommentLink(server.app.ctx.secret, mine, server.clock.now() - 1));
    expect((await upload(mine, expired, 'x.png', PNG)).body).toMatchObject({ ok: false, error: { code: 'expired' } });
    expect(await filesIn()).toEqual(before.files);
    expect(await attachmentRows()).toBe(before.rows);
  });

  it.each([
    ['too big', 'big.txt', Buffer.alloc(4096, 'a'), 413, 'too_large'],
    ['an executable', 'tool.png', Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64, 0)]), 415, 'unsupported_type'],
    ['a path in its name', '../../etc/passwd.txt', Buffer.from('hello'), 400, 'bad_request'],
  ])('a rejected comment upload (%s) stores nothing', async (_what, name, bytes, status, code) => {
    const id = await newTicket();
    const before = { files: await filesIn(), rows: await attachmentRows() };
    const res = await upload(id, sigFor(id), name, bytes);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ ok: false, error: { code } });
    expect(await filesIn()).toEqual(before.files);
    expect(await attachmentRows()).toBe(before.rows);
  });
});

describe('comment page budgets', () => {
  it('comment posts and file uploads past the budget of one address are refused with 429 and Retry-After, before any work', async () => {
    const limited = await startServer({ env: { RATE_LIMIT_COMMENT: 'ip=2/10m', RATE_LIMIT_UPLOAD: 'ip=1/10m' } });
    try {
      const res = await limited.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'cust@example.com', departmentId: 'technical', question: 'q' });
      if (!res.body.ok) throw new Error(res.body.error.message);
      const id = res.body.value.ticketId;
      const sig = encodeURIComponent(signCommentLink(limited.app.ctx.secret, id, limited.clock.now() + 3_600_000));
      for (let i = 0; i < 2; i++) expect((await limited.http('POST', `/api/comment/${id}?sig=${sig}`, { body: `comment ${i}` })).status).toBe(201);
      const refused = await fetch(`${limited.url}/api/comment/${id}?sig=${sig}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body: 'one more' }) });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

      const form = () => {
        const f = new FormData();
        f.append('file', new Blob([PNG]), 'screen.png');
        return f;
      };
      expect((await fetch(`${limited.url}/api/comment/${id}/attachments?sig=${sig}`, { method: 'POST', body: form() })).status).toBe(201);
      const again = await fetch(`${limited.url}/api/comment/${id}/attachments?sig=${sig}`, { method: 'POST', body: form() });
      expect(again.status).toBe(429);
      expect(again.headers.get('retry-after')).not.toBeNull();
      expect(await limited.app.ctx.db.selectFrom('attachments').select('id').execute()).toHaveLength(1);
    } finally {
      await limited.stop();
    }
  });
});
