// Session slice: who I am, the connection to the server, unsent actions, sync progress and where I am in the app.
import type { StateCreator } from 'zustand';
import type { AppInfo, ConsoleEvents, OutboxItem, SessionInfo } from '../../src-shared/console-api';
import type { AppState } from './app-store';

export type View = 'queue' | 'chats' | 'tickets' | 'dashboard' | 'incidents' | 'admin' | 'help';
export type Connection = ConsoleEvents['connection'];
export type SyncProgress = ConsoleEvents['syncProgress'];

export type SessionSlice = {
  /** null until the first getSession answer arrives. */
  session: SessionInfo | null;
  /** Desktop app or browser mode, version, log file: null until the core answers. */
  appInfo: AppInfo | null;
  connection: Connection;
  outbox: OutboxItem[];
  sync: SyncProgress | null;
  view: View;
  /** A short message for the toast line ("Chat accepted", an error). */
  toast: { id: number; text: string; tone: 'info' | 'error' } | null;
  setSession: (session: SessionInfo) => void;
  setAppInfo: (appInfo: AppInfo) => void;
  setConnection: (connection: Connection) => void;
  setOutbox: (items: OutboxItem[]) => void;
  setSync: (sync: SyncProgress) => void;
  navigate: (view: View) => void;
  showToast: (text: string, tone?: 'info' | 'error') => void;
  clearToast: (id: number) => void;
};

let toastIds = 0;

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: null,
  appInfo: null,
  connection: { state: 'offline', unsent: 0, nextRetryAt: null },
  outbox: [],
  sync: null,
  view: 'queue',
  toast: null,
  setSession: (session) =>
    set((s) => ({ session, connection: s.connection.state === session.connection ? s.connection : { ...s.connection, state: session.connection } })),
  setAppInfo: (appInfo) => set({ appInfo }),
  setConnection: (connection) => set({ connection }),
  setOutbox: (outbox) => set({ outbox }),
  setSync: (sync) => set({ sync }),
  navigate: (view) => set({ view }),
  showToast: (text, tone = 'info') => set({ toast: { id: ++toastIds, text, tone } }),
  clearToast: (id) => set((s) => (s.toast?.id === id ? { toast: null } : {})),
});
