import { describe, expect, it } from 'vitest';
import { validateExternalUrl } from '../../../../src-main/core/external-url';

describe('validateExternalUrl', () => {
  it('allows http and https links', () => {
    expect(validateExternalUrl('https://example.com/help?x=1')).toEqual({ ok: true, value: 'https://example.com/help?x=1' });
    expect(validateExternalUrl('http://example.com').ok).toBe(true);
  });

  it('refuses other schemes that could run code or open local files', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://console/index.html']) {
      expect(validateExternalUrl(url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses links with embedded credentials and non-URLs', () => {
    expect(validateExternalUrl('https://user:pw@example.com').ok).toBe(false);
    expect(validateExternalUrl('not a url')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
