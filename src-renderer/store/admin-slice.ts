// Admin slice (leads and admins): the server's admin overview, why it could not be read, and where the admin
// screens are (section, department whose hours are open).
import type { StateCreator } from 'zustand';
import type { AdminOverview } from '../../src-shared/admin';
import type { AdminSection } from '../admin/admin-access';
import type { AppState } from './app-store';

export type AdminSlice = {
  /** Null until the first `getAdmin` answer. Kept when a re-read fails, so a dropped connection leaves it readable. */
  adminOverview: AdminOverview | null;
  /** Why the last read failed (offline, refused), or null. */
  adminProblem: string | null;
  adminSection: AdminSection;
  /** The department whose hours (or details) are open; null: the first one. */
  adminDepartmentId: string | null;
  setAdminOverview: (overview: AdminOverview) => void;
  setAdminProblem: (problem: string | null) => void;
  showAdminSection: (section: AdminSection) => void;
  selectAdminDepartment: (id: string | null) => void;
};

export const createAdminSlice: StateCreator<AppState, [], [], AdminSlice> = (set) => ({
  adminOverview: null,
  adminProblem: null,
  adminSection: 'departments',
  adminDepartmentId: null,
  setAdminOverview: (adminOverview) => set({ adminOverview, adminProblem: null }),
  setAdminProblem: (adminProblem) => set({ adminProblem }),
  showAdminSection: (adminSection) => set({ adminSection }),
  selectAdminDepartment: (adminDepartmentId) => set({ adminDepartmentId }),
});
