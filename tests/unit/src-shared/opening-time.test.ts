import { describe, expect, it } from 'vitest';
import { formatOpening } from '../../../src-shared/opening-time';

// Wednesday 2026-11-18 20:00 in New York; the opening is Thursday 09:00 there.
const NOW = Date.UTC(2026, 10, 19, 1, 0);
const THU_9_NY = Date.UTC(2026, 10, 19, 14, 0);

describe('formatOpening', () => {
  it('adds the date when the opening is a week or more away (a weekday alone would be ambiguous)', () => {
    expect(formatOpening(THU_9_NY, NOW, 'America/New_York')).toBe('Thu 9:00 AM');
    expect(formatOpening(THU_9_NY + 7 * 86_400_000, NOW, 'America/New_York')).toBe('Thu, Nov 26, 9:00 AM');
  });

  it('uses plain spaces, never the narrow no-break space ICU puts before AM/PM', () => {
    expect(formatOpening(THU_9_NY, NOW, 'UTC')).not.toMatch(/[\u202f\u00a0]/);
  });
});
