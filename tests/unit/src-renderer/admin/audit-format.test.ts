import { describe, expect, it } from 'vitest';
import { formatAuditValue } from '../../../../src-renderer/admin/audit-format';

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
  it('shortens long text', () => {
    expect(formatAuditValue('x'.repeat(500)).length).toBe(160);
  });
});
