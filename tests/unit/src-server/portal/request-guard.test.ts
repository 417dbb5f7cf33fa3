import { describe, expect, it } from 'vitest';
import { checkPortalRequest } from '../../../../src-server/portal/request-guard';

const site = 'https://support.example.com';
const check = (contentType: string | undefined, origin: string | undefined, body: 'json' | 'multipart' | 'none' = 'json') =>
  checkPortalRequest({ method: 'POST', contentType, origin }, { publicOrigin: site, body });

describe('checkPortalRequest', () => {
  it('lets JSON from our own origin, or without an Origin, through', () => {
    expect(check('application/json', site).ok).toBe(true);
    expect(check('Application/JSON; charset=utf-8', undefined).ok).toBe(true);
  });

  it('refuses another origin, an opaque one and a look-alike with forbidden', () => {
    for (const origin of ['https://evil.example', 'null', 'https://support.example.com.evil.example', 'http://support.example.com']) {
      expect(check('application/json', origin)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses the bodies a cross-site form can send without a preflight', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      expect(check(type, site)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('wants multipart on upload routes and any body on sign-out, the Origin still checked', () => {
    expect(check('multipart/form-data; boundary=x', site, 'multipart').ok).toBe(true);
    expect(check('application/json', site, 'multipart').ok).toBe(false);
    expect(check(undefined, site, 'none').ok).toBe(true);
    expect(check(undefined, 'https://evil.example', 'none').ok).toBe(false);
  });
});
