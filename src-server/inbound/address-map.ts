// Parses INBOUND_ADDRESSES ("technical=tech@support.example.com,finance=billing@…") into address → department.
import { err, ok, type Result } from '../../src-shared/result';
import { baseAddress } from './reply-address';

export interface InboundAddressMap {
  /** Lower-cased department address → department id. */
  byAddress: ReadonlyMap<string, string>;
  /** Domains the listener answers for; other domains are refused at RCPT as "not ours". */
  domains: ReadonlySet<string>;
}

export function parseInboundAddresses(spec: string): Result<InboundAddressMap> {
  const byAddress = new Map<string, string>();
  const domains = new Set<string>();
  for (const part of spec.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const department = part.slice(0, eq).trim();
    const address = part.slice(eq + 1).trim().toLowerCase();
    if (eq <= 0 || !/^[^@\s+]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(address)) {
      return err('bad_request', `INBOUND_ADDRESSES: "${part}" is not department=address (no "+" in the address).`);
    }
    if (byAddress.has(address)) return err('bad_request', `INBOUND_ADDRESSES: ${address} is listed twice.`);
    byAddress.set(address, department);
    domains.add(address.slice(address.lastIndexOf('@') + 1));
  }
  if (byAddress.size === 0) return err('bad_request', 'INBOUND_ADDRESSES: no department=address pair.');
  return ok({ byAddress, domains });
}

export type RecipientVerdict = { accept: true; departmentId: string } | { accept: false; reason: string };

/** RCPT TO: a mapped address (plus-tags allowed) is accepted; anything else is refused with 550. */
export function checkRecipient(map: InboundAddressMap, address: string): RecipientVerdict {
  const base = baseAddress(address);
  const departmentId = map.byAddress.get(base);
  if (departmentId !== undefined) return { accept: true, departmentId };
  const domain = base.slice(base.lastIndexOf('@') + 1);
  return { accept: false, reason: map.domains.has(domain) ? `No such mailbox: ${base}` : `We do not accept mail for ${domain}` };
}
