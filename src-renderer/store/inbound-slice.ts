// Inbound mail slice (leads and admins): the Inbound mail screen's list, its status filter, how many mails could not
// be read, and the mail open in the detail dialog. Nothing of it is kept offline: the core asks the server each time.
import type { StateCreator } from 'zustand';
import type { InboundMailDetail, InboundMailStatus, InboundMailSummary } from '../../src-shared/inbound-mail';
import type { AppState } from './app-store';

export type InboundSlice = {
  /** Newest first; null until the first answer. Kept when a re-read fails, so a dropped connection leaves it readable. */
  inboundMails: InboundMailSummary[] | null;
  /** Null: every status. */
  inboundFilter: InboundMailStatus | null;
  /** Mails with status `failed` (up to the list limit), whatever the filter; null until read. */
  inboundFailedCount: number | null;
  /** Why the last read failed (offline, refused), or null. */
  inboundProblem: string | null;
  /** The mail shown in the detail dialog, or null. */
  inboundOpen: InboundMailDetail | null;
  setInboundMails: (mails: InboundMailSummary[], failedCount: number | null) => void;
  setInboundFilter: (status: InboundMailStatus | null) => void;
  setInboundProblem: (problem: string | null) => void;
  setInboundOpen: (mail: InboundMailDetail | null) => void;
};

export const createInboundSlice: StateCreator<AppState, [], [], InboundSlice> = (set) => ({
  inboundMails: null,
  inboundFilter: null,
  inboundFailedCount: null,
  inboundProblem: null,
  inboundOpen: null,
  setInboundMails: (inboundMails, failedCount) => set((s) => ({ inboundMails, inboundFailedCount: failedCount ?? s.inboundFailedCount, inboundProblem: null })),
  setInboundFilter: (inboundFilter) => set({ inboundFilter }),
  setInboundProblem: (inboundProblem) => set({ inboundProblem }),
  setInboundOpen: (inboundOpen) => set({ inboundOpen }),
});
