// Chat alerts: the toasts about a chat (a visitor waiting, a chat assigned to me, a message in my chat). They
// stay until dismissed or until the chat no longer needs me: someone else took it, it ended, or I am looking at it.
import type { StateCreator } from 'zustand';
import type { Conversation } from '../../src-shared/conversation';
import type { AppState } from './app-store';
import type { View } from './session-slice';

export type ChatAlert = { id: number; conversationId: string; title: string; body: string };

/** At most this many at once (the newest), so a burst never covers the screen. */
export const MAX_CHAT_ALERTS = 3;

export type ChatAlertsSlice = {
  chatAlerts: ChatAlert[];
  /** Shows an alert about a chat, replacing an older one about the same chat. */
  showChatAlert: (alert: Omit<ChatAlert, 'id'>) => void;
  dismissChatAlert: (id: number) => void;
  /** Drops the alerts `stillNeeded` rejects (called whenever the chats or what I look at change). */
  pruneChatAlerts: (stillNeeded: (alert: ChatAlert) => boolean) => void;
};

let alertIds = 0;

/**
 * Whether an alert still asks something of me: a chat still waiting in the queue, or my own live chat I am not
 * looking at. A chat the console has not listed yet keeps its alert until it is.
 */
export function chatAlertNeeded(
  alert: ChatAlert,
  at: { conversations: Readonly<Record<string, Conversation>>; meId: string | null; view: View; activeChatId: string | null },
): boolean {
  const c = at.conversations[alert.conversationId];
  if (!c) return true;
  if (c.state === 'queued') return true;
  const mine = c.state !== 'ended' && c.specialist !== null && c.specialist.id === at.meId;
  return mine && !(at.view === 'chats' && at.activeChatId === c.id);
}

export const createChatAlertsSlice: StateCreator<AppState, [], [], ChatAlertsSlice> = (set) => ({
  chatAlerts: [],
  showChatAlert: (alert) =>
    set((s) => ({ chatAlerts: [...s.chatAlerts.filter((a) => a.conversationId !== alert.conversationId), { ...alert, id: ++alertIds }].slice(-MAX_CHAT_ALERTS) })),
  dismissChatAlert: (id) => set((s) => ({ chatAlerts: s.chatAlerts.filter((a) => a.id !== id) })),
  pruneChatAlerts: (stillNeeded) =>
    set((s) => {
      const kept = s.chatAlerts.filter(stillNeeded);
      return kept.length === s.chatAlerts.length ? {} : { chatAlerts: kept };
    }),
});
