// Settings slice: the console settings the main process keeps, plus renderer-only state (overlays).
import type { StateCreator } from 'zustand';
import type { ConsoleSettings } from '../../src-shared/console-api';
import type { AppState } from './app-store';

export type Overlay = 'none' | 'search' | 'help';

export type SettingsSlice = {
  settings: ConsoleSettings | null;
  overlay: Overlay;
  setSettings: (settings: ConsoleSettings) => void;
  setOverlay: (overlay: Overlay) => void;
};

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: null,
  overlay: 'none',
  setSettings: (settings) => set({ settings }),
  setOverlay: (overlay) => set({ overlay }),
});
