import { describe, expect, it } from 'vitest';
import { AGENT_ORIGINS, originAllowed, visitorOrigins } from '../../../../src-server/sockets/origin-policy';

describe('originAllowed', () => {
  it('the console: no Origin, app://console and loopback pages on any port; nothing else', () => {
    for (const o of [undefined, 'app://console', 'http://127.0.0.1:4567', 'http://localhost:80', 'http://[::1]:9000', 'https://localhost'])
      expect(originAllowed(AGENT_ORIGINS, o, 'support.example.com')).toBe(true);
    for (const o of ['null', 'https://evil.example', 'app://other', 'http://127.0.0.1.evil.example', 'http://localhost.evil.example:80', 'file://', 'https://support.example.com'])
      expect(originAllowed(AGENT_ORIGINS, o, 'support.example.com')).toBe(false);
  });

  it('widgets: the listed origins, the server’s own host, no Origin; * accepts any', () => {
    const policy = visitorOrigins(['https://shop.example.com']);
    expect(originAllowed(policy, 'https://shop.example.com', 'support.example.com')).toBe(true);
    expect(originAllowed(policy, 'https://support.example.com', 'support.example.com')).toBe(true);
    expect(originAllowed(policy, undefined, 'support.example.com')).toBe(true);
    expect(originAllowed(policy, 'https://shop.example.com:8443', 'support.example.com')).toBe(false);
    expect(originAllowed(policy, 'http://127.0.0.1:3000', 'support.example.com')).toBe(false);
    expect(originAllowed(visitorOrigins(['*']), 'https://anyone.example', 'support.example.com')).toBe(true);
  });
});
