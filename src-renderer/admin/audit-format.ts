// Audit entries as the admin screen lists them: the action in words, and each changed field's before → after
// as short text (schedules summarised, lists joined, nothing rendered as markup).
import type { AdminAction } from '../../src-shared/admin';
import { describeHours, scheduleSchema } from '../../src-shared/business-hours';

export const actionLabels: Record<AdminAction, string> = {
  'department.create': 'Created department',
  'department.update': 'Changed department',
  'department.reorder': 'Reordered departments',
  'specialist.create': 'Created account',
  'specialist.update': 'Changed account',
  'specialist.deactivate': 'Deactivated account',
  'specialist.reactivate': 'Reactivated account',
  'specialist.reset-password': 'Reset password',
  'canned.save': 'Saved canned response',
  'canned.delete': 'Deleted canned response',
  'notice.set': 'Notice banner',
};

const MAX = 160;
const clip = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

/** One value of an audit change as text: "—" for nothing, schedules as their hours, lists comma-joined. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : clip(value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', '));
  const schedule = scheduleSchema.safeParse(value);
  if (schedule.success) {
    const holidays = schedule.data.holidays.length > 0 ? `; holidays ${schedule.data.holidays.join(', ')}` : '';
    return clip(`${describeHours(schedule.data)}${holidays}`);
  }
  return clip(JSON.stringify(value));
}
