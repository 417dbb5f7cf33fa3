// Incidents slice (leads): live alerts from the server, the incident list, the create form's prefill, and the
// server's dashboard numbers with their age.
import type { StateCreator } from 'zustand';
import type { IncidentAlert, Incident, StatsSnapshot } from '../../src-shared/console-api';
import type { AppState } from './app-store';

/** An alert as shown: the server's alert plus a local id and when it arrived. */
export type ShownAlert = IncidentAlert & { key: string };

/** The same category + event replaces its older alert (the count only grows), so the list never repeats itself. */
export const alertKey = (a: Pick<IncidentAlert, 'category' | 'eid'>): string => `${a.category}|${a.eid ?? ''}`;

export function addAlert(list: readonly ShownAlert[], alert: IncidentAlert): ShownAlert[] {
  const key = alertKey(alert);
  return [{ ...alert, key }, ...list.filter((a) => a.key !== key)];
}

export type IncidentsSlice = {
  incidentAlerts: ShownAlert[];
  incidents: Incident[];
  /** The alert the create form was opened from (prefills category, event and tickets). */
  incidentDraft: ShownAlert | null;
  serverStats: StatsSnapshot | null;
  noteIncidentAlert: (alert: IncidentAlert) => void;
  dismissIncidentAlert: (key: string) => void;
  setIncidents: (list: Incident[]) => void;
  startIncidentFromAlert: (alert: ShownAlert | null) => void;
  setServerStats: (stats: StatsSnapshot | null) => void;
};

export const createIncidentsSlice: StateCreator<AppState, [], [], IncidentsSlice> = (set) => ({
  incidentAlerts: [],
  incidents: [],
  incidentDraft: null,
  serverStats: null,
  noteIncidentAlert: (alert) => set((s) => ({ incidentAlerts: addAlert(s.incidentAlerts, alert) })),
  dismissIncidentAlert: (key) => set((s) => ({ incidentAlerts: s.incidentAlerts.filter((a) => a.key !== key) })),
  setIncidents: (incidents) => set({ incidents }),
  startIncidentFromAlert: (incidentDraft) => set({ incidentDraft, view: 'incidents' }),
  setServerStats: (serverStats) => set({ serverStats }),
});
