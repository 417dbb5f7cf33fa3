// Canned responses slice: the team's responses this specialist may use (from `listCanned`), for the composer.
import type { StateCreator } from 'zustand';
import type { CannedResponse } from '../../src-shared/canned-response';
import type { AppState } from './app-store';

export type CannedSlice = {
  canned: CannedResponse[];
  setCanned: (list: CannedResponse[]) => void;
};

export const createCannedSlice: StateCreator<AppState, [], [], CannedSlice> = (set) => ({
  canned: [],
  setCanned: (canned) => set({ canned }),
});
