// Which recipient belongs to which department: built from the departments' direct addresses (Department.email).
import type { Department } from '../../src-shared/department';
import { baseAddress } from './reply-address';

export interface InboundAddressMap {
  /** Lower-cased department address → department id. */
  byAddress: ReadonlyMap<string, string>;
  /** Domains the listener answers for; other domains are refused at RCPT as "not ours". */
  domains: ReadonlySet<string>;
}

/** Departments without an address take no mail; addresses are unique and "+"-free by the department schema. */
export function addressMapFromDepartments(departments: readonly Pick<Department, 'id' | 'email'>[]): InboundAddressMap {
  const byAddress = new Map<string, string>();
  const domains = new Set<string>();
  for (const d of departments) {
    if (!d.email) continue;
    const address = d.email.trim().toLowerCase();
    byAddress.set(address, d.id);
    domains.add(address.slice(address.lastIndexOf('@') + 1));
  }
  return { byAddress, domains };
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
