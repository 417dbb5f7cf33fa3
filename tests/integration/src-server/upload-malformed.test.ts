// A multipart part with malformed headers (a raw line break in its file name) larger than the request stream's
// buffer used to hold the request unanswered until the server's request timeout (found by the fuzz suite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { MAX_UPLOAD_BYTES: '16384' } });
});
afterAll(async () => {
  await server.stop();
});

describe('malformed multipart uploads', () => {
  it('are answered bad_request within seconds, whatever their size, and the server keeps serving', async () => {
    const dana = await server.connectSpecialist();
    const v = await server.connectVisitor();
    const chat = await callOk<{ token: string; conversation: { id: string } }>(v.socket as never, 'chat:request', { clientId: randomUUID(), email: 'a@example.com', departmentId: 'av-media', question: 'q' });
    const box = await callOk<{ id: string }>(dana.socket as never, 'dropbox:insert', { clientId: randomUUID(), conversationId: chat.conversation.id, label: 'Screenshot' });
    const upload = (fileName: string, size: number) =>
      fetch(`${server.url}/api/uploads/dropbox/${box.id}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${chat.token}`, 'content-type': 'multipart/form-data; boundary=B' },
        body: `--B\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n${'A'.repeat(size)}\r\n--B--\r\n`,
        signal: AbortSignal.timeout(8_000),
      });
    for (const size of [100, 17_000, 20_000, 70_000]) {
      const res = await upload('a\nb.png', size);
      expect({ size, status: res.status, body: await res.json() }).toMatchObject({ size, status: 400, body: { ok: false, error: { code: 'bad_request' } } });
    }
    // A well-formed upload over the limit is still told so, and a good one still works.
    expect((await upload('a.png', 17_000)).status).toBe(413);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  }, 60_000);
});
