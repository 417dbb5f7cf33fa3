import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../../../src-shared/attachment';
import { createChatImageLoader } from '../../../../../src-server/widget/src/chat-images';

const attachment = (over: Partial<Attachment> = {}): Attachment => ({
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  fileName: 'shot.png',
  size: 3,
  contentType: 'image/png',
  sha256: '0'.repeat(64),
  uploadedBy: 'visitor',
  createdAt: 1,
  ...over,
});

function fakeFetch(status = 200) {
  const calls: { url: string; auth: string | null }[] = [];
  const impl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, auth: new Headers(init?.headers).get('authorization') });
    return new Response(new Uint8Array([1, 2, 3]), { status, headers: { 'content-type': 'image/svg+xml' } });
  }) as typeof fetch;
  return { calls, impl };
}

describe('createChatImageLoader', () => {
  it('fetches an image once with the visitor token and shows it from a blob: URL typed by the record', async () => {
    const f = fakeFetch();
    const loader = createChatImageLoader('http://sb.test', 'tok-123', f.impl);
    const [a, b] = await Promise.all([loader.load(attachment()), loader.load(attachment())]);
    expect(a).toMatch(/^blob:/);
    expect(b).toBe(a);
    expect(f.calls).toEqual([{ url: 'http://sb.test/api/attachments/0f8fad5b-d9cb-469f-a165-70867728950e', auth: 'Bearer tok-123' }]);
    const blob = await (await fetch(a!)).blob();
    // Not the answer's type: whatever the server said, only the recorded raster type is ever rendered.
    expect(blob.type).toBe('image/png');
    loader.dispose();
  });

  it('fetches nothing for files that are no previewable image', async () => {
    const f = fakeFetch();
    const loader = createChatImageLoader('http://sb.test', 'tok', f.impl);
    expect(await loader.load(attachment({ contentType: 'application/pdf' }))).toBeNull();
    expect(await loader.load(attachment({ contentType: 'image/svg+xml' }))).toBeNull();
    expect(await loader.load(attachment({ size: 6 * 1024 * 1024 }))).toBeNull();
    expect(f.calls).toEqual([]);
  });

  it('answers null for a refused download and tries again next time', async () => {
    const f = fakeFetch(404);
    const loader = createChatImageLoader('http://sb.test', 'tok', f.impl);
    expect(await loader.load(attachment())).toBeNull();
    expect(await loader.load(attachment())).toBeNull();
    expect(f.calls).toHaveLength(2);
  });
});
