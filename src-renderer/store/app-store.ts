// The console's one zustand store, combined from per-domain slices; components read it through narrow selectors.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createQueuesSlice, type QueuesSlice } from './queues-slice';
import { createChatsSlice, type ChatsSlice } from './chats-slice';
import { createTicketsSlice, type TicketsSlice } from './tickets-slice';
import { createStatsSlice, type StatsSlice } from './stats-slice';
import { createIncidentsSlice, type IncidentsSlice } from './incidents-slice';
import { createCannedSlice, type CannedSlice } from './canned-slice';
import { createAdminSlice, type AdminSlice } from './admin-slice';
import { createChatAlertsSlice, type ChatAlertsSlice } from './chat-alerts-slice';
import { createInboundSlice, type InboundSlice } from './inbound-slice';
import { createHelpSlice, type HelpSlice } from '../help/help-slice';

export type AppState = SessionSlice & SettingsSlice & QueuesSlice & ChatsSlice & TicketsSlice & StatsSlice & IncidentsSlice & CannedSlice & AdminSlice & ChatAlertsSlice & InboundSlice & HelpSlice;
export type AppStore = StoreApi<AppState>;

/** A fresh store; tests make their own, the app uses `appStore`. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createSettingsSlice(...a),
    ...createQueuesSlice(...a),
    ...createChatsSlice(...a),
    ...createTicketsSlice(...a),
    ...createStatsSlice(...a),
    ...createIncidentsSlice(...a),
    ...createCannedSlice(...a),
    ...createAdminSlice(...a),
    ...createChatAlertsSlice(...a),
    ...createInboundSlice(...a),
    ...createHelpSlice(...a),
  }));
}

export const appStore = createAppStore();

/** Subscribe a component to one slice of state; wrap object/array-building selectors in `useShallow`. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
