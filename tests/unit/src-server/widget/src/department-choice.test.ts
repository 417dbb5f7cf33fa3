import { describe, expect, it } from 'vitest';
import type { Availability, Department } from '../../../../../src-shared/department';
import { preselectDepartment } from '../../../../../src-server/widget/src/department-choice';

const schedule = { zone: 'America/New_York', weekly: [], holidays: [] };
const dept = (id: string, position: number): Department => ({ id, name: id, description: '', schedule, routing: 'auto', product: null, position, greeting: '', email: null });
const departments = [dept('av-media', 1), dept('finance', 2), dept('technical', 3), dept('canadian-spot', 4)];
const state = (departmentId: string, mode: Availability['mode'], inHours = mode === 'chat'): Availability => ({
  departmentId,
  inHours,
  mode,
  nextChangeAt: null,
  hoursText: '',
});
/** One department open with a specialist online, the others closed (issue 14). */
const oneOpen = {
  'av-media': state('av-media', 'email'),
  finance: state('finance', 'email'),
  technical: state('technical', 'chat'),
  'canadian-spot': state('canadian-spot', 'email'),
};

describe('preselectDepartment', () => {
  it('preselects the first department that can chat, not the first in the list', () => {
    expect(preselectDepartment(departments, oneOpen, null)).toBe('technical');
  });

  it('keeps the saved choice when it can chat', () => {
    const twoOpen = { ...oneOpen, 'canadian-spot': state('canadian-spot', 'chat') };
    expect(preselectDepartment(departments, twoOpen, 'canadian-spot')).toBe('canadian-spot');
  });

  it('moves off a saved choice that cannot chat while another department can', () => {
    expect(preselectDepartment(departments, oneOpen, 'finance')).toBe('technical');
  });

  it('passes over a department that is open but has no one available', () => {
    const unstaffedFirst = { ...oneOpen, 'av-media': state('av-media', 'email', true) };
    expect(preselectDepartment(departments, unstaffedFirst, null)).toBe('technical');
  });

  it('when nobody can chat, keeps the saved choice, else the first department', () => {
    const allClosed = { ...oneOpen, technical: state('technical', 'email') };
    expect(preselectDepartment(departments, allClosed, 'finance')).toBe('finance');
    expect(preselectDepartment(departments, allClosed, null)).toBe('av-media');
    expect(preselectDepartment(departments, {}, null)).toBe('av-media');
  });

  it('ignores a saved department that no longer exists, and answers null without departments', () => {
    expect(preselectDepartment(departments, oneOpen, 'gone')).toBe('technical');
    expect(preselectDepartment([], oneOpen, 'technical')).toBeNull();
  });
});
