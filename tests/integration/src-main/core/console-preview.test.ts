// Image thumbnails in the console: the core downloads the visitor's image with the specialist's token and answers a
// data: URL (the renderer never sees a server URL or token); other files answer null and are never fetched for it.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { callOk } from '../../../support/socket-clients';
import type { VisitorChatState } from '../../../../src-shared/protocol/visitor';
import type { DropBox } from '../../../../src-shared/drop-box';
import { harness } from './console-harness';

const h = harness();
afterEach(() => h.cleanup());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function visitorUpload(url: string, token: string, dropBoxId: string, name: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${url}/api/uploads/dropbox/${dropBoxId}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status}`);
  return ((await res.json()) as { value: DropBox }).value.attachments[0]!;
}

describe('console core: previewAttachment', () => {
  it('answers a visitor’s PNG as a data: URL, and null for a text file', async () => {
    const srv = await h.bootServer();
    const dana = await srv.current.connectSpecialist({ displayName: 'Dana', departmentIds: ['technical'] });
    const filesDir = h.tempDir();
    const c = h.openConsole(join(h.tempDir(), 'd.db'), srv, { filesDir });
    await c.login(dana);
    const visitor = await srv.current.connectVisitor();
    const chat = await callOk<VisitorChatState & { token: string }>(visitor.socket, 'chat:request', {
      clientId: randomUUID(),
      email: 'v@example.com',
      departmentId: 'technical',
      question: 'See screenshot',
    });
    const conversationId = chat.conversation.id;
    const upload = async (name: string, bytes: Buffer) => {
      const box = await callOk<DropBox>(dana.socket, 'dropbox:insert', { clientId: randomUUID(), conversationId, label: 'A file please' });
      const attachment = await visitorUpload(srv.current.url, chat.token, box.id, name, bytes);
      await c.until(`${name} in the cache`, () => c.cache.attachments.get(attachment.id) !== null);
      return attachment;
    };

    const png = await upload('screen.png', PNG);
    expect(await c.service.previewAttachment({ attachmentId: png.id })).toEqual({ ok: true, value: { dataUrl: `data:image/png;base64,${PNG.toString('base64')}` } });
    // Kept like an opened file: the next preview (or open) needs no server.
    expect(existsSync(join(filesDir, `${png.id}.png`))).toBe(true);

    const text = await upload('notes.txt', Buffer.from('plain words'));
    expect(await c.service.previewAttachment({ attachmentId: text.id })).toEqual({ ok: true, value: { dataUrl: null } });
    expect(existsSync(join(filesDir, `${text.id}.txt`))).toBe(false);
  });
});
