import { describe, expect, it } from 'vitest';
import { rendererFileFor } from '../../../../src-main/core/renderer-files';

const root = '/opt/app/dist/renderer';

describe('rendererFileFor', () => {
  it('maps assets inside the renderer folder', () => {
    expect(rendererFileFor(root, '/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
  });

  it('serves the app shell for the root and for client-side routes', () => {
    expect(rendererFileFor(root, '/')).toBe(`${root}/index.html`);
    expect(rendererFileFor(root, '/chats/6f1c2a7e')).toBe(`${root}/index.html`);
  });

  it('refuses paths that climb out of the folder, encoded or not', () => {
    expect(rendererFileFor(root, '/../../etc/passwd.txt')).toBeNull();
    expect(rendererFileFor(root, '/..%2f..%2f..%2fetc%2fpasswd.txt')).toBeNull();
    expect(rendererFileFor(root, '/%00.js')).toBeNull();
    expect(rendererFileFor(root, '/%E0%A4%A')).toBeNull();
  });
});
