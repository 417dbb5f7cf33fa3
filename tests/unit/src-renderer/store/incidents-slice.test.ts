import { describe, expect, it } from 'vitest';
import { addAlert } from '../../../../src-renderer/store/incidents-slice';
import { createAppStore } from '../../../../src-renderer/store/app-store';
import type { IncidentAlert } from '../../../../src-shared/console-api';

const alert = (over: Partial<IncidentAlert> = {}): IncidentAlert => ({ category: 'streaming', eid: 'e1', count: 3, firstAt: 1, lastAt: 2, ticketIds: [1, 2, 3], ...over });

describe('incident alerts', () => {
  it('a newer alert for the same category and event replaces the older one and goes first', () => {
    let list = addAlert([], alert());
    list = addAlert(list, alert({ category: 'platform_access', eid: null }));
    list = addAlert(list, alert({ count: 5, ticketIds: [1, 2, 3, 4, 5] }));
    expect(list.map((a) => [a.category, a.count])).toEqual([
      ['streaming', 5],
      ['platform_access', 3],
    ]);
  });

  it('declaring from an alert opens the incidents view with it as the draft; dismissing removes it', () => {
    const store = createAppStore();
    store.getState().noteIncidentAlert(alert());
    const shown = store.getState().incidentAlerts[0]!;
    store.getState().startIncidentFromAlert(shown);
    expect(store.getState().view).toBe('incidents');
    expect(store.getState().incidentDraft?.ticketIds).toEqual([1, 2, 3]);
    store.getState().dismissIncidentAlert(shown.key);
    expect(store.getState().incidentAlerts).toEqual([]);
  });
});
