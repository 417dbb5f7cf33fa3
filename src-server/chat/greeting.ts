// The first message a visitor reads when a specialist takes the chat: the department's greeting (or the default),
// its variables filled in.
import { DEFAULT_GREETING, type Department } from '../../src-shared/department';
import { fillTemplate } from '../../src-shared/canned-response';

/** `department` null (it vanished, which departments never do): the default greeting. */
export function greetingText(department: Pick<Department, 'name' | 'greeting'> | null, specialistName: string, visitorEmail: string): string {
  const template = department?.greeting.trim() ? department.greeting : DEFAULT_GREETING;
  return fillTemplate(template, { 'specialist.name': specialistName, 'visitor.email': visitorEmail, ...(department ? { 'department.name': department.name } : {}) });
}
