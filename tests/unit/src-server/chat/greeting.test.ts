import { describe, expect, it } from 'vitest';
import { greetingText } from '../../../../src-server/chat/greeting';

describe('greetingText', () => {
  it('uses the default greeting when the department has none (or only blanks)', () => {
    expect(greetingText({ name: 'Finance', greeting: '' }, 'Dana', 'ana@example.com')).toBe("Hi, I'm Dana. How can I help?");
    expect(greetingText({ name: 'Finance', greeting: '  \n' }, 'Dana', 'ana@example.com')).toBe("Hi, I'm Dana. How can I help?");
    expect(greetingText(null, 'Dana', 'ana@example.com')).toBe("Hi, I'm Dana. How can I help?");
  });

  it('fills the department’s template with the specialist, the visitor and the department', () => {
    const department = { name: 'Finance', greeting: 'Hello {visitor.email}, {specialist.name} from {department.name} here.' };
    expect(greetingText(department, 'Dana', 'ana@example.com')).toBe('Hello ana@example.com, Dana from Finance here.');
  });

  it('leaves an unknown variable as typed', () => {
    expect(greetingText({ name: 'Finance', greeting: 'Hi {visitor.name}' }, 'Dana', 'ana@example.com')).toBe('Hi {visitor.name}');
  });
});
