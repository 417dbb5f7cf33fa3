import { describe, expect, it } from 'vitest';
import { addHoliday, fieldsPatch, parseHours, removeHoliday, setHours } from '../../../../src-server/admin/schedule-edits';
import type { Department } from '../../../../src-shared/department';

const finance: Department = {
  id: 'finance',
  name: 'Finance',
  description: '',
  schedule: { zone: 'America/New_York', weekly: [{ day: 1, open: '09:00', close: '17:00' }], holidays: ['2026-12-25'] },
  routing: 'auto',
  product: null,
  position: 3,
  greeting: '',
  email: null,
};

describe('parseHours', () => {
  it('reads day ranges and single days separated by ";"', () => {
    const r = parseHours('1-2 09:00-17:00; 6 10:00-14:00');
    expect(r.ok && r.value).toEqual([
      { day: 1, open: '09:00', close: '17:00' },
      { day: 2, open: '09:00', close: '17:00' },
      { day: 6, open: '10:00', close: '14:00' },
    ]);
  });

  it('answers bad_request for what it cannot read', () => {
    for (const bad of ['Mon 09:00-17:00', '1-5 9-17', '5-1 09:00-17:00']) expect(parseHours(bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe('schedule edits', () => {
  it('set-hours replaces the weekly hours (and zone when given) and keeps the holidays', () => {
    expect(setHours(finance, '1-5 08:00-12:00')).toEqual({
      ok: true,
      value: { schedule: { zone: 'America/New_York', weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '12:00' })), holidays: ['2026-12-25'] } },
    });
    const moved = setHours(finance, '1 09:00-10:00', 'Europe/Paris');
    expect(moved.ok && moved.value.schedule).toEqual({ zone: 'Europe/Paris', weekly: [{ day: 1, open: '09:00', close: '10:00' }], holidays: ['2026-12-25'] });
    expect(setHours(finance, '1 09:00-10:00', 'Mars/Olympus')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(setHours(finance, '1 09:00-12:00;1 11:00-13:00')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('adds a holiday once, in date order, and removes only one that is there', () => {
    const added = addHoliday(finance, '2026-11-26');
    expect(added.ok && added.value.schedule?.holidays).toEqual(['2026-11-26', '2026-12-25']);
    const again = addHoliday(finance, '2026-12-25');
    expect(again.ok && again.value.schedule?.holidays).toEqual(['2026-12-25']);
    expect(addHoliday(finance, '2026-02-30')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const removed = removeHoliday(finance, '2026-12-25');
    expect(removed.ok && removed.value.schedule).toEqual({ ...finance.schedule, holidays: [] });
    expect(removeHoliday(finance, '2026-07-04')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('update-department patches only the fields given; a new zone keeps hours and holidays; "" clears the product', () => {
    expect(fieldsPatch(finance, { name: 'Billing' })).toEqual({ ok: true, value: { name: 'Billing' } });
    expect(fieldsPatch(finance, { zone: 'Europe/Paris', product: '' })).toEqual({ ok: true, value: { schedule: { ...finance.schedule, zone: 'Europe/Paris' }, product: null } });
    expect(fieldsPatch(finance, {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(fieldsPatch(finance, { routing: 'sometimes' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // --email sets the direct address (lower-cased by the shared schema), an empty one clears it, a plus-tag is refused.
    expect(fieldsPatch(finance, { email: 'Billing@Support.Example.com' })).toEqual({ ok: true, value: { email: 'billing@support.example.com' } });
    expect(fieldsPatch(finance, { email: '' })).toEqual({ ok: true, value: { email: null } });
    expect(fieldsPatch(finance, { email: 'billing+x@support.example.com' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
