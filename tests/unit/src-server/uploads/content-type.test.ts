import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffContentType } from '../../../../src-server/uploads/content-type';

describe('sniffContentType', () => {
  it('trusts bytes, not names', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await sniffContentType(png, 'report.pdf')).toBe('image/png');
    expect(await sniffContentType(Buffer.from('%PDF-1.7\n'), 'a.png')).toBe('application/pdf');
  });
  it('accepts UTF-8 text and refuses NULs, invalid UTF-8 and empty files', async () => {
    expect(await sniffContentType(Buffer.from('héllo'), 'a.txt')).toBe('text/plain');
    expect(await sniffContentType(Buffer.from('a,b\n'), 'A.CSV')).toBe('text/csv');
    expect(await sniffContentType(Buffer.from([0x61, 0x00]), 'a.txt')).toBeNull();
    expect(await sniffContentType(Buffer.from([0xc3, 0x28]), 'a.txt')).toBeNull();
    expect(await sniffContentType(Buffer.alloc(0), 'a.txt')).toBeNull();
  });
  it('refuses detected types outside the allow-list', async () => {
    const gz = Buffer.from('1f8b0800000000000003', 'hex');
    expect(await sniffContentType(gz, 'a.zip')).toBeNull();
  });
});

describe('cleanFileName', () => {
  it.each(['../x.txt', 'a/b.txt', 'a\\b.txt', '.hidden', 'nul\u0000.txt', '', 'x'.repeat(256)])('refuses %j', (name) => {
    expect(cleanFileName(name)).toBeNull();
  });
  it('keeps ordinary names, including non-ASCII', () => {
    expect(cleanFileName('  Screenshot 2026-11-18 à 10.png ')).toBe('Screenshot 2026-11-18 à 10.png');
  });
});
