import { describe, expect, it } from 'vitest';
import { budgetKeyOfAddress, clientAddress, parseProxyTrust, type ProxyTrust } from '../../../../src-server/http/client-address';

const trustOf = (text: string): ProxyTrust | null => {
  const parsed = parseProxyTrust(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.trust;
};

describe('client address', () => {
  it('ignores X-Forwarded-For unless told to trust the proxy (anyone can send the header)', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', trustOf('false'))).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, null)).toBe('203.0.113.9');
  });

  it('believes only the balancer it trusts, and only as far as the first hop it does not trust', () => {
    const trust = trustOf('127.0.0.1,10.0.0.0/8');
    // Balancer on loopback forwarded the client.
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1', trust)).toBe('198.51.100.1');
    // The client itself sent a forged header: the balancer appended the real address after it.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.1', trust)).toBe('198.51.100.1');
    // Two trusted hops (internal proxy in 10/8), then the client.
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.1.2.3', trust)).toBe('198.51.100.1');
    // A peer that is not the balancer is the client, whatever it claims.
    expect(clientAddress('203.0.113.9', '1.2.3.4', trust)).toBe('203.0.113.9');
  });

  it('counts hops, or trusts every hop with "true"', () => {
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.1', trustOf('1'))).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.1', trustOf('true'))).toBe('1.2.3.4');
  });

  it('refuses a TRUST_PROXY it cannot read', () => {
    expect(parseProxyTrust('balancer.local')).toMatchObject({ ok: false });
    expect(parseProxyTrust('10.0.0.0/40')).toMatchObject({ ok: false });
  });

  it('counts an IPv6 client by its /64, and v4 (mapped or not) by the address', () => {
    expect(budgetKeyOfAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(budgetKeyOfAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(budgetKeyOfAddress('::1')).toBe('0:0:0:0::/64');
    expect(budgetKeyOfAddress('::ffff:10.0.0.7')).toBe('10.0.0.7');
  });
});
