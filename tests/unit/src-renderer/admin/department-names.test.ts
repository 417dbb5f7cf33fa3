import { describe, expect, it } from 'vitest';
import { describeDepartments } from '../../../../src-renderer/admin/department-names';
import { department } from '../factories';

const all = [department('av-media', 0, { name: 'AV Media' }), department('finance', 2), department('technical', 1), department('events', 3, { name: 'Live Events' })];

describe('describeDepartments', () => {
  it('says All, or names the one or two left out', () => {
    expect(describeDepartments(['technical', 'finance', 'events', 'av-media'], all)).toBe('All');
    expect(describeDepartments(['technical', 'finance', 'av-media'], all)).toBe('All but Live Events');
  });
  it('lists a few in the customers’ order, unknown ids last, and a dash for none', () => {
    expect(describeDepartments(['finance', 'technical'], all)).toBe('Technical, Finance');
    expect(describeDepartments(['gone', 'av-media'], all)).toBe('AV Media, gone');
    expect(describeDepartments([], all)).toBe('—');
  });
});
