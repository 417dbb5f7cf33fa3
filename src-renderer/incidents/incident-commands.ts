// The lead's incident commands: declare, link tickets, post an update, resolve. Each answers null when done (or queued offline,
// which the outbox shows) or the message to show in the form; the incident list in the store follows the answer.
import type { ConsoleApi } from '../../src-shared/console-api';
import type { AppStore } from '../store/app-store';

export function createIncidentCommands(api: ConsoleApi, store: AppStore) {
  const s = () => store.getState();
  return {
    async createIncident(input: Parameters<ConsoleApi['createIncident']>[0], alertKey: string | null): Promise<string | null> {
      const r = await api.createIncident(input);
      if (!r.ok) return r.error.code === 'offline' ? null : r.error.message;
      if (alertKey) s().dismissIncidentAlert(alertKey);
      s().startIncidentFromAlert(null);
      s().setIncidents([r.value, ...s().incidents.filter((i) => i.id !== r.value.id)]);
      s().showToast(`Incident “${r.value.title}” declared.`);
      return null;
    },
    async linkIncident(incidentId: string, ticketIds: number[]): Promise<string | null> {
      const r = await api.linkIncident({ incidentId, ticketIds });
      if (!r.ok) return r.error.code === 'offline' ? null : r.error.message;
      s().setIncidents(s().incidents.map((i) => (i.id === r.value.id ? r.value : i)));
      return null;
    },
    async postIncidentUpdate(incidentId: string, note: string): Promise<string | null> {
      const r = await api.postIncidentUpdate({ incidentId, note });
      if (!r.ok) return r.error.code === 'offline' ? null : r.error.message;
      s().showToast('Update posted on the status page; subscribers are being emailed.');
      return null;
    },
    async resolveIncident(incidentId: string, note: string, notifyRequesters: boolean): Promise<string | null> {
      const r = await api.resolveIncident({ incidentId, note, notifyRequesters });
      if (!r.ok) return r.error.code === 'offline' ? null : r.error.message;
      s().setIncidents(s().incidents.map((i) => (i.id === r.value.id ? r.value : i)));
      s().showToast(notifyRequesters ? 'Incident resolved; requesters are being emailed.' : 'Incident resolved.');
      return null;
    },
  };
}
