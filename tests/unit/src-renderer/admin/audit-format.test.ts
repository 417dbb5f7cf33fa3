import { describe, expect, it } from 'vitest';
import { formatAuditValue, visibleChanges } from '../../../../src-renderer/admin/audit-format';

describe('formatAuditValue', () => {
  it('writes nothing as a dash, lists joined, scalars as they are', () => {
    expect(formatAuditValue(null)).toBe('—');
    expect(formatAuditValue('')).toBe('—');
    expect(formatAuditValue(['technical', 'finance'])).toBe('technical, finance');
    expect(formatAuditValue([])).toBe('none');
    expect(formatAuditValue(4)).toBe('4');
    expect(formatAuditValue(false)).toBe('false');
  });
  it('summarises a schedule as its hours and holidays', () => {
    const text = formatAuditValue({
      zone: 'America/New_York',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
      holidays: ['2026-12-25'],
    });
    expect(text).toContain('Mon');
    expect(text).toContain('holidays 2026-12-25');
  });
  it('reads a notice as its severity and text', () => {
    expect(formatAuditValue({ severity: 'warning', text: 'Closed Friday' })).toBe('warning: Closed Friday');
  });
  it('leaves out a change from nothing to nothing', () => {
    const changes = [
      { field: 'description', before: null, after: '' },
      { field: 'name', before: null, after: 'Live Events' },
    ];
    expect(visibleChanges(changes).map((c) => c.field)).toEqual(['name']);
  });
  it('shortens long text', () => {
    expect(formatAuditValue('x'.repeat(500)).length).toBe(160);
  });
});
