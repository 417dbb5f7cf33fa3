import { describe, expect, it } from 'vitest';
import { canChange, canChangeCanned, canSeeAdmin } from '../../../../src-renderer/admin/admin-access';

const admin = { role: 'admin' as const, departmentIds: [] };
const lead = { role: 'lead' as const, departmentIds: ['technical'] };
const agent = { role: 'agent' as const, departmentIds: ['technical'] };

describe('admin access', () => {
  it('shows the screens to leads and admins, never to agents', () => {
    expect([admin, lead, agent, null].map(canSeeAdmin)).toEqual([true, true, false, false]);
  });
  it('lets admins change every section but the audit; leads only canned responses and the notice', () => {
    expect(canChange(admin, 'hours')).toBe(true);
    expect(canChange(admin, 'audit')).toBe(false);
    expect(canChange(lead, 'hours')).toBe(false);
    expect(canChange(lead, 'specialists')).toBe(false);
    expect(canChange(lead, 'canned')).toBe(true);
    expect(canChange(lead, 'notice')).toBe(true);
    expect(canChange(agent, 'canned')).toBe(false);
    // Processing a mail again is the admins' (the server refuses leads); leads read the inbound mail.
    expect(canChange(admin, 'inbound')).toBe(true);
    expect(canChange(lead, 'inbound')).toBe(false);
  });
  it('lets leads and admins change any canned response, shared ones too, and agents none', () => {
    expect(canChangeCanned(lead, 'finance')).toBe(true);
    expect(canChangeCanned(lead, null)).toBe(true);
    expect(canChangeCanned(admin, null)).toBe(true);
    expect(canChangeCanned(agent, 'technical')).toBe(false);
  });
});
