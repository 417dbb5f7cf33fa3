import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAttachmentPreview, imageTypeOf, previewDataUrl } from '../../../../src-main/core/attachment-preview';
import { MAX_PREVIEW_BYTES } from '../../../../src-shared/image-preview';
import { err, ok } from '../../../../src-shared/result';
import type { Attachment } from '../../../../src-shared/attachment';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const WEBP = Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const attachment = (over: Partial<Attachment> = {}): Attachment => ({
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  fileName: 'shot.png',
  size: PNG.length,
  contentType: 'image/png',
  sha256: '0'.repeat(64),
  uploadedBy: 'visitor',
  createdAt: 1,
  ...over,
});

describe('imageTypeOf', () => {
  it('recognises PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect([PNG, JPEG, GIF, WEBP].map((b) => imageTypeOf(b))).toEqual(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
  });

  it('knows nothing else: SVG, text, a RIFF that is not WebP, too few bytes', () => {
    expect(imageTypeOf(SVG)).toBeNull();
    expect(imageTypeOf(Buffer.from('hello'))).toBeNull();
    expect(imageTypeOf(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(imageTypeOf(PNG.subarray(0, 4))).toBeNull();
  });
});

describe('previewDataUrl', () => {
  it('is a data: URL of the recorded type when the bytes are that image', () => {
    expect(previewDataUrl(attachment(), PNG)).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('is null when the bytes are not the recorded type, or the type is no raster image, or it is too large', () => {
    expect(previewDataUrl(attachment({ contentType: 'image/jpeg' }), PNG)).toBeNull();
    expect(previewDataUrl(attachment({ contentType: 'image/svg+xml' }), SVG)).toBeNull();
    expect(previewDataUrl(attachment({ contentType: 'application/pdf' }), Buffer.from('%PDF-1.7'))).toBeNull();
    const huge = Buffer.concat([PNG, Buffer.alloc(MAX_PREVIEW_BYTES)]);
    expect(previewDataUrl(attachment({ size: huge.length }), huge)).toBeNull();
  });
});

describe('previewAttachment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'preview-'));
  const path = join(dir, 'shot.png');
  writeFileSync(path, PNG);

  const setup = (a: Attachment | null) => {
    const downloads: string[] = [];
    const preview = createAttachmentPreview({
      attachment: () => a,
      localCopy: async (id) => {
        downloads.push(id);
        return ok({ path, fileName: 'shot.png', contentType: 'image/png' });
      },
    });
    return { preview, downloads };
  };

  it('answers the downloaded image as a data: URL', async () => {
    const { preview, downloads } = setup(attachment());
    const res = await preview.previewAttachment({ attachmentId: attachment().id });
    expect(res).toEqual({ ok: true, value: { dataUrl: `data:image/png;base64,${PNG.toString('base64')}` } });
    expect(downloads).toEqual([attachment().id]);
  });

  it('never downloads a file that cannot be previewed', async () => {
    for (const a of [attachment({ contentType: 'application/pdf' }), attachment({ size: MAX_PREVIEW_BYTES + 1 })]) {
      const { preview, downloads } = setup(a);
      expect(await preview.previewAttachment({ attachmentId: a.id })).toEqual({ ok: true, value: { dataUrl: null } });
      expect(downloads).toEqual([]);
    }
  });

  it('passes on an unknown attachment and a failed download as errors', async () => {
    expect((await setup(null).preview.previewAttachment({ attachmentId: attachment().id })).ok).toBe(false);
    const offline = createAttachmentPreview({ attachment: () => attachment(), localCopy: async () => err('offline', 'not yet') });
    expect(await offline.previewAttachment({ attachmentId: attachment().id })).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
