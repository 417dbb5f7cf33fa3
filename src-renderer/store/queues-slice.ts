// Queues slice: departments and every conversation the console knows, keyed by id (queues and chats derive from it).
import type { StateCreator } from 'zustand';
import type { Conversation } from '../../src-shared/conversation';
import type { Department } from '../../src-shared/department';
import type { AppState } from './app-store';
import type { ConversationMap } from './conversation-views';

export type QueuesSlice = {
  departments: Department[];
  conversations: ConversationMap;
  /** Department the queue view is narrowed to (null = all I serve). */
  queueFilter: string | null;
  setDepartments: (departments: Department[]) => void;
  /** Replaces the whole set (a fresh listConversations answer); unchanged records keep their identity. */
  replaceConversations: (list: Conversation[]) => void;
  upsertConversation: (conversation: Conversation) => void;
  setQueueFilter: (departmentId: string | null) => void;
};

/** Keeps the old object for records whose content did not change, so row components do not re-render. */
export function reconcileConversations(previous: ConversationMap, list: readonly Conversation[]): ConversationMap {
  const next: Record<string, Conversation> = {};
  let changed = Object.keys(previous).length !== list.length;
  for (const c of list) {
    const old = previous[c.id];
    if (old && sameConversation(old, c)) next[c.id] = old;
    else {
      next[c.id] = c;
      changed = true;
    }
  }
  return changed ? next : previous;
}

function sameConversation(a: Conversation, b: Conversation): boolean {
  return (
    a.state === b.state &&
    a.lastSeq === b.lastSeq &&
    a.specialist?.id === b.specialist?.id &&
    a.departmentId === b.departmentId &&
    a.ticketId === b.ticketId &&
    a.assignedAt === b.assignedAt &&
    a.firstResponseAt === b.firstResponseAt &&
    a.endedAt === b.endedAt &&
    a.queuedAt === b.queuedAt
  );
}

export const createQueuesSlice: StateCreator<AppState, [], [], QueuesSlice> = (set) => ({
  departments: [],
  conversations: {},
  queueFilter: null,
  setDepartments: (departments) => set({ departments }),
  replaceConversations: (list) => set((s) => ({ conversations: reconcileConversations(s.conversations, list) })),
  upsertConversation: (conversation) => set((s) => ({ conversations: { ...s.conversations, [conversation.id]: conversation } })),
  setQueueFilter: (queueFilter) => set({ queueFilter, view: 'queue' }),
});
