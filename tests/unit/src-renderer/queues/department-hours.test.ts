import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../src-shared/business-hours';
import {
  acceptNextBlocker,
  allClosedText,
  departmentHours,
  formatChange,
  hoursLabel,
  queueHours,
  stillValid,
} from '../../../../src-renderer/queues/department-hours';

const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const ny = (open: string, close: string, holidays: string[] = []): Schedule => ({ zone: 'America/New_York', weekly: weekdays(open, close), holidays });
const nineToFive = ny('09:00', '17:00');
const nineToSeven = ny('09:00', '19:00');
const never: Schedule = { zone: 'America/New_York', weekly: [], holidays: [] };

/** Wednesday 18 Nov 2026: 10:00 and 20:00 in New York; Thursday 9:00 New York is 14:00 UTC (and London). */
const WED_10_NY = Date.UTC(2026, 10, 18, 15, 0);
const WED_20_NY = Date.UTC(2026, 10, 19, 1, 0);
const THU_9_NY = Date.UTC(2026, 10, 19, 14, 0);
/** Friday 20 Nov 2026, 18:00 in New York. */
const FRI_18_NY = Date.UTC(2026, 10, 20, 23, 0);
const LONDON = 'Europe/London';
const load = (active = 0, max = 4) => ({ active, max, full: active >= max });

describe('departmentHours', () => {
  it('is open inside the hours, with the closing as its next change', () => {
    expect(departmentHours(nineToFive, WED_10_NY)).toEqual({ open: true, nextChangeAt: Date.UTC(2026, 10, 18, 22, 0) });
  });

  it('is closed after hours, with the next opening as its next change', () => {
    expect(departmentHours(nineToFive, WED_20_NY)).toEqual({ open: false, nextChangeAt: THU_9_NY });
  });

  it('has no next change when the schedule never opens', () => {
    expect(departmentHours(never, WED_20_NY)).toEqual({ open: false, nextChangeAt: null });
  });
});

describe('stillValid', () => {
  const hours = departmentHours(nineToFive, WED_20_NY);

  it('holds until the next change and not from it', () => {
    expect(stillValid(hours, WED_20_NY, THU_9_NY - 1)).toBe(true);
    expect(stillValid(hours, WED_20_NY, THU_9_NY)).toBe(false);
  });

  it('does not trust a clock that went back before the computation', () => {
    expect(stillValid(hours, WED_20_NY, WED_20_NY - 1)).toBe(false);
  });

  it('re-reads a schedule without a next change after a day', () => {
    const none = departmentHours(never, WED_20_NY);
    expect(stillValid(none, WED_20_NY, WED_20_NY + 23 * 3_600_000)).toBe(true);
    expect(stillValid(none, WED_20_NY, WED_20_NY + 24 * 3_600_000)).toBe(false);
  });
});

describe('hoursLabel and formatChange', () => {
  it('says when a closed department opens in the specialist’s own zone', () => {
    const closed = departmentHours(nineToFive, WED_20_NY);
    expect(hoursLabel(closed, WED_20_NY, LONDON)).toBe('Closed · opens Thu 2:00 PM');
    expect(hoursLabel(closed, WED_20_NY, 'America/New_York')).toBe('Closed · opens Thu 9:00 AM');
  });

  it('skips the weekend to Monday', () => {
    expect(hoursLabel(departmentHours(nineToFive, FRI_18_NY), FRI_18_NY, 'America/New_York')).toBe('Closed · opens Mon 9:00 AM');
  });

  it('names the date when the opening is a week or more away (a holiday week)', () => {
    const holidayWeek = ny('09:00', '17:00', ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(hoursLabel(departmentHours(holidayWeek, FRI_18_NY), FRI_18_NY, 'America/New_York')).toBe('Closed · opens Mon, Nov 30, 9:00 AM');
  });

  it('reads "Open now" inside the hours and plain "Closed" when it never opens', () => {
    expect(hoursLabel(departmentHours(nineToFive, WED_10_NY), WED_10_NY, LONDON)).toBe('Open now');
    expect(hoursLabel(departmentHours(never, WED_10_NY), WED_10_NY, LONDON)).toBe('Closed');
  });

  it('uses plain spaces, not ICU’s narrow no-break space before AM/PM', () => {
    expect(formatChange(THU_9_NY, WED_20_NY, LONDON)).toMatch(/^Thu 2:00 PM$/);
  });
});

describe('queueHours', () => {
  it('is all closed when every department is, with the earliest opening', () => {
    const q = queueHours([departmentHours(nineToFive, WED_20_NY), departmentHours(never, WED_20_NY), departmentHours(nineToSeven, WED_20_NY)]);
    expect(q).toEqual({ count: 3, allClosed: true, nextOpeningAt: THU_9_NY });
    expect(allClosedText(q, WED_20_NY, LONDON)).toBe('All your departments are closed — next opening Thu 2:00 PM.');
  });

  it('is not all closed while one department is open', () => {
    const q = queueHours([departmentHours(nineToFive, Date.UTC(2026, 10, 18, 23, 0)), departmentHours(nineToSeven, Date.UTC(2026, 10, 18, 23, 0))]);
    expect(q.allClosed).toBe(false);
  });

  it('is not all closed without departments, and says so when none ever opens', () => {
    expect(queueHours([]).allClosed).toBe(false);
    expect(allClosedText(queueHours([departmentHours(never, WED_20_NY)]), WED_20_NY, LONDON)).toBe('All your departments are closed — none scheduled.');
  });
});

describe('acceptNextBlocker', () => {
  const closed = queueHours([departmentHours(nineToFive, WED_20_NY)]);
  const open = queueHours([departmentHours(nineToFive, WED_10_NY)]);
  const block = (over: Partial<Parameters<typeof acceptNextBlocker>[0]>) =>
    acceptNextBlocker({ waiting: 0, load: load(), hours: open, scope: 'mine', ...over }, WED_20_NY, LONDON);

  it('lets a waiting chat be taken, even in a closed department', () => {
    expect(block({ waiting: 1 })).toBeNull();
    expect(block({ waiting: 1, hours: closed })).toBeNull();
    expect(block({ waiting: 1, hours: closed, scope: 'department' })).toBeNull();
  });

  it('explains an empty queue by the hours when everything is closed', () => {
    expect(block({ hours: closed })).toBe('All your departments are closed — next opening Thu 2:00 PM.');
    expect(block({ hours: closed, scope: 'department' })).toBe('Closed until Thu 2:00 PM, and nobody is waiting.');
  });

  it('says nobody is waiting when open', () => {
    expect(block({})).toBe('Nobody is waiting.');
  });

  it('puts a full load first: no chat can be taken whatever waits', () => {
    expect(block({ waiting: 3, load: load(4, 4) })).toBe('You are at your limit of 4 chats.');
  });

  it('says so when I serve no department', () => {
    expect(block({ hours: queueHours([]) })).toBe('You are not in any department yet.');
  });
});
