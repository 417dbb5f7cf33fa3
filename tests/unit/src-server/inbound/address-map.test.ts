import { describe, expect, it } from 'vitest';
import { checkRecipient, parseInboundAddresses } from '../../../../src-server/inbound/address-map';

describe('parseInboundAddresses', () => {
  it('maps addresses (lower-cased) to departments', () => {
    const r = parseInboundAddresses('technical=Tech@support.example.com, finance=billing@support.example.com');
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.byAddress]).toEqual([['tech@support.example.com', 'technical'], ['billing@support.example.com', 'finance']]);
    expect([...r.value.domains]).toEqual(['support.example.com']);
  });
  it('refuses malformed pairs, plus-addresses, duplicates and an empty list', () => {
    for (const bad of ['technical', '=tech@s.example.com', 'technical=tech', 'technical=t+x@s.example.com', 'a=t@s.example.com,b=T@s.example.com', ' , ']) {
      expect(parseInboundAddresses(bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
  });
});

describe('checkRecipient', () => {
  const r = parseInboundAddresses('technical=tech@support.example.com');
  if (!r.ok) throw new Error('fixture');
  it('accepts a mapped address, also plus-tagged', () => {
    expect(checkRecipient(r.value, 'TECH@support.example.com')).toEqual({ accept: true, departmentId: 'technical' });
    expect(checkRecipient(r.value, 'tech+t4.abc@support.example.com')).toEqual({ accept: true, departmentId: 'technical' });
  });
  it('refuses unmapped addresses on our domain and other domains', () => {
    expect(checkRecipient(r.value, 'sales@support.example.com')).toEqual({ accept: false, reason: 'No such mailbox: sales@support.example.com' });
    expect(checkRecipient(r.value, 'tech@elsewhere.example')).toMatchObject({ accept: false });
  });
});
