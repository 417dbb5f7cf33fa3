import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src-server/config';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const r = loadConfig({});
    expect(r.ok && r.config).toMatchObject({ port: 4080, host: '127.0.0.1', dataDir: './data', publicUrl: 'http://127.0.0.1:4080', databaseUrl: null, smtpUrl: null, groupCommit: true });
  });
  it('treats empty strings as unset and parses numbers and flags', () => {
    const r = loadConfig({ PORT: '', SPECIALIST_GRACE_MS: '5000', GROUP_COMMIT: 'false', PUBLIC_URL: 'https://help.example.com/' });
    expect(r.ok && r.config).toMatchObject({ port: 4080, specialistGraceMs: 5000, groupCommit: false, publicUrl: 'https://help.example.com' });
  });
  it('fails with a readable message naming the variable', () => {
    const r = loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('PORT');
      expect(r.message).toContain('DATABASE_URL');
    }
  });
});
