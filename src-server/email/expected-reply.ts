// When a customer who asked by email can expect our answer, said once for every acknowledgement (EMAIL US, and a
// queued chat the customer turned into an email request). Pure: the department and a `now`.
import { describeHours, isOpen, nextOpening } from '../../src-shared/business-hours';
import type { Department } from '../../src-shared/department';

export interface ExpectedReply {
  /** `now` inside chat hours; else the next opening (null when none is scheduled). */
  by: number | null;
  text: string;
}

export function expectedReply(dept: Pick<Department, 'name' | 'schedule'>, now: number): ExpectedReply {
  const open = isOpen(dept.schedule, now);
  return {
    by: open ? now : nextOpening(dept.schedule, now),
    text: open
      ? `Our ${dept.name} team is in now and will reply by email as soon as possible.`
      : `Our ${dept.name} team will reply during business hours (${describeHours(dept.schedule)}).`,
  };
}
