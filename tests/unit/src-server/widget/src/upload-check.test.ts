import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../../../src-shared/attachment';
import { checkUpload } from '../../../../../src-server/widget/src/upload-check';

describe('checkUpload', () => {
  it('accepts an allowed file up to the size limit', () => {
    expect(checkUpload({ name: 'a.png', size: MAX_UPLOAD_BYTES, type: 'image/png' })).toEqual({ ok: true, value: null });
  });

  it('refuses a file over MAX_UPLOAD_BYTES with a message naming its size and the limit', () => {
    const res = checkUpload({ name: 'big.pdf', size: MAX_UPLOAD_BYTES + 1, type: 'application/pdf' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('too_large');
      expect(res.error.message).toContain('10 MB');
    }
  });

  it('refuses a declared type outside the allow-list', () => {
    const res = checkUpload({ name: 'tool.exe', size: 10, type: 'application/x-msdownload' });
    expect(!res.ok && res.error.code).toBe('unsupported_type');
  });

  it('leaves a file with no declared type for the server to judge', () => {
    expect(checkUpload({ name: 'notes', size: 10, type: '' }).ok).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(checkUpload({ name: 'e.txt', size: 0, type: 'text/plain' }).ok).toBe(false);
  });
});
