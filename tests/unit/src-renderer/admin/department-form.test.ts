import { describe, expect, it } from 'vitest';
import { departmentPatch, fieldsOf, newDepartment, slugFrom, starterSchedule } from '../../../../src-renderer/admin/department-form';
import { department } from '../factories';

describe('department form', () => {
  it('sends only the fields that changed, an empty product as none', () => {
    const saved = department('technical', 0, { product: 'lumina', schedule: starterSchedule('America/New_York') });
    const f = { ...fieldsOf(saved), greeting: '  Hi, {specialist.name} here ', product: '' };
    expect(departmentPatch(saved, f)).toEqual({ ok: true, value: { greeting: 'Hi, {specialist.name} here', product: null } });
    expect(departmentPatch(saved, fieldsOf(saved))).toEqual({ ok: true, value: null });
  });

  it('refuses what the shared schema refuses, keyed by field', () => {
    const saved = department('technical', 0, { schedule: starterSchedule('America/New_York') });
    const r = departmentPatch(saved, { ...fieldsOf(saved), name: '', greeting: 'x'.repeat(501) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.issues).sort()).toEqual(['greeting', 'name']);
  });

  it('makes a new department with a slug id and starter hours', () => {
    const r = newDepartment({ id: slugFrom('Événements & Live'), name: 'Événements & Live', description: '', product: '', routing: 'pick', greeting: '' }, starterSchedule('Europe/Paris'));
    expect(r).toMatchObject({ ok: true, value: { id: 'evenements-live', routing: 'pick', product: null, schedule: { zone: 'Europe/Paris' } } });
    const bad = newDepartment({ id: 'Bad Id', name: 'X', description: '', product: '', routing: 'auto', greeting: '' }, starterSchedule('UTC'));
    expect(bad.ok || Object.keys(bad.issues)).toEqual(['id']);
  });
});
