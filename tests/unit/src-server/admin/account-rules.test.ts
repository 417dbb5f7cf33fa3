import { describe, expect, it } from 'vitest';
import { accountChangeProblem, type AccountChange } from '../../../../src-server/admin/account-rules';

const admin = { id: 'a', role: 'admin' as const, active: true };
const change = (over: Partial<AccountChange>): AccountChange => ({ actorId: 'b', target: admin, patch: {}, otherActiveAdmins: 1, ...over });

describe('accountChangeProblem', () => {
  it('refuses an admin demoting or deactivating themselves, even when other admins remain', () => {
    expect(accountChangeProblem(change({ actorId: 'a', patch: { role: 'lead' } }))).toMatch(/cannot demote yourself/);
    expect(accountChangeProblem(change({ actorId: 'a', patch: { active: false } }))).toMatch(/cannot deactivate yourself/);
    expect(accountChangeProblem(change({ actorId: 'a', patch: { role: 'admin', active: true } }))).toBeNull();
  });

  it('refuses demoting or deactivating the last active admin, also from the command line', () => {
    expect(accountChangeProblem(change({ otherActiveAdmins: 0, patch: { role: 'agent' } }))).toMatch(/last active admin/);
    expect(accountChangeProblem(change({ actorId: null, otherActiveAdmins: 0, patch: { active: false } }))).toMatch(/last active admin/);
    expect(accountChangeProblem(change({ otherActiveAdmins: 1, patch: { role: 'agent' } }))).toBeNull();
  });

  it('lets anything else through: other fields, other roles, an inactive admin, a reactivation', () => {
    expect(accountChangeProblem(change({ otherActiveAdmins: 0, patch: {} }))).toBeNull();
    expect(accountChangeProblem(change({ target: { id: 'x', role: 'agent', active: true }, otherActiveAdmins: 0, patch: { active: false } }))).toBeNull();
    expect(accountChangeProblem(change({ target: { ...admin, active: false }, otherActiveAdmins: 0, patch: { role: 'lead' } }))).toBeNull();
    expect(accountChangeProblem(change({ actorId: 'a', target: { ...admin, active: false }, patch: { active: true } }))).toBeNull();
  });
});
