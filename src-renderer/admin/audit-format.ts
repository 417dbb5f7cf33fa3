// Audit entries as the admin screen lists them: the action in words, and each changed field's before → after
// as short text (schedules summarised, lists joined, nothing rendered as markup).
import type { AdminAction } from '../../src-shared/admin';
import { describeHours, scheduleSchema } from '../../src-shared/business-hours';
import { z } from 'zod';

export const actionLabels: Record<AdminAction, string> = {
  'department.create': 'Created department',
  'department.update': 'Changed department',
  // The target names what was reordered ("departments").
  'department.reorder': 'Reordered',
  'specialist.create': 'Created account',
  'specialist.update': 'Changed account',
  'specialist.deactivate': 'Deactivated account',
  'specialist.reactivate': 'Reactivated account',
  'specialist.reset-password': 'Reset password',
  'canned.save': 'Saved canned response',
  'canned.delete': 'Deleted canned response',
  'notice.set': 'Set',
};

const MAX = 160;
/** A notice banner as audited: its severity and text. */
const noticeShape = z.object({ severity: z.string(), text: z.string() });
const clip = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

/** One value of an audit change as text: "—" for nothing, schedules as their hours, lists comma-joined. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return clip(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : clip(value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', '));
  const notice = noticeShape.safeParse(value);
  if (notice.success) return clip(`${notice.data.severity}: ${notice.data.text}`);
  const schedule = scheduleSchema.safeParse(value);
  if (schedule.success) {
    const holidays = schedule.data.holidays.length > 0 ? `; holidays ${schedule.data.holidays.join(', ')}` : '';
    return clip(`${describeHours(schedule.data)}${holidays}`);
  }
  return clip(JSON.stringify(value));
}

/** The changes worth a line: a field that went from nothing to nothing (an empty description on creation) says nothing. */
export function visibleChanges<C extends { before: unknown; after: unknown }>(changes: readonly C[]): C[] {
  return changes.filter((c) => formatAuditValue(c.before) !== formatAuditValue(c.after));
}
