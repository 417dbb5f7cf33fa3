// A specialist's upload stays theirs (and their colleagues') until it is sent: the visitor downloads it only from a public message.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Attachment } from '../../../src-shared/attachment';
import type { Result } from '../../../src-shared/result';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

async function setup() {
  const dana = await server.connectSpecialist();
  const v = await server.connectVisitor();
  const s = await callOk<VisitorChatState & { token: string }>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'u@example.com', departmentId: 'technical', question: 'Manual?' });
  const form = new FormData();
  form.append('file', new Blob([PDF]), 'guide.pdf');
  const res = await fetch(`${server.url}/api/uploads/conversation/${s.conversation.id}`, { method: 'POST', headers: { authorization: `Bearer ${dana.tokens.accessToken}` }, body: form });
  const att = ((await res.json()) as { value: Attachment }).value;
  return { dana, s, att };
}

const download = async (id: string, token: string) => {
  const res = await fetch(`${server.url}/api/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, body: res.status === 200 ? null : ((await res.json()) as Result<unknown>) };
};

it('the visitor cannot download a file the specialist uploaded but has not sent; the specialist can', async () => {
  const { dana, s, att } = await setup();
  const early = await download(att.id, s.token);
  expect(early.status).toBe(404);
  expect(early.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect((await download(att.id, dana.tokens.accessToken)).status).toBe(200);
});

it('an internal note carrying the file does not show it to the visitor; a message to the visitor does', async () => {
  const { dana, s, att } = await setup();
  await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: 'for us', internal: true, attachmentIds: [att.id] });
  expect((await download(att.id, s.token)).status).toBe(404);
  await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: 'Here is the guide', attachmentIds: [att.id] });
  const sent = await download(att.id, s.token);
  expect(sent.status).toBe(200);
  expect(sent.headers.get('cache-control')).toContain('no-store');
});

it("another visitor's token never downloads it, sent or not", async () => {
  const { dana, s, att } = await setup();
  await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: 'Here', attachmentIds: [att.id] });
  const other = await server.connectVisitor();
  const o = await callOk<VisitorChatState & { token: string }>(other.socket, 'chat:request', { clientId: randomUUID(), email: 'o@example.com', departmentId: 'technical', question: 'Me too' });
  expect((await download(att.id, o.token)).status).toBe(404);
});
