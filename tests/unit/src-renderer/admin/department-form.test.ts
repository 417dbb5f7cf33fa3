import { describe, expect, it } from 'vitest';
import { departmentPatch, directEmailProblem, fieldsOf, newDepartment, slugFrom, starterSchedule } from '../../../../src-renderer/admin/department-form';
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
    const r = newDepartment({ id: slugFrom('Événements & Live'), name: 'Événements & Live', description: '', product: '', routing: 'pick', greeting: '', email: '' }, starterSchedule('Europe/Paris'));
    expect(r).toMatchObject({ ok: true, value: { id: 'evenements-live', routing: 'pick', product: null, schedule: { zone: 'Europe/Paris' } } });
    const bad = newDepartment({ id: 'Bad Id', name: 'X', description: '', product: '', routing: 'auto', greeting: '', email: '' }, starterSchedule('UTC'));
    expect(bad.ok || Object.keys(bad.issues)).toEqual(['id']);
  });

  it('sends a direct email lower-cased, an emptied one as none, and nothing when only its case or spaces differ', () => {
    const saved = department('technical', 0, { email: 'tech@support.example.com', schedule: starterSchedule('America/New_York') });
    expect(departmentPatch(saved, { ...fieldsOf(saved), email: ' Helpdesk@Support.Example.com ' })).toEqual({ ok: true, value: { email: 'helpdesk@support.example.com' } });
    expect(departmentPatch(saved, { ...fieldsOf(saved), email: '  ' })).toEqual({ ok: true, value: { email: null } });
    expect(departmentPatch(saved, { ...fieldsOf(saved), email: 'TECH@support.example.com' })).toEqual({ ok: true, value: null });
    const created = newDepartment({ id: 'events', name: 'Events', description: '', product: '', routing: 'auto', greeting: '', email: 'Events@Support.Example.com' }, starterSchedule('UTC'));
    expect(created).toMatchObject({ ok: true, value: { email: 'events@support.example.com' } });
  });

  it('refuses a malformed direct email or one with "+" in plain words, next to the field and beside other issues', () => {
    expect(directEmailProblem('')).toBeNull();
    expect(directEmailProblem('tech@support.example.com')).toBeNull();
    expect(directEmailProblem('tech@')).toMatch(/like tech@support\.example\.com/);
    expect(directEmailProblem('tech+x@support.example.com')).toMatch(/No “\+”/);
    const saved = department('technical', 0, { schedule: starterSchedule('America/New_York') });
    const onlyEmail = departmentPatch(saved, { ...fieldsOf(saved), email: 'tech+x@support.example.com' });
    expect(onlyEmail.ok || Object.keys(onlyEmail.issues)).toEqual(['email']);
    const both = departmentPatch(saved, { ...fieldsOf(saved), name: '', email: 'nope' });
    expect(both.ok || Object.keys(both.issues).sort()).toEqual(['email', 'name']);
    const created = newDepartment({ id: 'events', name: 'Events', description: '', product: '', routing: 'auto', greeting: '', email: 'a+b@x.com' }, starterSchedule('UTC'));
    expect(created.ok || created.issues).toEqual({ email: expect.stringContaining('“+”') });
  });
});
