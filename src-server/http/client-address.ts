// Who is calling: the TCP peer, or the address a trusted balancer forwarded (X-Forwarded-For), one rule for HTTP
// (fastify's trustProxy) and socket.io handshakes; plus the key a budget counts that address under.
import { BlockList, isIP } from 'node:net';

/** proxy-addr's trust function: whether the hop at `address` (0 = the TCP peer) may tell us who is behind it. */
export type ProxyTrust = (address: string, hop: number) => boolean;

/** A v4 address seen through a dual-stack socket ("::ffff:10.0.0.1") is the v4 address. */
export function plainAddress(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m?.[1] ?? address;
}

/**
 * TRUST_PROXY: "false" (default: the peer is the client; X-Forwarded-For is ignored, since anyone can send it),
 * "true" (every hop: only when nothing but the balancer can reach the server), a number of hops, or a
 * comma-separated list of balancer addresses and CIDR ranges ("127.0.0.1,10.0.0.0/8").
 */
export function parseProxyTrust(text: string): { ok: true; trust: ProxyTrust | null } | { ok: false; message: string } {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'false' || t === '0') return { ok: true, trust: null };
  if (t === 'true') return { ok: true, trust: () => true };
  if (/^\d+$/.test(t)) {
    const hops = Number(t);
    return { ok: true, trust: (_a, hop) => hop < hops };
  }
  const list = new BlockList();
  for (const entry of t.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [addr = '', bits] = entry.split('/');
    const family = isIP(addr);
    if (family === 0) return { ok: false, message: `"${entry}" is not an address or CIDR range` };
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(addr, type);
    else {
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) return { ok: false, message: `"${entry}" has a bad prefix length` };
      list.addSubnet(addr, prefix, type);
    }
  }
  return {
    ok: true,
    trust: (address) => {
      const a = plainAddress(address);
      const family = isIP(a);
      return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/**
 * The client's address as proxy-addr (and so fastify's `req.ip`) computes it: walk from the peer towards the
 * client through X-Forwarded-For while the hop is trusted; the first untrusted one is the client.
 */
export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, trust: ProxyTrust | null): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const forwarded = trust ? header.split(',').map((h) => h.trim()).filter(Boolean).reverse() : [];
  const hops = [peer, ...forwarded];
  for (let i = 0; i < hops.length - 1; i++) {
    if (!trust?.(hops[i] ?? '', i)) return plainAddress(hops[i] ?? '');
  }
  return plainAddress(hops[hops.length - 1] ?? '');
}

/** Expands "2001:db8::1" to its eight groups; null for anything that is not IPv6. */
function ipv6Groups(address: string): string[] | null {
  if (isIP(address) !== 6) return null;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (right.some((g) => g.includes('.')) || left.some((g) => g.includes('.'))) return null;
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** A v6 customer holds a whole /64 (one per household or office): a budget per address would be a budget per guess. */
export function budgetKeyOfAddress(address: string): string {
  const a = plainAddress(address);
  const groups = ipv6Groups(a);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : a;
}
