import { describe, expect, it } from 'vitest';
import { createPreviewCache } from '../../../../src-renderer/chats/attachment-previews';
import { err, ok, type Result } from '../../../../src-shared/result';

function fakeCore(answers: Record<string, Result<{ dataUrl: string | null }>>) {
  const asked: string[] = [];
  const preview = async ({ attachmentId }: { attachmentId: string }) => {
    asked.push(attachmentId);
    return answers[attachmentId] ?? err('not_found', 'unknown');
  };
  return { asked, preview };
}

describe('createPreviewCache', () => {
  it('asks the core once per attachment, however often the row shows', async () => {
    const core = fakeCore({ a: ok({ dataUrl: 'data:image/png;base64,AAAA' }) });
    const cache = createPreviewCache(core.preview);
    expect(await Promise.all([cache.load('a'), cache.load('a')])).toEqual(['data:image/png;base64,AAAA', 'data:image/png;base64,AAAA']);
    expect(await cache.load('a')).toBe('data:image/png;base64,AAAA');
    expect(core.asked).toEqual(['a']);
  });

  it('keeps "no preview" but asks again after a refusal (offline, not downloaded yet)', async () => {
    const core = fakeCore({ pdf: ok({ dataUrl: null }), later: err('offline', 'not yet') });
    const cache = createPreviewCache(core.preview);
    expect(await cache.load('pdf')).toBeNull();
    expect(await cache.load('pdf')).toBeNull();
    expect(await cache.load('later')).toBeNull();
    expect(await cache.load('later')).toBeNull();
    expect(core.asked).toEqual(['pdf', 'later', 'later']);
  });

  it('forgets the least recently shown images beyond its size', async () => {
    const url = (c: string) => `data:image/png;base64,${c.repeat(10)}`;
    const core = fakeCore({ a: ok({ dataUrl: url('a') }), b: ok({ dataUrl: url('b') }), c: ok({ dataUrl: url('c') }) });
    const cache = createPreviewCache(core.preview, url('a').length * 2);
    await cache.load('a');
    await cache.load('b');
    await cache.load('a'); // a is now the most recent
    await cache.load('c'); // over the limit: b goes
    await cache.load('a');
    await cache.load('b');
    expect(core.asked).toEqual(['a', 'b', 'c', 'b']);
  });
});
