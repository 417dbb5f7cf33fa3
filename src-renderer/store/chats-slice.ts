// Chats slice: which chats are open and focused, and per chat its transcript, typing, unread count, drop boxes and draft.
// Per-chat data lives in maps keyed by conversation id so a change in one chat leaves the others' objects untouched.
import type { StateCreator } from 'zustand';
import type { ConsoleMessage as Message } from '../../src-shared/console-api';
import type { DropBox } from '../../src-shared/drop-box';
import type { AppState } from './app-store';
import { mergeMessages } from './message-list';
import { cycleChat, focusAfterClose } from '../chats/chat-order';

export type ChatLayout = 'tabs' | 'grid';
export type ChatDialog = { kind: 'end' | 'transfer' | 'dropbox'; conversationId: string } | null;

export type ChatsSlice = {
  openChatIds: string[];
  activeChatId: string | null;
  layout: ChatLayout;
  messages: Record<string, Message[]>;
  /** Whether older messages exist before the first loaded one. */
  hasOlder: Record<string, boolean>;
  typing: Record<string, boolean>;
  unread: Record<string, number>;
  dropBoxes: Record<string, DropBox[]>;
  drafts: Record<string, string>;
  internalMode: Record<string, boolean>;
  /** The chat dialog open now (end, transfer, drop box); in the store so shortcuts can open it too. */
  chatDialog: ChatDialog;
  setChatDialog: (dialog: ChatDialog) => void;
  openChat: (id: string, focus?: boolean) => void;
  closeChat: (id: string) => void;
  focusChat: (id: string | null) => void;
  cycleChats: (step: 1 | -1) => void;
  /** Opens every live chat of mine not already open (auto-assigned chats arriving). */
  openLiveChats: (ids: readonly string[]) => void;
  setLayout: (layout: ChatLayout) => void;
  setMessages: (id: string, list: Message[], hasOlder: boolean) => void;
  addMessages: (id: string, list: readonly Message[]) => void;
  prependMessages: (id: string, list: readonly Message[], hasOlder: boolean) => void;
  setTyping: (id: string, typing: boolean) => void;
  setUnread: (byConversation: Record<string, number>) => void;
  setDropBoxes: (id: string, list: DropBox[]) => void;
  setDraft: (id: string, text: string) => void;
  toggleInternal: (id: string) => void;
};

export const createChatsSlice: StateCreator<AppState, [], [], ChatsSlice> = (set) => ({
  openChatIds: [],
  activeChatId: null,
  layout: 'tabs',
  messages: {},
  hasOlder: {},
  typing: {},
  unread: {},
  dropBoxes: {},
  drafts: {},
  internalMode: {},
  chatDialog: null,
  setChatDialog: (chatDialog) => set({ chatDialog }),
  openChat: (id, focus = true) =>
    set((s) => ({
      openChatIds: s.openChatIds.includes(id) ? s.openChatIds : [...s.openChatIds, id],
      activeChatId: focus ? id : (s.activeChatId ?? id),
      ...(focus ? { view: 'chats' as const } : {}),
    })),
  closeChat: (id) =>
    set((s) => ({
      openChatIds: s.openChatIds.filter((x) => x !== id),
      activeChatId: focusAfterClose(s.openChatIds, id, s.activeChatId),
    })),
  focusChat: (activeChatId) => set({ activeChatId }),
  cycleChats: (step) => set((s) => ({ activeChatId: cycleChat(s.openChatIds, s.activeChatId, step) })),
  openLiveChats: (ids) =>
    set((s) => {
      const missing = ids.filter((id) => !s.openChatIds.includes(id));
      if (missing.length === 0) return {};
      return { openChatIds: [...s.openChatIds, ...missing], activeChatId: s.activeChatId ?? missing[0]! };
    }),
  setLayout: (layout) => set({ layout }),
  setMessages: (id, list, hasOlder) => set((s) => ({ messages: { ...s.messages, [id]: list }, hasOlder: { ...s.hasOlder, [id]: hasOlder } })),
  addMessages: (id, list) =>
    set((s) => {
      const prev = s.messages[id] ?? [];
      const next = mergeMessages(prev, list);
      return next === prev ? {} : { messages: { ...s.messages, [id]: next } };
    }),
  prependMessages: (id, list, hasOlder) =>
    set((s) => ({ messages: { ...s.messages, [id]: mergeMessages(s.messages[id] ?? [], list) }, hasOlder: { ...s.hasOlder, [id]: hasOlder } })),
  // The same state when nothing changes: zustand then notifies nobody (an empty object would re-run every selector).
  setTyping: (id, typing) => set((s) => (Boolean(s.typing[id]) === typing ? s : { typing: { ...s.typing, [id]: typing } })),
  setUnread: (byConversation) => set({ unread: byConversation }),
  setDropBoxes: (id, list) => set((s) => ({ dropBoxes: { ...s.dropBoxes, [id]: list } })),
  setDraft: (id, text) => set((s) => ({ drafts: { ...s.drafts, [id]: text } })),
  toggleInternal: (id) => set((s) => ({ internalMode: { ...s.internalMode, [id]: !s.internalMode[id] } })),
});
