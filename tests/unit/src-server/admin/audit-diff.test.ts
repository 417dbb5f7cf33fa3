import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../../src-server/admin/audit-diff';

type Thing = { name: string; schedule: { zone: string; holidays: string[] }; product: string | null; secret?: string };
const thing = (over: Partial<Thing> = {}): Thing => ({ name: 'Finance', schedule: { zone: 'UTC', holidays: [] }, product: null, ...over });

describe('changedFields', () => {
  it('lists only the fields that differ, in the order asked, with before and after', () => {
    const before = thing();
    const after = thing({ name: 'Billing', product: 'lumina' });
    expect(changedFields(before, after, ['product', 'schedule', 'name'])).toEqual([
      { field: 'product', before: null, after: 'lumina' },
      { field: 'name', before: 'Finance', after: 'Billing' },
    ]);
  });

  it('compares nested values by content, whatever the order of their keys', () => {
    const before = thing({ schedule: { zone: 'UTC', holidays: ['2026-12-25'] } });
    const reordered = thing({ schedule: { holidays: ['2026-12-25'], zone: 'UTC' } as Thing['schedule'] });
    expect(changedFields(before, reordered, ['schedule'])).toEqual([]);
    const moved = thing({ schedule: { zone: 'UTC', holidays: ['2026-12-26'] } });
    expect(changedFields(before, moved, ['schedule'])).toEqual([{ field: 'schedule', before: before.schedule, after: moved.schedule }]);
  });

  it('reads a creation as every field from null, and a deletion as every field to null', () => {
    expect(changedFields(null, thing(), ['name', 'product'])).toEqual([{ field: 'name', before: null, after: 'Finance' }]);
    expect(changedFields(thing(), null, ['name'])).toEqual([{ field: 'name', before: 'Finance', after: null }]);
  });

  it('never looks at a field it was not asked about (a secret stays out of the audit)', () => {
    expect(changedFields(thing({ secret: 'a' }), thing({ secret: 'b' }), ['name', 'product'])).toEqual([]);
  });
});
