import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadName, localFileName, localFilePath } from '../../../../src-main/core/attachment-files';

const id = 'B2C7D0B4-0000-4000-8000-000000000001';

describe('attachment files', () => {
  it('names the local copy by id and sniffed type, never by the uploaded name', () => {
    expect(localFileName({ id, contentType: 'application/pdf' })).toBe('b2c7d0b4-0000-4000-8000-000000000001.pdf');
    expect(localFileName({ id, contentType: 'application/x-unknown' })).toBe('b2c7d0b4-0000-4000-8000-000000000001.bin');
    expect(localFileName({ id: '../../evil', contentType: 'image/png' })).toBeNull();
    expect(localFilePath('/data/attachments', { id: '..', contentType: 'image/png' })).toBeNull();
  });

  it('offers a safe download name: no folders, control or reserved characters', () => {
    expect(downloadName({ id, contentType: 'image/png', fileName: '../../etc/pass<wd>.png' })).toBe('pass_wd_.png');
    expect(downloadName({ id, contentType: 'image/png', fileName: 'C:\\Users\\x\\a\u0007b.png' })).toBe('a_b.png');
    expect(downloadName({ id, contentType: 'image/png', fileName: '...' })).toBe('b2c7d0b4-0000-4000-8000-000000000001.png');
  });

  it('writes Content-Disposition with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('résumé "final".pdf')).toBe(`attachment; filename="r_sum_ _final_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.pdf`);
  });
});
