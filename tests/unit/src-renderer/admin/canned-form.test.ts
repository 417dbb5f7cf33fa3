import { describe, expect, it } from 'vitest';
import { cannedDraft, groupCanned, sampleValues } from '../../../../src-renderer/admin/canned-form';
import { fillTemplate, type CannedResponse } from '../../../../src-shared/canned-response';
import { department } from '../factories';

const canned = (id: number, shortcut: string, departmentId: string | null): CannedResponse => ({
  id: `40000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  departmentId,
  shortcut,
  title: shortcut,
  body: 'x',
  updatedAt: 1,
});

describe('canned form', () => {
  it('accepts a shortcut typed with its slash and in capitals', () => {
    expect(cannedDraft({ departmentId: null, shortcut: '/Refund', title: 'Refund', body: 'We refund {visitor.email}' })).toEqual({
      ok: true,
      value: { departmentId: null, shortcut: 'refund', title: 'Refund', body: 'We refund {visitor.email}' },
    });
    const bad = cannedDraft({ departmentId: null, shortcut: 'no spaces', title: '', body: '' });
    expect(bad.ok || Object.keys(bad.issues).sort()).toEqual(['body', 'shortcut', 'title']);
  });

  it('fills a preview with a sample customer, my name and the department', () => {
    expect(fillTemplate('{visitor.email} / {specialist.name} / {department.name}', sampleValues('Dana', 'Finance'))).toBe('pat.customer@example.com / Dana / Finance');
  });

  it('groups shared responses first, then departments in their order, leaving out empty groups', () => {
    const groups = groupCanned(
      [canned(1, 'zeta', 'finance'), canned(2, 'hello', null), canned(3, 'alpha', 'finance'), canned(4, 'old', 'gone')],
      [department('technical', 0), department('finance', 1)],
    );
    expect(groups.map((g) => [g.label, g.items.map((c) => c.shortcut)])).toEqual([
      ['Everyone', ['hello']],
      ['Finance', ['alpha', 'zeta']],
      ['gone', ['old']],
    ]);
  });
});
