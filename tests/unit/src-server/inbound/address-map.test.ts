import { describe, expect, it } from 'vitest';
import { addressMapFromDepartments, checkRecipient } from '../../../../src-server/inbound/address-map';

describe('addressMapFromDepartments', () => {
  it('maps each department address (lower-cased) to its department and skips departments without one', () => {
    const m = addressMapFromDepartments([
      { id: 'technical', email: 'Tech@support.example.com' },
      { id: 'av-media', email: null },
      { id: 'finance', email: 'billing@billing.example.org' },
    ]);
    expect([...m.byAddress]).toEqual([['tech@support.example.com', 'technical'], ['billing@billing.example.org', 'finance']]);
    expect([...m.domains]).toEqual(['support.example.com', 'billing.example.org']);
  });
  it('is empty when no department has an address, so every recipient is refused', () => {
    const m = addressMapFromDepartments([{ id: 'technical', email: null }]);
    expect(m.byAddress.size).toBe(0);
    expect(checkRecipient(m, 'tech@support.example.com')).toMatchObject({ accept: false });
  });
});

describe('checkRecipient', () => {
  const map = addressMapFromDepartments([{ id: 'technical', email: 'tech@support.example.com' }]);
  it('accepts a mapped address, also plus-tagged', () => {
    expect(checkRecipient(map, 'TECH@support.example.com')).toEqual({ accept: true, departmentId: 'technical' });
    expect(checkRecipient(map, 'tech+t4.abc@support.example.com')).toEqual({ accept: true, departmentId: 'technical' });
  });
  it('refuses unmapped addresses on our domain and other domains', () => {
    expect(checkRecipient(map, 'sales@support.example.com')).toEqual({ accept: false, reason: 'No such mailbox: sales@support.example.com' });
    expect(checkRecipient(map, 'tech@elsewhere.example')).toEqual({ accept: false, reason: 'We do not accept mail for elsewhere.example' });
  });
});
