import { describe, expect, it } from 'vitest';
import { cannedDraftSchema, cannedShortcutSchema, fillTemplate, templateVariables, unknownVariables } from '../../../src-shared/canned-response';
import { DEFAULT_GREETING, departmentPatchSchema } from '../../../src-shared/department';

describe('fillTemplate', () => {
  it('replaces each known variable, every time it appears', () => {
    const text = 'Hi, {visitor.email}: {specialist.name} of {department.name} here. Bye, {visitor.email}!';
    expect(fillTemplate(text, { 'visitor.email': 'ana@example.com', 'specialist.name': 'Dana', 'department.name': 'Finance' })).toBe(
      'Hi, ana@example.com: Dana of Finance here. Bye, ana@example.com!',
    );
  });

  it('leaves unknown variables, variables without a value and other braces as typed', () => {
    expect(fillTemplate('{visitor.name} {specialist.name} {x} {a.b.c} {}', {})).toBe('{visitor.name} {specialist.name} {x} {a.b.c} {}');
    expect(fillTemplate('{toString.x} {constructor.name}', { 'specialist.name': 'Dana' })).toBe('{toString.x} {constructor.name}');
    // Only the template's variables are filled, whatever else the values carry.
    expect(fillTemplate('{visitor.name}', { 'visitor.name': 'Ana' } as Record<string, string>)).toBe('{visitor.name}');
  });

  it('inserts values literally, even when they look like variables or replacement patterns', () => {
    expect(fillTemplate('{specialist.name}', { 'specialist.name': '$& {visitor.email} $1' })).toBe('$& {visitor.email} $1');
  });

  it('fills the default greeting with the specialist’s name', () => {
    expect(fillTemplate(DEFAULT_GREETING, { 'specialist.name': 'Dana' })).toBe("Hi, I'm Dana. How can I help?");
  });
});

describe('unknownVariables', () => {
  it('lists each unknown name once, in order of appearance, and none for known ones', () => {
    expect(unknownVariables('{visitor.name} {specialist.name} {agent.name} {visitor.name}')).toEqual(['visitor.name', 'agent.name']);
    expect(unknownVariables(Object.keys(templateVariables).map((v) => `{${v}}`).join(' '))).toEqual([]);
    expect(unknownVariables('no variables, {not one}')).toEqual([]);
  });
});

describe('schemas', () => {
  it('takes lowercase shortcuts with digits and dashes only', () => {
    expect(cannedShortcutSchema.safeParse('refund-2').success).toBe(true);
    for (const bad of ['Refund', '-refund', 'a b', '', 'x'.repeat(41)]) expect(cannedShortcutSchema.safeParse(bad).success).toBe(false);
  });

  it('a draft without an id is a new response; with one it replaces it', () => {
    expect(cannedDraftSchema.parse({ departmentId: null, shortcut: 'hi', title: 'Hi', body: 'Hello' })).toEqual({ departmentId: null, shortcut: 'hi', title: 'Hi', body: 'Hello' });
    expect(cannedDraftSchema.safeParse({ id: 'nope', departmentId: null, shortcut: 'hi', title: 'Hi', body: 'Hello' }).success).toBe(false);
  });

  it('a department patch keeps only the fields given, and refuses an empty one', () => {
    expect(departmentPatchSchema.parse({ greeting: '' })).toEqual({ greeting: '' });
    expect(departmentPatchSchema.safeParse({}).success).toBe(false);
    expect(departmentPatchSchema.safeParse({ position: 3 }).success).toBe(false);
  });
});
