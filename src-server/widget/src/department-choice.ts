// Which department the CONTACT US form starts with: one the customer can chat with now, their saved choice first.
import type { Availability, Department } from '../../../src-shared/department';
import { canChat } from './department-status';

/**
 * The saved department when it can chat; else the first (in picker order) that can; else the saved one, so a
 * returning customer emailing out of hours keeps their choice; else the first. Null only without departments.
 */
export function preselectDepartment(
  departments: readonly Department[],
  availability: Readonly<Record<string, Availability>>,
  saved: string | null,
): string | null {
  const savedDept = departments.find((d) => d.id === saved);
  if (savedDept && canChat(availability[savedDept.id])) return savedDept.id;
  const chatting = departments.find((d) => canChat(availability[d.id]));
  return (chatting ?? savedDept ?? departments[0])?.id ?? null;
}
