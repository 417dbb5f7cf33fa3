import { describe, it, expect } from 'vitest';
import {
  AUTO_SOLVED_RESOLUTION_ID,
  DUPLICATE_RESOLUTION_ID,
  findResolutionType,
  resolutionCatalog,
  resolutionCatalogSchema,
  resolutionSchema,
  selectableResolutionGroups,
  validateResolution,
  type Resolution,
  type ResolutionCatalog,
  type ResolutionContext,
} from '../../../src-shared/resolution-catalog';

// DESIGN.md §3, written out by hand: group → [id, label, rules that are on].
type Flag = 'systemOnly' | 'needsLink' | 'approvalMayBeRequired' | 'notifiesAccountManagement' | 'lumina';
const expected: Record<string, [string, string, Flag[]][]> = {
  'Recommendation/Explanation': [
    ['action-required-by-client', 'Action required (by client)', []],
    ['alternate-workflow-provided', 'Alternate workflow provided', []],
    ['system-functionality-explained', 'System functionality explained', []],
  ],
  'Record/Profile Setup': [
    ['new-record-by-client', 'New record (by client)', []],
    ['record-changed-by-cx', 'Record added/changed (by CX/Implementation)', ['approvalMayBeRequired']],
    ['record-changed-by-account-management', 'Record added/changed (by Account Management)', ['approvalMayBeRequired']],
  ],
  Defect: [
    ['code-fix', 'Code fix', []],
    ['data-fix', 'Data fix/patch', ['approvalMayBeRequired']],
  ],
  Redirect: [
    ['enhancement-request', 'Enhancement request (managed by Account Management)', ['notifiesAccountManagement']],
    ['redirect-other', 'Other (managed by Account Management)', ['notifiesAccountManagement']],
    ['existing-record-change-by-client', 'Existing record change (managed by Client)', []],
    ['external-system', 'External system (managed by Third Party)', []],
  ],
  Technical: [['technical', 'Technical', []]],
  'Auto-solved': [['auto-solved-no-response', 'No response from user', ['systemOnly']]],
  Duplicate: [['duplicate', 'Duplicate', ['needsLink']]],
  'Professional Services': [
    ['on-site-support', 'On-site support', []],
    ['configuration-request', 'Configuration request', ['lumina']],
  ],
  Training: [
    ['training-completed', 'Training completed', []],
    ['training-cancelled', 'Training cancelled', []],
    ['utilized-elearning', 'Utilized eLearning', []],
    ['training-registration-related', 'Training registration related', []],
  ],
};
const expectedTypes = Object.entries(expected).flatMap(([group, types]) => types.map(([id, label, flags]) => ({ group, id, label, flags })));

const specialist: ResolutionContext = { actor: 'specialist', ticketId: 100, product: null };
const resolution = (typeId: string, extra: Partial<Resolution> = {}): Resolution => ({ typeId, catalogVersion: 1, ...extra });
const allTypeIds = resolutionCatalog.groups.flatMap((g) => g.types.map((t) => t.id));

function expectInvalid(result: ReturnType<typeof validateResolution>, message: RegExp) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid_resolution');
  expect(result.error.message).toMatch(message);
}

describe('resolution catalog (version 1)', () => {
  it('is version 1 and passes its own schema', () => {
    expect(resolutionCatalog.version).toBe(1);
    expect(resolutionCatalogSchema.safeParse(resolutionCatalog).success).toBe(true);
  });

  it('has exactly the groups of DESIGN.md §3, in order', () => {
    expect(resolutionCatalog.groups.map((g) => g.label)).toEqual(Object.keys(expected));
  });

  it('has every DESIGN.md §3 type exactly once and nothing else', () => {
    expect(allTypeIds).toHaveLength(expectedTypes.length);
    expect(new Set(allTypeIds).size).toBe(allTypeIds.length);
    expect([...allTypeIds].sort()).toEqual(expectedTypes.map((t) => t.id).sort());
  });

  it('does not carry the superseded "Void" type', () => {
    const labels = resolutionCatalog.groups.flatMap((g) => g.types.map((t) => t.label.toLowerCase()));
    expect(labels).not.toContain('void');
  });

  it.each(expectedTypes)('has $group › $label as "$id" with rules $flags', ({ group, id, label, flags }) => {
    const g = resolutionCatalog.groups.find((x) => x.label === group);
    const t = g?.types.find((x) => x.id === id);
    expect(t).toBeDefined();
    if (!t) return;
    expect(t.label).toBe(label);
    expect(t.description.length).toBeGreaterThan(20);
    expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(t.systemOnly).toBe(flags.includes('systemOnly'));
    expect(t.needsLink).toBe(flags.includes('needsLink'));
    expect(t.approvalMayBeRequired).toBe(flags.includes('approvalMayBeRequired'));
    expect(t.notifiesAccountManagement).toBe(flags.includes('notifiesAccountManagement'));
    expect(t.products).toEqual(flags.includes('lumina') ? ['lumina'] : undefined);
  });

  it('has unique group ids', () => {
    const ids = resolutionCatalog.groups.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the constants after real types', () => {
    expect(AUTO_SOLVED_RESOLUTION_ID).toBe('auto-solved-no-response');
    expect(findResolutionType(AUTO_SOLVED_RESOLUTION_ID)?.systemOnly).toBe(true);
    expect(findResolutionType(DUPLICATE_RESOLUTION_ID)?.needsLink).toBe(true);
  });
});

describe('resolutionCatalogSchema', () => {
  const t = resolutionCatalog.groups[0]!.types[0]!;
  it('rejects a catalog with a type id used twice', () => {
    const broken = { version: 2, groups: [{ id: 'a', label: 'A', types: [t] }, { id: 'b', label: 'B', types: [t] }] };
    expect(resolutionCatalogSchema.safeParse(broken).success).toBe(false);
  });

  it('rejects a catalog with a group id used twice', () => {
    const other = { ...t, id: 'other' };
    const broken = { version: 2, groups: [{ id: 'a', label: 'A', types: [t] }, { id: 'a', label: 'B', types: [other] }] };
    expect(resolutionCatalogSchema.safeParse(broken).success).toBe(false);
  });

  it('rejects ids that are not kebab-case and empty groups', () => {
    expect(resolutionCatalogSchema.safeParse({ version: 2, groups: [{ id: 'a', label: 'A', types: [{ ...t, id: 'Code_Fix' }] }] }).success).toBe(false);
    expect(resolutionCatalogSchema.safeParse({ version: 2, groups: [{ id: 'a', label: 'A', types: [] }] }).success).toBe(false);
  });
});

describe('resolutionSchema', () => {
  it('accepts a plain resolution, one with a link and one with an approval', () => {
    expect(resolutionSchema.safeParse({ typeId: 'code-fix', catalogVersion: 1 }).success).toBe(true);
    expect(resolutionSchema.safeParse({ typeId: 'duplicate', catalogVersion: 1, linkedTicketId: 7 }).success).toBe(true);
    expect(resolutionSchema.safeParse({ typeId: 'data-fix', catalogVersion: 1, approval: { requested: true, received: false } }).success).toBe(true);
  });

  it.each([
    [{ typeId: 'code-fix' }],
    [{ typeId: 'code-fix', catalogVersion: 1.5 }],
    [{ typeId: 'duplicate', catalogVersion: 1, linkedTicketId: 0 }],
    [{ typeId: 'duplicate', catalogVersion: 1, linkedTicketId: -3 }],
    [{ typeId: 'duplicate', catalogVersion: 1, linkedTicketId: 2.5 }],
    [{ typeId: 'data-fix', catalogVersion: 1, approval: { requested: true } }],
  ])('rejects %j', (input) => {
    expect(resolutionSchema.safeParse(input).success).toBe(false);
  });
});

describe('findResolutionType', () => {
  it('finds a type by id in any group', () => {
    expect(findResolutionType('record-changed-by-cx')?.label).toBe('Record added/changed (by CX/Implementation)');
    expect(findResolutionType('training-registration-related')?.label).toBe('Training registration related');
  });

  it('returns undefined for an unknown id or a group id that is not a type', () => {
    expect(findResolutionType('void')).toBeUndefined();
    expect(findResolutionType('record-profile-setup')).toBeUndefined();
  });

  it('looks in the catalog it is given', () => {
    const v2: ResolutionCatalog = { version: 2, groups: [{ id: 'support', label: 'Support', types: [{ ...findResolutionType('technical')!, id: 'void', label: 'Void' }] }] };
    expect(findResolutionType('void', v2)?.label).toBe('Void');
    expect(findResolutionType('technical', v2)).toBeUndefined();
  });
});

describe('validateResolution', () => {
  it('accepts every type a specialist may pick on a ticket without a product, without extras', () => {
    const plain = allTypeIds.filter((id) => !['auto-solved-no-response', 'duplicate', 'configuration-request'].includes(id));
    expect(plain).toHaveLength(18);
    for (const id of plain) expect(validateResolution(resolution(id), specialist)).toEqual({ ok: true });
  });

  it('rejects a resolution from another catalog version', () => {
    expectInvalid(validateResolution(resolution('code-fix', { catalogVersion: 0 }), specialist), /version 0 .*current version 1/);
    expectInvalid(validateResolution(resolution('code-fix', { catalogVersion: 2 }), specialist), /version 2/);
  });

  it('validates against the catalog it is given', () => {
    const v2: ResolutionCatalog = { ...resolutionCatalog, version: 2 };
    expect(validateResolution(resolution('code-fix', { catalogVersion: 2 }), specialist, v2)).toEqual({ ok: true });
    expectInvalid(validateResolution(resolution('code-fix'), specialist, v2), /version 1/);
  });

  it('rejects an unknown type, including group ids and the superseded "Void"', () => {
    for (const id of ['nope', 'void', 'defect', '']) expectInvalid(validateResolution(resolution(id), specialist), /Unknown resolution type/);
  });

  describe('system-only types', () => {
    it('let the system auto-solve', () => {
      expect(validateResolution(resolution(AUTO_SOLVED_RESOLUTION_ID), { ...specialist, actor: 'system' })).toEqual({ ok: true });
    });

    it.each(['specialist', 'customer'] as const)('refuse Auto-solved picked by a %s', (actor) => {
      expectInvalid(validateResolution(resolution(AUTO_SOLVED_RESOLUTION_ID), { ...specialist, actor }), /system only/);
    });
  });

  describe('Duplicate', () => {
    it('is accepted with a link to another ticket', () => {
      expect(validateResolution(resolution('duplicate', { linkedTicketId: 42 }), specialist)).toEqual({ ok: true });
    });

    it('must link the original ticket', () => {
      expectInvalid(validateResolution(resolution('duplicate'), specialist), /must link the original/);
    });

    it('cannot link the ticket to itself', () => {
      expectInvalid(validateResolution(resolution('duplicate', { linkedTicketId: 100 }), specialist), /itself/);
    });

    it('must link a ticket that exists when the caller can tell', () => {
      const ticketExists = (id: number) => id === 42;
      expect(validateResolution(resolution('duplicate', { linkedTicketId: 42 }), { ...specialist, ticketExists })).toEqual({ ok: true });
      expectInvalid(validateResolution(resolution('duplicate', { linkedTicketId: 43 }), { ...specialist, ticketExists }), /#43 does not exist/);
    });

    it('does not let other types carry a linked ticket', () => {
      expectInvalid(validateResolution(resolution('code-fix', { linkedTicketId: 42 }), specialist), /does not take a linked ticket/);
    });
  });

  describe('product restriction', () => {
    it('accepts Configuration request on a Lumina ticket', () => {
      expect(validateResolution(resolution('configuration-request'), { ...specialist, product: 'lumina' })).toEqual({ ok: true });
    });

    it.each([['spectra'], [null], ['Lumina']])('refuses Configuration request on a ticket of product %j', (product) => {
      expectInvalid(validateResolution(resolution('configuration-request'), { ...specialist, product }), /only for product lumina/);
    });

    it('leaves unrestricted types available on any product', () => {
      expect(validateResolution(resolution('code-fix'), { ...specialist, product: 'lumina' })).toEqual({ ok: true });
      expect(validateResolution(resolution('code-fix'), { ...specialist, product: 'spectra' })).toEqual({ ok: true });
    });
  });

  describe('data maintenance approval', () => {
    it.each(['record-changed-by-cx', 'record-changed-by-account-management', 'data-fix'])('is recorded on %s in every consistent state', (id) => {
      for (const approval of [undefined, { requested: false, received: false }, { requested: true, received: false }, { requested: true, received: true }]) {
        expect(validateResolution(resolution(id, approval ? { approval } : {}), specialist)).toEqual({ ok: true });
      }
    });

    it('cannot be received without having been requested', () => {
      expectInvalid(validateResolution(resolution('data-fix', { approval: { requested: false, received: true } }), specialist), /without being requested/);
    });

    it('is refused on a type that does not need approval', () => {
      const approval = { requested: true, received: true };
      for (const id of ['code-fix', 'new-record-by-client', 'enhancement-request']) {
        expectInvalid(validateResolution(resolution(id, { approval }), specialist), /does not require data maintenance approval/);
      }
    });
  });
});

describe('selectableResolutionGroups', () => {
  const ids = (groups: ReturnType<typeof selectableResolutionGroups>) => groups.flatMap((g) => g.types.map((t) => t.id));

  it('hides Auto-solved and its now-empty group from specialists', () => {
    const groups = selectableResolutionGroups({ actor: 'specialist', product: null });
    expect(ids(groups)).not.toContain(AUTO_SOLVED_RESOLUTION_ID);
    expect(groups.map((g) => g.label)).not.toContain('Auto-solved');
  });

  it('hides Configuration request unless the ticket is a Lumina ticket', () => {
    expect(ids(selectableResolutionGroups({ actor: 'specialist', product: null }))).not.toContain('configuration-request');
    expect(ids(selectableResolutionGroups({ actor: 'specialist', product: 'spectra' }))).not.toContain('configuration-request');
    expect(ids(selectableResolutionGroups({ actor: 'specialist', product: 'lumina' }))).toContain('configuration-request');
  });

  it('offers a specialist on a Lumina ticket every type but Auto-solved, in catalog order', () => {
    expect(ids(selectableResolutionGroups({ actor: 'specialist', product: 'lumina' }))).toEqual(allTypeIds.filter((id) => id !== AUTO_SOLVED_RESOLUTION_ID));
  });

  it('shows the system the system-only types', () => {
    expect(ids(selectableResolutionGroups({ actor: 'system', product: null }))).toContain(AUTO_SOLVED_RESOLUTION_ID);
  });

  it('offers exactly what validateResolution accepts', () => {
    for (const actor of ['specialist', 'system'] as const) {
      for (const product of [null, 'lumina', 'spectra']) {
        const ctx = { actor, product, ticketId: 1 };
        const offered = new Set(ids(selectableResolutionGroups(ctx)));
        for (const id of allTypeIds) {
          const extra = id === DUPLICATE_RESOLUTION_ID ? { linkedTicketId: 2 } : {};
          expect(validateResolution(resolution(id, extra), ctx).ok).toBe(offered.has(id));
        }
      }
    }
  });

  it('does not change the catalog it filters', () => {
    const before = JSON.stringify(resolutionCatalog);
    selectableResolutionGroups({ actor: 'specialist', product: null });
    expect(JSON.stringify(resolutionCatalog)).toBe(before);
  });
});
