import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CommentFiles, MAX_COMMENT_FILES, type CommentFilesState } from '../../../../../../src-server/widget/src/components/CommentFiles';

const state = (over: Partial<CommentFilesState> = {}): CommentFilesState => ({
  files: [],
  error: null,
  uploading: false,
  attachmentIds: [],
  add: () => undefined,
  remove: () => undefined,
  clear: () => undefined,
  ...over,
});

const file = (key: number, attachmentId: string | null, progress = 0) => ({ key, name: `f${key}.png`, size: 2048, progress, attachmentId });

describe('CommentFiles', () => {
  it('shows a progress bar while a file uploads and "ready to send" once stored', () => {
    const html = renderToStaticMarkup(<CommentFiles state={state({ files: [file(1, null, 0.4), file(2, 'a-id')] })} disabled={false} />);
    expect(html).toContain('aria-label="Uploading f1.png"');
    expect(html).toContain('40%');
    expect(html).toContain('2.0 KB · ready to send');
    expect(html).toContain('aria-label="Remove f2.png"');
  });

  it('shows the refusal as an alert', () => {
    const html = renderToStaticMarkup(<CommentFiles state={state({ error: '“big.png” is too large.' })} disabled={false} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('“big.png” is too large.');
  });

  it('offers no more files once a comment carries the most it may', () => {
    const full = Array.from({ length: MAX_COMMENT_FILES }, (_, i) => file(i + 1, `id-${i}`));
    expect(renderToStaticMarkup(<CommentFiles state={state({ files: full })} disabled={false} />)).not.toContain('type="file"');
    expect(renderToStaticMarkup(<CommentFiles state={state()} disabled={false} />)).toContain('type="file"');
  });

  it('says "Drop to upload" over its files area while files are dragged over the form', () => {
    expect(renderToStaticMarkup(<CommentFiles state={state()} disabled={false} dragging />)).toContain('Drop to upload');
    expect(renderToStaticMarkup(<CommentFiles state={state()} disabled={false} />)).not.toContain('Drop to upload');
  });
});
