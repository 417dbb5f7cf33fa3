// Stats slice: the specialists roster and the unfiltered ticket set the lead dashboard counts from.
import type { StateCreator } from 'zustand';
import type { Specialist } from '../../src-shared/specialist';
import type { Ticket } from '../../src-shared/ticket';
import type { AppState } from './app-store';

export type StatsSlice = {
  specialists: Specialist[];
  /** All tickets the dashboard counts (not the list view's filtered set). */
  statsTickets: Ticket[];
  setSpecialists: (list: Specialist[]) => void;
  setStatsTickets: (list: Ticket[]) => void;
};

export const createStatsSlice: StateCreator<AppState, [], [], StatsSlice> = (set) => ({
  specialists: [],
  statsTickets: [],
  setSpecialists: (specialists) => set({ specialists }),
  setStatsTickets: (statsTickets) => set({ statsTickets }),
});
