import { describe, it, expect } from 'vitest';
import { DateTime } from 'luxon';
import {
  addBusinessDays,
  businessDaysBetween,
  clockTimeSchema,
  describeHours,
  isBusinessDay,
  isOpen,
  nextClosing,
  nextOpening,
  nextOpenings,
  openingHoursSchema,
  scheduleSchema,
  SEARCH_HORIZON_DAYS,
  weekdaySchema,
  type OpeningHours,
  type Schedule,
} from '../../../src-shared/business-hours';

// Every expected instant below is a UTC ISO string computed by hand from New York local time:
// EST = UTC−5 (until 2026-03-08 02:00 and from 2026-11-01 02:00), EDT = UTC−4 in between.
const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
};
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const MON_FRI = [1, 2, 3, 4, 5];
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];
const hours = (open: string, close: string, days: number[] = MON_FRI): OpeningHours[] => days.map((day) => ({ day, open, close }));
const schedule = (weekly: OpeningHours[], extra: Partial<Schedule> = {}): Schedule =>
  scheduleSchema.parse({ zone: 'America/New_York', weekly, holidays: [], ...extra });

/** All Media / Production / Technical: Mon–Fri 9:00–19:00 New York, with Thanksgiving and Christmas 2026. */
const newYork = schedule(hours('09:00', '19:00'), { holidays: ['2026-11-26', '2026-12-25'] });
/** Finance / Canadian Spot: Mon–Fri 9:00–17:00 New York. */
const finance = schedule(hours('09:00', '17:00'), { holidays: ['2026-11-26', '2026-12-25'] });

describe('isOpen', () => {
  it.each([
    // Thursday 2026-01-15, EST (UTC−5)
    ['2026-01-15T13:59:59.999Z', false, 'EST 08:59:59.999'],
    ['2026-01-15T13:59:59Z', false, 'EST 08:59:59'],
    ['2026-01-15T13:00:00Z', false, 'EST 08:00 (09:00 if the offset were EDT)'],
    ['2026-01-15T14:00:00Z', true, 'EST 09:00'],
    ['2026-01-15T17:00:00Z', true, 'EST 12:00'],
    ['2026-01-15T23:30:00Z', true, 'EST 18:30 (19:30 if the offset were EDT)'],
    ['2026-01-15T23:59:59Z', true, 'EST 18:59:59'],
    ['2026-01-15T23:59:59.999Z', true, 'EST 18:59:59.999'],
    ['2026-01-16T00:00:00Z', false, 'EST 19:00'],
    // Wednesday 2026-07-15, EDT (UTC−4)
    ['2026-07-15T12:59:59Z', false, 'EDT 08:59:59'],
    ['2026-07-15T13:00:00Z', true, 'EDT 09:00 (08:00 if the offset were EST)'],
    ['2026-07-15T22:59:59Z', true, 'EDT 18:59:59'],
    ['2026-07-15T23:00:00Z', false, 'EDT 19:00 (18:00 if the offset were EST)'],
    ['2026-07-15T23:30:00Z', false, 'EDT 19:30'],
  ])('All Media hours at %s is open=%s (%s)', (instant, open) => {
    expect(isOpen(newYork, at(instant))).toBe(open);
  });

  it.each([
    ['2026-01-15T21:59:59Z', true, 'EST 16:59:59'],
    ['2026-01-15T22:00:00Z', false, 'EST 17:00'],
    ['2026-07-15T20:59:59Z', true, 'EDT 16:59:59'],
    ['2026-07-15T21:00:00Z', false, 'EDT 17:00'],
    ['2026-07-15T13:00:00Z', true, 'EDT 09:00'],
  ])('Finance hours at %s is open=%s (%s)', (instant, open) => {
    expect(isOpen(finance, at(instant))).toBe(open);
  });

  it.each([
    ['2026-01-17T17:00:00Z', 'Saturday 12:00 EST'],
    ['2026-01-18T17:00:00Z', 'Sunday 12:00 EST'],
    ['2026-07-18T16:00:00Z', 'Saturday 12:00 EDT'],
    ['2026-07-19T13:00:00Z', 'Sunday 09:00 EDT'],
    ['2026-01-19T02:00:00Z', 'Sunday 21:00 EST, already Monday in UTC'],
  ])('is closed on the weekend: %s (%s)', (instant) => {
    expect(isOpen(newYork, at(instant))).toBe(false);
  });

  it('reads the weekday in the schedule zone: Friday 18:30 EST is open although it is Saturday in UTC', () => {
    expect(isOpen(newYork, at('2026-01-16T23:30:00Z'))).toBe(true);
    expect(isOpen(newYork, at('2026-01-17T00:30:00Z'))).toBe(false); // Friday 19:30 EST
  });

  it.each([
    ['2026-11-26T14:00:00Z', 'Thanksgiving 09:00 EST'],
    ['2026-11-26T17:00:00Z', 'Thanksgiving 12:00 EST'],
    ['2026-11-26T23:59:59Z', 'Thanksgiving 18:59:59 EST'],
    ['2026-12-25T15:00:00Z', 'Christmas 10:00 EST'],
  ])('is closed all day on a holiday: %s (%s)', (instant) => {
    expect(isOpen(newYork, at(instant))).toBe(false);
  });

  it('is open on the working days around a holiday', () => {
    expect(isOpen(newYork, at('2026-11-25T17:00:00Z'))).toBe(true); // Wednesday 12:00 EST
    expect(isOpen(newYork, at('2026-11-27T14:00:00Z'))).toBe(true); // Friday 09:00 EST
  });

  it('treats holidays as local dates, not UTC dates', () => {
    const roundTheClock = schedule(hours('00:00', '24:00'), { holidays: ['2026-11-26'] });
    expect(isOpen(roundTheClock, at('2026-11-26T01:00:00Z'))).toBe(true); // Wed 20:00 EST, Thursday in UTC
    expect(isOpen(roundTheClock, at('2026-11-26T04:59:59Z'))).toBe(true); // Wed 23:59:59 EST
    expect(isOpen(roundTheClock, at('2026-11-26T05:00:00Z'))).toBe(false); // Thu 00:00 EST
    expect(isOpen(roundTheClock, at('2026-11-27T04:00:00Z'))).toBe(false); // Thu 23:00 EST, Friday in UTC
    expect(isOpen(roundTheClock, at('2026-11-27T05:00:00Z'))).toBe(true); // Fri 00:00 EST
  });

  describe('in the weeks of the 2026 DST changes', () => {
    it.each([
      // Friday 2026-03-06, still EST
      ['2026-03-06T13:59:59Z', false],
      ['2026-03-06T14:00:00Z', true],
      ['2026-03-06T23:59:59Z', true],
      ['2026-03-07T00:00:00Z', false],
      // Monday 2026-03-09, now EDT
      ['2026-03-09T12:59:59Z', false],
      ['2026-03-09T13:00:00Z', true],
      ['2026-03-09T13:30:00Z', true],
      ['2026-03-09T22:59:59Z', true],
      ['2026-03-09T23:00:00Z', false],
      ['2026-03-09T23:30:00Z', false],
    ])('spring forward (March 8): %s is open=%s', (instant, open) => {
      expect(isOpen(newYork, at(instant))).toBe(open);
    });

    it.each([
      // Friday 2026-10-30, still EDT
      ['2026-10-30T12:59:59Z', false],
      ['2026-10-30T13:00:00Z', true],
      ['2026-10-30T22:59:59Z', true],
      ['2026-10-30T23:00:00Z', false],
      // Monday 2026-11-02, now EST
      ['2026-11-02T13:00:00Z', false],
      ['2026-11-02T13:59:59Z', false],
      ['2026-11-02T14:00:00Z', true],
      ['2026-11-02T23:30:00Z', true],
      ['2026-11-02T23:59:59Z', true],
      ['2026-11-03T00:00:00Z', false],
    ])('fall back (November 1): %s is open=%s', (instant, open) => {
      expect(isOpen(newYork, at(instant))).toBe(open);
    });

    it('keeps a whole-day Sunday open for the 23 hours of the spring-forward day', () => {
      const sundays = schedule(hours('00:00', '24:00', [7]));
      expect(isOpen(sundays, at('2026-03-08T04:59:59Z'))).toBe(false); // Sat 23:59:59 EST
      expect(isOpen(sundays, at('2026-03-08T05:00:00Z'))).toBe(true); // Sun 00:00 EST
      expect(isOpen(sundays, at('2026-03-09T03:59:59Z'))).toBe(true); // Sun 23:59:59 EDT
      expect(isOpen(sundays, at('2026-03-09T04:00:00Z'))).toBe(false); // Mon 00:00 EDT
    });

    it('keeps a whole-day Sunday open for the 25 hours of the fall-back day, both 01:30s included', () => {
      const sundays = schedule(hours('00:00', '24:00', [7]));
      expect(isOpen(sundays, at('2026-11-01T03:59:59Z'))).toBe(false); // Sat 23:59:59 EDT
      expect(isOpen(sundays, at('2026-11-01T04:00:00Z'))).toBe(true); // Sun 00:00 EDT
      expect(isOpen(sundays, at('2026-11-01T05:30:00Z'))).toBe(true); // 01:30 EDT
      expect(isOpen(sundays, at('2026-11-01T06:30:00Z'))).toBe(true); // 01:30 EST
      expect(isOpen(sundays, at('2026-11-02T04:30:00Z'))).toBe(true); // Sun 23:30 EST
      expect(isOpen(sundays, at('2026-11-02T05:00:00Z'))).toBe(false); // Mon 00:00 EST
    });

    it('opens at 03:30 EDT when the opening time 02:30 is skipped by spring forward', () => {
      const early = schedule(hours('02:30', '05:00', [7]));
      expect(isOpen(early, at('2026-03-08T07:29:59Z'))).toBe(false); // 03:29:59 EDT
      expect(isOpen(early, at('2026-03-08T07:30:00Z'))).toBe(true); // 03:30 EDT
      expect(isOpen(early, at('2026-03-08T08:59:59Z'))).toBe(true); // 04:59:59 EDT
      expect(isOpen(early, at('2026-03-08T09:00:00Z'))).toBe(false); // 05:00 EDT
      expect(isOpen(early, at('2026-03-15T06:30:00Z'))).toBe(true); // next Sunday 02:30 EDT, no jump
    });

    it('does not open on the spring-forward day when the interval lies wholly inside the skipped hour', () => {
      const gap = schedule(hours('02:00', '03:00', [7]));
      expect(isOpen(gap, at('2026-03-08T07:00:00Z'))).toBe(false); // 03:00 EDT
      expect(iso(nextOpening(gap, at('2026-03-07T17:00:00Z')))).toBe('2026-03-15T06:00:00.000Z'); // next Sunday 02:00 EDT
      expect(isOpen(gap, at('2026-03-01T07:30:00Z'))).toBe(true); // the Sunday before: 02:30 EST
    });

    it('counts a repeated opening time (01:30 on fall-back day) from its later, standard-time occurrence', () => {
      const night = schedule(hours('01:30', '03:00', [7]));
      expect(isOpen(night, at('2026-11-01T05:45:00Z'))).toBe(false); // 01:45 EDT, first pass
      expect(isOpen(night, at('2026-11-01T06:30:00Z'))).toBe(true); // 01:30 EST
      expect(isOpen(night, at('2026-11-01T07:59:59Z'))).toBe(true); // 02:59:59 EST
      expect(isOpen(night, at('2026-11-01T08:00:00Z'))).toBe(false); // 03:00 EST
    });
  });

  it('is closed between two intervals of a split day and open at a boundary where two intervals touch', () => {
    const lunch = schedule([...hours('09:00', '12:00', [1]), ...hours('13:00', '17:00', [1])]);
    expect(isOpen(lunch, at('2026-01-19T16:59:59Z'))).toBe(true); // Mon 11:59:59 EST
    expect(isOpen(lunch, at('2026-01-19T17:00:00Z'))).toBe(false); // 12:00
    expect(isOpen(lunch, at('2026-01-19T17:59:59Z'))).toBe(false); // 12:59:59
    expect(isOpen(lunch, at('2026-01-19T18:00:00Z'))).toBe(true); // 13:00
    const touching = schedule([...hours('09:00', '12:00', [1]), ...hours('12:00', '17:00', [1])]);
    expect(isOpen(touching, at('2026-01-19T17:00:00Z'))).toBe(true);
  });

  it('is never open for a schedule without opening hours', () => {
    expect(isOpen(schedule([]), at('2026-01-15T17:00:00Z'))).toBe(false);
  });

  it('works in other zones: 9:00 in Europe/Paris is 08:00Z in winter and 07:00Z in summer', () => {
    const paris = schedule(hours('09:00', '18:00'), { zone: 'Europe/Paris' });
    expect(isOpen(paris, at('2026-01-15T07:59:59Z'))).toBe(false);
    expect(isOpen(paris, at('2026-01-15T08:00:00Z'))).toBe(true);
    expect(isOpen(paris, at('2026-07-15T06:59:59Z'))).toBe(false);
    expect(isOpen(paris, at('2026-07-15T07:00:00Z'))).toBe(true);
    expect(isOpen(paris, at('2026-07-15T16:00:00Z'))).toBe(false); // 18:00 CEST
  });
});

describe('nextOpening', () => {
  it('returns the instant itself when open now', () => {
    expect(nextOpening(newYork, at('2026-01-15T15:00:00Z'))).toBe(at('2026-01-15T15:00:00Z'));
    expect(nextOpening(newYork, at('2026-01-15T14:00:00Z'))).toBe(at('2026-01-15T14:00:00Z'));
    expect(nextOpening(newYork, at('2026-01-15T23:59:59.999Z'))).toBe(at('2026-01-15T23:59:59.999Z'));
  });

  it.each([
    ['2026-01-15T12:00:00Z', '2026-01-15T14:00:00.000Z', 'Thursday 07:00 EST → 09:00 EST the same day'],
    ['2026-01-15T13:59:59.999Z', '2026-01-15T14:00:00.000Z', 'one millisecond before opening'],
    ['2026-01-16T00:00:00Z', '2026-01-16T14:00:00.000Z', 'Thursday 19:00 EST → Friday 09:00 EST'],
    ['2026-01-17T00:00:00Z', '2026-01-19T14:00:00.000Z', 'Friday 19:00 EST → Monday 09:00 EST'],
    ['2026-07-18T16:00:00Z', '2026-07-20T13:00:00.000Z', 'Saturday 12:00 EDT → Monday 09:00 EDT'],
    ['2026-07-15T23:00:00Z', '2026-07-16T13:00:00.000Z', 'Wednesday 19:00 EDT → Thursday 09:00 EDT'],
    ['2026-11-26T00:00:00Z', '2026-11-27T14:00:00.000Z', 'Wednesday 19:00 EST before Thanksgiving → Friday 09:00 EST'],
    ['2026-11-26T17:00:00Z', '2026-11-27T14:00:00.000Z', 'Thanksgiving noon → Friday 09:00 EST'],
    ['2026-12-25T00:00:00Z', '2026-12-28T14:00:00.000Z', 'Thursday 19:00 EST before Christmas (a Friday) → Monday'],
    ['2026-03-07T00:00:00Z', '2026-03-09T13:00:00.000Z', 'Friday 19:00 EST across spring forward → Monday 09:00 EDT'],
    ['2026-10-30T23:00:00Z', '2026-11-02T14:00:00.000Z', 'Friday 19:00 EDT across fall back → Monday 09:00 EST'],
  ])('from %s opens at %s (%s)', (from, expected) => {
    expect(iso(nextOpening(newYork, at(from)))).toBe(expected);
  });

  it('uses each schedule’s own hours: Finance after 17:00 EST opens the next morning', () => {
    expect(iso(nextOpening(finance, at('2026-01-15T22:00:00Z')))).toBe('2026-01-16T14:00:00.000Z');
    expect(nextOpening(newYork, at('2026-01-15T22:00:00Z'))).toBe(at('2026-01-15T22:00:00Z'));
  });

  it('finds the afternoon interval of a split day', () => {
    const lunch = schedule([...hours('09:00', '12:00'), ...hours('13:00', '17:00')]);
    expect(iso(nextOpening(lunch, at('2026-01-19T17:30:00Z')))).toBe('2026-01-19T18:00:00.000Z'); // Mon 12:30 → 13:00 EST
  });

  it('returns null for a schedule without opening hours', () => {
    expect(nextOpening(schedule([]), at('2026-01-15T17:00:00Z'))).toBeNull();
  });

  it(`looks ${SEARCH_HORIZON_DAYS} days past the instant's local date and no further`, () => {
    expect(SEARCH_HORIZON_DAYS).toBe(400);
    // From Thursday 2026-01-15; 2026-01-15 + 400 days = Friday 2027-02-19.
    const datesFrom = (first: string, count: number) =>
      Array.from({ length: count }, (_, i) => DateTime.fromISO(first, { zone: 'utc' }).plus({ days: i }).toFormat('yyyy-MM-dd'));
    const blockedTo18 = schedule(hours('09:00', '19:00'), { holidays: datesFrom('2026-01-15', 400) });
    expect(blockedTo18.holidays.at(-1)).toBe('2027-02-18');
    expect(iso(nextOpening(blockedTo18, at('2026-01-15T20:00:00Z')))).toBe('2027-02-19T14:00:00.000Z');
    const blockedTo19 = schedule(hours('09:00', '19:00'), { holidays: datesFrom('2026-01-15', 401) });
    expect(nextOpening(blockedTo19, at('2026-01-15T20:00:00Z'))).toBeNull();
  });
});

describe('nextClosing', () => {
  it.each([
    ['2026-01-15T15:00:00Z', '2026-01-16T00:00:00.000Z', 'Thursday 10:00 EST → 19:00 EST'],
    ['2026-01-15T14:00:00Z', '2026-01-16T00:00:00.000Z', 'exactly at opening'],
    ['2026-01-15T23:59:59.999Z', '2026-01-16T00:00:00.000Z', 'the last millisecond'],
    ['2026-07-15T14:00:00Z', '2026-07-15T23:00:00.000Z', 'Wednesday 10:00 EDT → 19:00 EDT'],
    ['2026-03-06T15:00:00Z', '2026-03-07T00:00:00.000Z', 'Friday before spring forward, EST'],
    ['2026-03-09T14:00:00Z', '2026-03-09T23:00:00.000Z', 'Monday after spring forward, EDT'],
    ['2026-10-30T14:00:00Z', '2026-10-30T23:00:00.000Z', 'Friday before fall back, EDT'],
    ['2026-11-02T15:00:00Z', '2026-11-03T00:00:00.000Z', 'Monday after fall back, EST'],
  ])('when open at %s closes at %s (%s)', (from, expected) => {
    expect(iso(nextClosing(newYork, at(from)))).toBe(expected);
  });

  it.each([
    ['2026-01-16T00:00:00Z', 'exactly at closing time'],
    ['2026-01-15T13:59:59Z', 'before opening'],
    ['2026-01-17T17:00:00Z', 'Saturday'],
    ['2026-11-26T17:00:00Z', 'Thanksgiving'],
  ])('is null when closed at %s (%s)', (from) => {
    expect(nextClosing(newYork, at(from))).toBeNull();
  });

  it('closes Finance at 17:00 local', () => {
    expect(iso(nextClosing(finance, at('2026-01-15T15:00:00Z')))).toBe('2026-01-15T22:00:00.000Z');
    expect(iso(nextClosing(finance, at('2026-07-15T14:00:00Z')))).toBe('2026-07-15T21:00:00.000Z');
  });

  it('ends at the lunch break of a split day', () => {
    const lunch = schedule([...hours('09:00', '12:00'), ...hours('13:00', '17:00')]);
    expect(iso(nextClosing(lunch, at('2026-01-19T15:00:00Z')))).toBe('2026-01-19T17:00:00.000Z');
    expect(nextClosing(lunch, at('2026-01-19T17:30:00Z'))).toBeNull();
    expect(iso(nextClosing(lunch, at('2026-01-19T18:30:00Z')))).toBe('2026-01-19T22:00:00.000Z');
  });

  it('treats back-to-back intervals as one open period, within a day and across midnight', () => {
    const touching = schedule([...hours('09:00', '12:00', [1]), ...hours('12:00', '17:00', [1])]);
    expect(iso(nextClosing(touching, at('2026-01-19T15:00:00Z')))).toBe('2026-01-19T22:00:00.000Z');
    const overnight = schedule([...hours('18:00', '24:00', [1]), ...hours('00:00', '06:00', [2])]);
    expect(iso(nextClosing(overnight, at('2026-01-20T01:00:00Z')))).toBe('2026-01-20T11:00:00.000Z'); // Mon 20:00 → Tue 06:00 EST
    expect(isOpen(overnight, at('2026-01-20T05:00:00Z'))).toBe(true); // Tue 00:00 EST
  });

  it('ends a whole-day Sunday at local midnight on both DST change days', () => {
    const sundays = schedule(hours('00:00', '24:00', [7]));
    expect(iso(nextClosing(sundays, at('2026-03-08T05:30:00Z')))).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(nextClosing(sundays, at('2026-11-01T04:30:00Z')))).toBe('2026-11-02T05:00:00.000Z');
  });

  it('closes a round-the-clock schedule at the start of its next holiday', () => {
    const always = schedule(hours('00:00', '24:00', ALL_WEEK), { holidays: ['2026-11-26'] });
    expect(iso(nextClosing(always, at('2026-11-23T17:00:00Z')))).toBe('2026-11-26T05:00:00.000Z'); // Thu 00:00 EST
    expect(iso(nextOpening(always, at('2026-11-26T17:00:00Z')))).toBe('2026-11-27T05:00:00.000Z'); // Fri 00:00 EST
  });

  it('is null for a schedule that never closes within the search horizon', () => {
    const always = schedule(hours('00:00', '24:00', ALL_WEEK));
    expect(isOpen(always, at('2026-01-15T17:00:00Z'))).toBe(true);
    expect(nextClosing(always, at('2026-01-15T17:00:00Z'))).toBeNull();
  });

  it('agrees with isOpen and nextOpening at every quarter hour of a week around fall back', () => {
    const start = at('2026-10-29T00:00:00Z');
    for (let t = start; t < start + 7 * 24 * 3600_000; t += 15 * 60_000) {
      const open = isOpen(newYork, t);
      expect(nextOpening(newYork, t) === t).toBe(open);
      expect(nextClosing(newYork, t) !== null).toBe(open);
    }
  });
});

describe('nextOpenings', () => {
  const periods = (list: { start: number; end: number | null }[]) => list.map((p) => [iso(p.start), iso(p.end)]);

  it('starts with the current period, cut to now, when open', () => {
    // Wednesday 2026-11-18 10:00 EST: open until 19:00, then Thursday and Friday.
    expect(periods(nextOpenings(newYork, at('2026-11-18T15:00:00Z'), 3))).toEqual([
      ['2026-11-18T15:00:00.000Z', '2026-11-19T00:00:00.000Z'],
      ['2026-11-19T14:00:00.000Z', '2026-11-20T00:00:00.000Z'],
      ['2026-11-20T14:00:00.000Z', '2026-11-21T00:00:00.000Z'],
    ]);
  });

  it('skips weekends and holidays when closed: after Wednesday 19:00 comes Friday (Thanksgiving), then Monday', () => {
    expect(periods(nextOpenings(newYork, at('2026-11-26T01:00:00Z'), 2))).toEqual([
      ['2026-11-27T14:00:00.000Z', '2026-11-28T00:00:00.000Z'],
      ['2026-11-30T14:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ]);
  });

  it('merges back-to-back intervals across midnight and keeps a split day as two periods', () => {
    const overnight = schedule([...hours('18:00', '24:00', [1]), ...hours('00:00', '06:00', [2])]);
    expect(periods(nextOpenings(overnight, at('2026-01-19T12:00:00Z'), 1))).toEqual([['2026-01-19T23:00:00.000Z', '2026-01-20T11:00:00.000Z']]);
    const lunch = schedule([...hours('09:00', '12:00', [1]), ...hours('13:00', '17:00', [1])]);
    expect(periods(nextOpenings(lunch, at('2026-01-19T12:00:00Z'), 2))).toEqual([
      ['2026-01-19T14:00:00.000Z', '2026-01-19T17:00:00.000Z'],
      ['2026-01-19T18:00:00.000Z', '2026-01-19T22:00:00.000Z'],
    ]);
  });

  it('answers fewer when the schedule has no more, none for no hours or a count of 0, and an open end past the horizon', () => {
    expect(nextOpenings(schedule([]), at('2026-01-19T12:00:00Z'), 3)).toEqual([]);
    expect(nextOpenings(newYork, at('2026-11-18T15:00:00Z'), 0)).toEqual([]);
    const always = schedule(hours('00:00', '24:00', ALL_WEEK));
    expect(periods(nextOpenings(always, at('2026-01-15T17:00:00Z'), 5))).toEqual([['2026-01-15T17:00:00.000Z', null]]);
  });
});

describe('isBusinessDay', () => {
  it.each([
    ['2026-11-23', true, 'Monday'],
    ['2026-11-25', true, 'Wednesday before Thanksgiving'],
    ['2026-11-26', false, 'Thanksgiving'],
    ['2026-11-27', true, 'Friday after Thanksgiving'],
    ['2026-11-28', false, 'Saturday'],
    ['2026-11-29', false, 'Sunday'],
    ['2026-12-25', false, 'Christmas'],
    ['2026-03-08', false, 'spring-forward Sunday'],
    ['2026-03-09', true, 'Monday after spring forward'],
  ])('%s is a business day=%s (%s)', (date, expected) => {
    expect(isBusinessDay(newYork, date)).toBe(expected);
  });

  it('is false for a weekday without opening hours', () => {
    const monToThu = schedule(hours('09:00', '17:00', [1, 2, 3, 4]));
    expect(isBusinessDay(monToThu, '2026-01-15')).toBe(true); // Thursday
    expect(isBusinessDay(monToThu, '2026-01-16')).toBe(false); // Friday
  });

  it.each(['2026-02-30', '2026-11-26T00:00', '11/26/2026', ''])('throws on %j, which is not a calendar date', (date) => {
    expect(() => isBusinessDay(newYork, date)).toThrow(RangeError);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2026-01-15T15:00:00Z', 1, '2026-01-16T15:00:00.000Z', 'Thursday 10:00 EST + 1 → Friday 10:00 EST'],
    ['2026-01-15T15:00:00Z', 2, '2026-01-19T15:00:00.000Z', 'Thursday + 2 skips the weekend → Monday'],
    ['2026-01-16T15:00:00Z', 1, '2026-01-19T15:00:00.000Z', 'Friday + 1 → Monday'],
    ['2026-01-16T15:00:00Z', 5, '2026-01-23T15:00:00.000Z', 'Friday + 5 → next Friday'],
    ['2026-01-17T17:00:00Z', 1, '2026-01-19T17:00:00.000Z', 'Saturday 12:00 + 1 → Monday 12:00'],
    ['2026-01-18T17:00:00Z', 1, '2026-01-19T17:00:00.000Z', 'Sunday 12:00 + 1 → Monday 12:00'],
    ['2026-10-30T14:00:00Z', 1, '2026-11-02T15:00:00.000Z', 'Friday 10:00 EDT + 1 → Monday 10:00 EST (fall back)'],
    ['2026-03-06T15:00:00Z', 1, '2026-03-09T14:00:00.000Z', 'Friday 10:00 EST + 1 → Monday 10:00 EDT (spring forward)'],
    ['2026-03-05T17:00:00Z', 7, '2026-03-16T16:00:00.000Z', 'Thursday 12:00 EST + 7 across spring forward → Monday 12:00 EDT'],
    ['2026-11-25T15:00:00Z', 1, '2026-11-27T15:00:00.000Z', 'Wednesday + 1 skips Thanksgiving → Friday'],
    ['2026-11-26T17:00:00Z', 1, '2026-11-27T17:00:00.000Z', 'from Thanksgiving itself + 1 → Friday'],
    ['2026-11-23T15:00:00Z', 7, '2026-12-03T15:00:00.000Z', 'Monday 10:00 + 7 across Thanksgiving → Thursday Dec 3'],
    ['2026-11-25T15:00:00Z', 7, '2026-12-07T15:00:00.000Z', 'Wednesday 10:00 + 7 across Thanksgiving → Monday Dec 7'],
    ['2026-12-24T15:00:00Z', 1, '2026-12-28T15:00:00.000Z', 'Thursday + 1 skips Christmas Friday and the weekend → Monday'],
    ['2026-01-16T03:00:00Z', 1, '2026-01-17T03:00:00.000Z', 'Thursday 22:00 EST (Friday in UTC) + 1 → Friday 22:00 EST, wall time kept outside hours'],
  ])('%s + %i business days = %s (%s)', (from, n, expected) => {
    expect(iso(addBusinessDays(newYork, at(from), n))).toBe(expected);
  });

  it('returns the instant itself for 0 business days, even on a weekend', () => {
    expect(addBusinessDays(newYork, at('2026-01-17T17:00:00Z'), 0)).toBe(at('2026-01-17T17:00:00Z'));
  });

  it('shifts a wall time skipped by spring forward one hour later (02:30 → 03:30 EDT)', () => {
    const everyDay = schedule(hours('09:00', '17:00', ALL_WEEK));
    // Saturday 2026-03-07 02:30 EST + 1 → Sunday 02:30, which does not exist → 03:30 EDT = 07:30Z.
    expect(iso(addBusinessDays(everyDay, at('2026-03-07T07:30:00Z'), 1))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('resolves a wall time repeated by fall back to its later, standard-time occurrence', () => {
    const everyDay = schedule(hours('09:00', '17:00', ALL_WEEK));
    // Saturday 2026-10-31 01:30 EDT + 1 → Sunday 01:30, which happens twice → 01:30 EST = 06:30Z.
    expect(iso(addBusinessDays(everyDay, at('2026-10-31T05:30:00Z'), 1))).toBe('2026-11-01T06:30:00.000Z');
  });

  it('keeps milliseconds of the wall time', () => {
    expect(iso(addBusinessDays(newYork, at('2026-01-15T15:00:00.123Z'), 1))).toBe('2026-01-16T15:00:00.123Z');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for n = %s', (n) => {
    expect(() => addBusinessDays(newYork, at('2026-01-15T15:00:00Z'), n)).toThrow(RangeError);
  });

  it('throws a RangeError for a schedule without any business day instead of looping', () => {
    expect(() => addBusinessDays(schedule([]), at('2026-01-15T15:00:00Z'), 1)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it.each([
    ['2026-01-15T15:00:00Z', '2026-01-15T15:00:00Z', 0, 'the same instant'],
    ['2026-01-15T15:00:00Z', '2026-01-14T15:00:00Z', 0, 'to before from'],
    ['2026-01-15T15:00:00Z', '2026-01-15T23:00:00Z', 0, 'later the same day'],
    ['2026-01-15T15:00:00Z', '2026-01-16T14:59:59.999Z', 0, 'Thursday 10:00 → Friday 09:59:59.999'],
    ['2026-01-15T15:00:00Z', '2026-01-16T15:00:00Z', 1, 'Thursday 10:00 → Friday 10:00'],
    ['2026-01-16T15:00:00Z', '2026-01-19T14:59:00Z', 0, 'Friday 10:00 → Monday 09:59: the weekend is not counted'],
    ['2026-01-16T15:00:00Z', '2026-01-19T15:00:00Z', 1, 'Friday 10:00 → Monday 10:00'],
    ['2026-01-16T15:00:00Z', '2026-01-23T15:00:00Z', 5, 'Friday → next Friday'],
    ['2026-01-17T17:00:00Z', '2026-01-19T16:59:59Z', 0, 'Saturday 12:00 → Monday 11:59:59'],
    ['2026-01-17T17:00:00Z', '2026-01-19T17:00:00Z', 1, 'Saturday 12:00 → Monday 12:00'],
    ['2026-11-25T15:00:00Z', '2026-11-27T14:59:59Z', 0, 'Wednesday 10:00 → Friday 09:59:59 across Thanksgiving'],
    ['2026-11-25T15:00:00Z', '2026-11-27T15:00:00Z', 1, 'Wednesday 10:00 → Friday 10:00 across Thanksgiving'],
    ['2026-11-23T15:00:00Z', '2026-12-03T14:59:59Z', 6, 'Monday → Thursday Dec 3 09:59:59'],
    ['2026-11-23T15:00:00Z', '2026-12-03T15:00:00Z', 7, 'Monday → Thursday Dec 3 10:00'],
    ['2026-10-30T14:00:00Z', '2026-11-02T14:59:59Z', 0, 'Friday 10:00 EDT → Monday 09:59:59 EST (a fixed 72 h would say 1)'],
    ['2026-10-30T14:00:00Z', '2026-11-02T15:00:00Z', 1, 'Friday 10:00 EDT → Monday 10:00 EST'],
    ['2026-03-06T15:00:00Z', '2026-03-09T13:59:59Z', 0, 'Friday 10:00 EST → Monday 09:59:59 EDT'],
    ['2026-03-06T15:00:00Z', '2026-03-09T14:00:00Z', 1, 'Friday 10:00 EST → Monday 10:00 EDT (a fixed 72 h would say 0)'],
    ['2026-01-15T15:00:00Z', '2027-01-15T15:00:00Z', 259, 'a year: 261 weekdays minus Thanksgiving and Christmas'],
  ])('%s → %s is %i business days (%s)', (from, to, expected) => {
    expect(businessDaysBetween(newYork, at(from), at(to))).toBe(expected);
  });

  it('inverts addBusinessDays: exactly n at the result, n − 1 one millisecond before', () => {
    const starts = ['2026-01-15T15:00:00Z', '2026-01-17T17:00:00Z', '2026-03-05T17:00:00Z', '2026-10-29T14:00:00Z', '2026-11-20T22:30:00Z', '2026-12-22T04:00:00Z'];
    for (const start of starts) {
      for (let n = 1; n <= 15; n++) {
        const due = addBusinessDays(newYork, at(start), n);
        expect(businessDaysBetween(newYork, at(start), due)).toBe(n);
        expect(businessDaysBetween(newYork, at(start), due - 1)).toBe(n - 1);
      }
    }
  });

  it('is 0 for a schedule without business days', () => {
    expect(businessDaysBetween(schedule([]), at('2026-01-15T15:00:00Z'), at('2026-03-15T15:00:00Z'))).toBe(0);
  });
});

describe('describeHours', () => {
  it('describes the default department hours the way the support page does', () => {
    expect(describeHours(newYork)).toBe('Mon–Fri 9 am to 7 pm Eastern Time');
    expect(describeHours(finance)).toBe('Mon–Fri 9 am to 5 pm Eastern Time');
  });

  it('uses the generic zone name whatever the season', () => {
    expect(describeHours(newYork, at('2026-07-15T12:00:00Z'))).toBe('Mon–Fri 9 am to 7 pm Eastern Time');
  });

  it('groups consecutive days with identical hours, in weekday order whatever the input order', () => {
    const mixed = schedule([
      ...hours('10:00', '14:00', [6]),
      ...hours('09:30', '13:00', [5]),
      ...hours('09:30', '17:00', [1, 2, 3, 4]),
    ]);
    expect(describeHours(mixed)).toBe('Mon–Thu 9:30 am to 5 pm, Fri 9:30 am to 1 pm, Sat 10 am to 2 pm Eastern Time');
  });

  it('does not group days with the same hours that are not consecutive', () => {
    expect(describeHours(schedule(hours('09:00', '17:00', [1, 3])))).toBe('Mon 9 am to 5 pm, Wed 9 am to 5 pm Eastern Time');
  });

  it('writes a two-day run as a range', () => {
    expect(describeHours(schedule(hours('10:00', '16:00', [6, 7])))).toBe('Sat–Sun 10 am to 4 pm Eastern Time');
  });

  it('lists split hours of one day with "and", and merges touching intervals', () => {
    const split = schedule([...hours('13:00', '17:00'), ...hours('09:00', '12:00')], { zone: 'America/Chicago' });
    expect(describeHours(split)).toBe('Mon–Fri 9 am to 12 pm and 1 pm to 5 pm Central Time');
    const touching = schedule([...hours('09:00', '12:00'), ...hours('12:00', '17:00')], { zone: 'America/Los_Angeles' });
    expect(describeHours(touching)).toBe('Mon–Fri 9 am to 5 pm Pacific Time');
  });

  it('names noon, midnight, minutes and whole days', () => {
    const odd = schedule([
      ...hours('00:00', '24:00', [1]),
      ...hours('00:15', '12:00', [2]),
      ...hours('12:30', '24:00', [3]),
      ...hours('08:05', '23:59', [4]),
    ]);
    expect(describeHours(odd)).toBe(
      'Mon all day, Tue 12:15 am to 12 pm, Wed 12:30 pm to midnight, Thu 8:05 am to 11:59 pm Eastern Time',
    );
  });

  it('calls UTC "UTC" rather than ICU’s "GMT+00:00"', () => {
    expect(describeHours(schedule(hours('09:00', '17:00'), { zone: 'UTC' }))).toBe('Mon–Fri 9 am to 5 pm UTC');
  });

  it('says "Closed" when no day has hours', () => {
    expect(describeHours(schedule([]))).toBe('Closed');
  });
});

describe('schemas', () => {
  it('accepts the default schedules', () => {
    expect(
      scheduleSchema.safeParse({ zone: 'America/New_York', weekly: hours('09:00', '19:00'), holidays: ['2026-11-26', '2026-12-25'] }).success,
    ).toBe(true);
  });

  it.each(['America/New_Yrok', 'Eastern', '+05:00', 'UTC+5', '', 'Mars/Olympus_Mons'])('rejects the zone %j', (zone) => {
    expect(scheduleSchema.safeParse({ zone, weekly: [], holidays: [] }).success).toBe(false);
  });

  it.each(['America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'UTC'])('accepts the IANA zone %j', (zone) => {
    expect(scheduleSchema.safeParse({ zone, weekly: [], holidays: [] }).success).toBe(true);
  });

  it.each(['00:00', '09:00', '09:30', '23:59', '24:00'])('accepts the clock time %j', (time) => {
    expect(clockTimeSchema.safeParse(time).success).toBe(true);
  });

  it.each(['9:00', '09:0', '0900', '09:00:00', '24:01', '25:00', '12:60', '-1:00', '', '09:00 '])('rejects the clock time %j', (time) => {
    expect(clockTimeSchema.safeParse(time).success).toBe(false);
  });

  it.each([1, 7])('accepts ISO weekday %i', (day) => {
    expect(weekdaySchema.safeParse(day).success).toBe(true);
  });

  it.each([0, 8, 1.5, '1'])('rejects weekday %j', (day) => {
    expect(weekdaySchema.safeParse(day).success).toBe(false);
  });

  it('rejects opening hours that do not open before they close', () => {
    expect(openingHoursSchema.safeParse({ day: 1, open: '09:00', close: '09:00' }).success).toBe(false);
    expect(openingHoursSchema.safeParse({ day: 1, open: '19:00', close: '09:00' }).success).toBe(false);
    expect(openingHoursSchema.safeParse({ day: 1, open: '09:00', close: '09:01' }).success).toBe(true);
    expect(openingHoursSchema.safeParse({ day: 1, open: '00:00', close: '24:00' }).success).toBe(true);
  });

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-11-26T00:00', '11/26/2026', '2026-1-5', ''])(
    'rejects the holiday %j',
    (holiday) => {
      expect(scheduleSchema.safeParse({ zone: 'America/New_York', weekly: [], holidays: [holiday] }).success).toBe(false);
    },
  );

  it('accepts a leap day as a holiday', () => {
    expect(scheduleSchema.safeParse({ zone: 'America/New_York', weekly: [], holidays: ['2028-02-29'] }).success).toBe(true);
  });

  it('rejects overlapping hours on one day but accepts touching ones and the same hours on different days', () => {
    const parse = (weekly: OpeningHours[]) => scheduleSchema.safeParse({ zone: 'America/New_York', weekly, holidays: [] }).success;
    expect(parse([...hours('09:00', '12:00', [1]), ...hours('11:00', '17:00', [1])])).toBe(false);
    expect(parse([...hours('09:00', '17:00', [1]), ...hours('10:00', '11:00', [1])])).toBe(false);
    expect(parse([...hours('09:00', '17:00', [1]), ...hours('09:00', '17:00', [1])])).toBe(false);
    expect(parse([...hours('09:00', '12:00', [1]), ...hours('12:00', '17:00', [1])])).toBe(true);
    expect(parse(hours('09:00', '17:00', ALL_WEEK))).toBe(true);
  });
});
