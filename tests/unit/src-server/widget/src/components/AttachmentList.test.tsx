import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Attachment } from '../../../../../../src-shared/attachment';
import { AttachmentList } from '../../../../../../src-server/widget/src/components/AttachmentList';

const file = (fileName: string, contentType: string, size = 2048): Attachment => ({
  id: `id-${fileName}`,
  fileName,
  size,
  contentType,
  sha256: '0'.repeat(64),
  uploadedBy: 'visitor',
  createdAt: 1,
});
const loadImage = async () => 'blob:x';
const thumbnails = (html: string) => html.match(/data-testid="thumbnail"/g)?.length ?? 0;

describe('AttachmentList thumbnails', () => {
  it('shows a thumbnail (a download shortcut hidden from screen readers) for PNG, JPEG, GIF and WebP only', () => {
    const files = [file('a.png', 'image/png'), file('b.jpg', 'image/jpeg'), file('c.gif', 'image/gif'), file('d.webp', 'image/webp'), file('e.pdf', 'application/pdf'), file('f.svg', 'image/svg+xml')];
    const html = renderToStaticMarkup(<AttachmentList attachments={files} onOpen={() => undefined} loadImage={loadImage} />);
    expect(thumbnails(html)).toBe(4);
    expect(html).toMatch(/<button type="button" class="sb-thumb" tabindex="-1" aria-hidden="true" title="Download a.png"/);
  });

  it('links the thumbnail like the name where downloads are plain links (comment page)', () => {
    const html = renderToStaticMarkup(<AttachmentList attachments={[file('a.png', 'image/png')]} hrefFor={(a) => `/dl/${a.id}`} loadImage={loadImage} />);
    expect(html).toMatch(/<a class="sb-thumb" href="\/dl\/id-a.png" download="a.png" tabindex="-1" aria-hidden="true"/);
  });

  it('shows none for images over the preview size, or without a way to load them', () => {
    expect(thumbnails(renderToStaticMarkup(<AttachmentList attachments={[file('big.png', 'image/png', 6 * 1024 * 1024)]} loadImage={loadImage} />))).toBe(0);
    expect(thumbnails(renderToStaticMarkup(<AttachmentList attachments={[file('a.png', 'image/png')]} />))).toBe(0);
  });
});
