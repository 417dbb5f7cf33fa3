import { describe, expect, it } from 'vitest';
import type { Availability } from '../../../../../src-shared/department';
import { canChat, departmentStatus } from '../../../../../src-server/widget/src/department-status';

/** Wednesday 18 Nov 2026, 20:00 in New York. */
const NOW = Date.UTC(2026, 10, 19, 1, 0);
/** Thursday 19 Nov 2026, 9:00 in New York. */
const THU_9_NY = Date.UTC(2026, 10, 19, 14, 0);

const avail = (over: Partial<Availability>): Availability => ({
  departmentId: 'finance',
  inHours: false,
  mode: 'email',
  nextChangeAt: null,
  hoursText: 'Mon–Fri 9 am to 5 pm Eastern Time',
  ...over,
});

describe('departmentStatus', () => {
  it('says "open now" when in hours with a specialist free', () => {
    expect(departmentStatus(avail({ inHours: true, mode: 'chat' }), NOW, 'America/New_York')).toEqual({ state: 'open', label: 'open now' });
  });

  it('says "no one available" in hours when nobody can take a chat', () => {
    expect(departmentStatus(avail({ inHours: true, mode: 'email', nextChangeAt: NOW + 3_600_000 }), NOW, 'America/New_York')).toEqual({
      state: 'unstaffed',
      label: 'no one available',
    });
  });

  it("names the next opening in the customer's zone, not the department's", () => {
    const closed = avail({ nextChangeAt: THU_9_NY });
    expect(departmentStatus(closed, NOW, 'America/New_York').label).toBe('opens Thu 9:00 AM');
    expect(departmentStatus(closed, NOW, 'Europe/London').label).toBe('opens Thu 2:00 PM');
    // Across the date line the customer's weekday differs too.
    expect(departmentStatus(closed, NOW, 'Pacific/Auckland').label).toBe('opens Fri 3:00 AM');
  });

  it('says "closed" when the schedule never opens again, and "checking…" before availability arrives', () => {
    expect(departmentStatus(avail({ nextChangeAt: null }), NOW, 'UTC')).toEqual({ state: 'closed', label: 'closed' });
    expect(departmentStatus(undefined, NOW, 'UTC')).toEqual({ state: 'unknown', label: 'checking…' });
  });
});

describe('canChat', () => {
  it('is true only for chat mode', () => {
    expect(canChat(avail({ inHours: true, mode: 'chat' }))).toBe(true);
    expect(canChat(avail({ inHours: true, mode: 'email' }))).toBe(false);
    expect(canChat(undefined)).toBe(false);
  });
});
