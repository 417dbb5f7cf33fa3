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
  it('reads the Account Management address and the dashboard time zone, refusing unknown zones', () => {
    expect(loadConfig({}).ok && loadConfig({})).toMatchObject({ config: { accountManagementEmail: null, statsTimeZone: 'America/New_York' } });
    const r = loadConfig({ ACCOUNT_MANAGEMENT_EMAIL: 'am@example.com', STATS_TIME_ZONE: 'Europe/London' });
    expect(r.ok && r.config).toMatchObject({ accountManagementEmail: 'am@example.com', statsTimeZone: 'Europe/London' });
    const bad = loadConfig({ ACCOUNT_MANAGEMENT_EMAIL: 'not-an-address', STATS_TIME_ZONE: 'Mars/Olympus' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.message).toContain('ACCOUNT_MANAGEMENT_EMAIL');
      expect(bad.message).toContain('STATS_TIME_ZONE');
    }
  });
  it('keeps metrics off by default and requires a long token to turn them on', () => {
    expect(loadConfig({}).ok && loadConfig({})).toMatchObject({ config: { metricsToken: null, drain: { delayMs: 5000, timeoutMs: 30000 } } });
    const missing = loadConfig({ METRICS: 'on' });
    expect(!missing.ok && missing.message).toContain('METRICS_TOKEN: required when METRICS=on');
    expect(loadConfig({ METRICS: 'on', METRICS_TOKEN: 'short' }).ok).toBe(false);
    const token = 'x'.repeat(32);
    expect(loadConfig({ METRICS: 'on', METRICS_TOKEN: token }).ok && loadConfig({ METRICS: 'on', METRICS_TOKEN: token })).toMatchObject({ config: { metricsToken: token } });
    // A token alone does not switch them on.
    expect(loadConfig({ METRICS_TOKEN: token }).ok && loadConfig({ METRICS_TOKEN: token })).toMatchObject({ config: { metricsToken: null } });
  });
  it('reads socket.io\'s ping interval and timeout, defaulting to socket.io\'s own, and refuses non-positive ones', () => {
    expect(loadConfig({}).ok && loadConfig({})).toMatchObject({ config: { socketPing: { intervalMs: 25000, timeoutMs: 20000 } } });
    const r = loadConfig({ SOCKET_PING_INTERVAL_MS: '5000', SOCKET_PING_TIMEOUT_MS: '2500' });
    expect(r.ok && r.config).toMatchObject({ socketPing: { intervalMs: 5000, timeoutMs: 2500 } });
    const bad = loadConfig({ SOCKET_PING_INTERVAL_MS: '0', SOCKET_PING_TIMEOUT_MS: '1.5' });
    expect(!bad.ok && bad.message).toContain('SOCKET_PING_INTERVAL_MS');
    expect(!bad.ok && bad.message).toContain('SOCKET_PING_TIMEOUT_MS');
  });
  it('refuses a drain delay that does not fit in the drain timeout', () => {
    const r = loadConfig({ DRAIN_DELAY_MS: '10000', DRAIN_TIMEOUT_MS: '5000' });
    expect(!r.ok && r.message).toContain('DRAIN_DELAY_MS: must be shorter than DRAIN_TIMEOUT_MS');
  });
  it('reads budgets over their defaults, trusts no proxy by default, and names what it cannot read', () => {
    const d = loadConfig({});
    expect(d.ok && d.config).toMatchObject({ trustProxy: null, unverifiedMailPerHour: 5, budgets: { email_request: { ip: { points: 30, durationMs: 600_000 } } } });
    const r = loadConfig({ RATE_LIMIT_EMAIL_US: 'ip=3/1m', RATE_LIMIT_LOGIN: 'account=off', TRUST_PROXY: '10.0.0.0/8' });
    expect(r.ok && r.config.budgets.email_request.ip).toEqual({ points: 3, durationMs: 60_000 });
    expect(r.ok && r.config.budgets.email_request.target).toEqual({ points: 10, durationMs: 3_600_000 });
    expect(r.ok && r.config.login.budgets.account).toBeUndefined();
    expect(r.ok && r.config.trustProxy?.('10.1.2.3', 0)).toBe(true);
    const bad = loadConfig({ RATE_LIMIT_UPLOAD: 'target=1/1m', TRUST_PROXY: 'the balancer' });
    expect(!bad.ok && bad.message).toContain('RATE_LIMIT_UPLOAD: unknown scope "target"');
    expect(!bad.ok && bad.message).toContain('TRUST_PROXY');
  });
});
