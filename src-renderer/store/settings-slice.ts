// Settings slice: the console settings the main process keeps, plus renderer-only preferences (canned responses, overlays).
import type { StateCreator } from 'zustand';
import type { ConsoleSettings } from '../../src-shared/console-api';
import { defaultCannedResponses, type CannedResponse } from '../chats/canned-responses';
import type { AppState } from './app-store';

export type Overlay = 'none' | 'search' | 'help';

export type SettingsSlice = {
  settings: ConsoleSettings | null;
  cannedResponses: CannedResponse[];
  overlay: Overlay;
  setSettings: (settings: ConsoleSettings) => void;
  setCannedResponses: (list: CannedResponse[]) => void;
  setOverlay: (overlay: Overlay) => void;
};

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: null,
  cannedResponses: defaultCannedResponses,
  overlay: 'none',
  setSettings: (settings) => set({ settings }),
  setCannedResponses: (cannedResponses) => set({ cannedResponses }),
  setOverlay: (overlay) => set({ overlay }),
});
