import { describe, expect, it } from 'vitest';
import { computeAvailability, nextAvailabilityChange } from '../../../../src-server/chat/availability';
import { defaultDepartments } from '../../../../src-server/seed';

const finance = defaultDepartments.filter((d) => d.id === 'finance');
const WED_10_NY = Date.UTC(2026, 10, 18, 15, 0);
const WED_18_NY = Date.UTC(2026, 10, 18, 23, 0);

describe('computeAvailability', () => {
  it('offers chat only in hours with a free specialist', () => {
    const [withFree] = computeAvailability(finance, { freeByDepartment: new Map([['finance', 1]]) }, WED_10_NY);
    expect(withFree).toMatchObject({ departmentId: 'finance', inHours: true, mode: 'chat', nextChangeAt: Date.UTC(2026, 10, 18, 22, 0) });
    const [nobody] = computeAvailability(finance, { freeByDepartment: new Map() }, WED_10_NY);
    expect(nobody).toMatchObject({ inHours: true, mode: 'email' });
  });
  it('offers email outside hours and names the next opening', () => {
    const [closed] = computeAvailability(finance, { freeByDepartment: new Map([['finance', 3]]) }, WED_18_NY);
    expect(closed).toMatchObject({ inHours: false, mode: 'email', nextChangeAt: Date.UTC(2026, 10, 19, 14, 0), hoursText: 'Mon–Fri 9 am to 5 pm Eastern Time' });
  });
  it('the next change is the earliest of all departments', () => {
    const list = computeAvailability(defaultDepartments, { freeByDepartment: new Map() }, WED_10_NY);
    expect(nextAvailabilityChange(list)).toBe(Date.UTC(2026, 10, 18, 22, 0));
  });
});
