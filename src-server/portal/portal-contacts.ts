// Contacts: each department's direct address and coverage hours, for anyone (no sign-in). Pure: the departments.
import { describeHours } from '../../src-shared/business-hours';
import type { Department } from '../../src-shared/department';
import type { DepartmentContact } from '../../src-shared/protocol/portal';

export function departmentContacts(departments: readonly Department[]): { departments: DepartmentContact[] } {
  return {
    departments: departments.map((d) => ({ departmentId: d.id, name: d.name, description: d.description, email: d.email, schedule: d.schedule, hoursText: describeHours(d.schedule) })),
  };
}
