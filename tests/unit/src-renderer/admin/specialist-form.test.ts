import { describe, expect, it } from 'vitest';
import { blankSpecialist, newSpecialist, specialistFieldsOf, specialistPatch } from '../../../../src-renderer/admin/specialist-form';
import { specialist } from '../factories';

describe('specialist form', () => {
  it('checks a new account with the shared schema (email normalised, limits kept)', () => {
    const r = newSpecialist({ ...blankSpecialist, email: ' Sam@Example.com ', displayName: 'Sam', departmentIds: ['technical'] });
    expect(r).toEqual({ ok: true, value: { email: 'sam@example.com', displayName: 'Sam', role: 'agent', departmentIds: ['technical'], maxConcurrentChats: 4 } });
    const bad = newSpecialist({ ...blankSpecialist, email: 'nope', displayName: '', maxConcurrentChats: '40' });
    expect(bad.ok || Object.keys(bad.issues).sort()).toEqual(['displayName', 'email', 'maxConcurrentChats']);
  });

  it('patches only what changed; departments compared as a set', () => {
    const saved = specialist({ departmentIds: ['technical', 'finance'], maxConcurrentChats: 3 });
    const same = { ...specialistFieldsOf(saved), departmentIds: ['finance', 'technical'] };
    expect(specialistPatch(saved, same)).toEqual({ ok: true, value: null });
    expect(specialistPatch(saved, { ...same, role: 'lead', maxConcurrentChats: '6' })).toEqual({ ok: true, value: { role: 'lead', maxConcurrentChats: 6 } });
    const empty = specialistPatch(saved, { ...same, maxConcurrentChats: '' });
    expect(empty.ok).toBe(false);
  });
});
