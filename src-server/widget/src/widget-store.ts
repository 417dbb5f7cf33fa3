// The support page's state in one zustand store: connection, departments, live availability, notice and the chat.
import { createStore } from 'zustand/vanilla';
import type { Availability, Department } from '../../../src-shared/department';
import type { SystemNotice } from '../../../src-shared/notice';
import type { ChatView } from './chat-view';

/** `reconnecting` only after a connection was lost; the first connect is `connecting`. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting';

export interface WidgetState {
  connection: ConnectionState;
  departments: Department[] | null;
  departmentsError: string | null;
  /** Chosen "Request Chat With" department; preselected by department-choice.ts. */
  departmentId: string | null;
  availability: Record<string, Availability>;
  notice: SystemNotice | null;
  chat: ChatView | null;
  /** A saved session is being resumed (page reload): show the chat, not the form. */
  resuming: boolean;
  specialistTyping: { displayName: string } | null;
}

export const createWidgetStore = (initial: Partial<WidgetState> = {}) =>
  createStore<WidgetState>()(() => ({
    connection: 'connecting',
    departments: null,
    departmentsError: null,
    departmentId: null,
    availability: {},
    notice: null,
    chat: null,
    resuming: false,
    specialistTyping: null,
    ...initial,
  }));

export type WidgetStore = ReturnType<typeof createWidgetStore>;

/** "All Media, Technical: Mon–Fri 9 am to 7 pm Eastern Time": departments with the same hours share one line. */
export function hoursLines(departments: readonly Department[], availability: Record<string, Availability>): string[] {
  const byText = new Map<string, string[]>();
  for (const d of departments) {
    const text = availability[d.id]?.hoursText;
    if (!text) continue;
    byText.set(text, [...(byText.get(text) ?? []), d.name]);
  }
  return [...byText].map(([text, names]) => `${names.join(', ')}: ${text}`);
}

/** The hours line of the chosen department, with every department sharing those hours (for the tab's hint). */
export function hoursLineFor(departments: readonly Department[], availability: Record<string, Availability>, departmentId: string | null): string {
  const text = departmentId ? availability[departmentId]?.hoursText : undefined;
  if (!text) return '';
  const names = departments.filter((d) => availability[d.id]?.hoursText === text).map((d) => d.name);
  return `${names.join(', ')}: ${text}`;
}

/**
 * A queued visitor whose department can no longer chat (hours over, last specialist gone) may switch to an email
 * answer. The chat request already made their question a ticket, so leaving the queue keeps it as an email case.
 */
export function emailInsteadOffered(state: Pick<WidgetState, 'chat' | 'availability'>): boolean {
  const c = state.chat?.conversation;
  if (!c || c.state !== 'queued' || c.ticketId === null) return false;
  return state.availability[c.departmentId]?.mode === 'email';
}

/**
 * The department list after a live `department.updated` (an admin renamed, re-timed, added or reordered one):
 * replaced or added, kept in the order the server gives (position, then id). Null stays null: the page has not
 * loaded its list yet and will read the change with it.
 */
export function withDepartment(list: readonly Department[] | null, changed: Department): Department[] | null {
  if (list === null) return null;
  const next = [...list.filter((d) => d.id !== changed.id), changed];
  return next.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}
