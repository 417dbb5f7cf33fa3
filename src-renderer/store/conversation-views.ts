// Pure selectors over conversations: waiting queues per department, my chats and my load.
import type { Conversation } from '../../src-shared/conversation';
import type { Department } from '../../src-shared/department';
import type { Specialist } from '../../src-shared/specialist';

export type ConversationMap = Readonly<Record<string, Conversation>>;

/** Waiting visitors of one department (or all), longest-waiting first. */
export function waitingIn(conversations: ConversationMap, departmentId: string | null): Conversation[] {
  return Object.values(conversations)
    .filter((c) => c.state === 'queued' && (departmentId === null || c.departmentId === departmentId))
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

/** Count of waiting visitors per department id. */
export function waitingCounts(conversations: ConversationMap): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of Object.values(conversations)) if (c.state === 'queued') counts[c.departmentId] = (counts[c.departmentId] ?? 0) + 1;
  return counts;
}

export const isLive = (c: Conversation): boolean => c.state === 'assigned' || c.state === 'active';

/** Chats assigned to me and not ended, oldest assignment first (the order of tabs opening). */
export function myLiveChats(conversations: ConversationMap, meId: string | null): Conversation[] {
  if (!meId) return [];
  return Object.values(conversations)
    .filter((c) => isLive(c) && c.specialist?.id === meId)
    .sort((a, b) => (a.assignedAt ?? a.queuedAt) - (b.assignedAt ?? b.queuedAt));
}

export type Load = { active: number; max: number; full: boolean };

export function myLoad(conversations: ConversationMap, me: Specialist | null): Load {
  const active = me ? myLiveChats(conversations, me.id).length : 0;
  const max = me?.maxConcurrentChats ?? 0;
  return { active, max, full: max > 0 && active >= max };
}

/** The departments I serve, in drop-down order; leads and admins see all. */
export function myDepartments(departments: readonly Department[], me: Specialist | null): Department[] {
  const all = [...departments].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  if (!me) return [];
  if (me.role === 'lead' || me.role === 'admin') return all;
  return all.filter((d) => me.departmentIds.includes(d.id));
}
