// Incident updates on the status page and in status mail: pure rules (status-view.ts, status-mail.ts).
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../../src-shared/incident';
import { openIncidentIds, statusPage } from '../../../../src-server/status/status-view';
import { statusMail } from '../../../../src-server/status/status-mail';

const NOW = Date.UTC(2026, 10, 30, 12);

const incident = (o: Partial<Incident>): Incident => ({
  id: crypto.randomUUID(),
  title: 'Slow logins',
  category: 'platform_access',
  eid: null,
  state: 'open',
  ticketIds: [],
  noticeId: null,
  createdBy: 'spec-1',
  createdAt: NOW - 3600_000,
  resolvedAt: null,
  resolutionNote: null,
  ...o,
});

describe('updates on the status page', () => {
  it('each open incident shows its own updates, newest first, without who posted them', () => {
    const a = incident({ title: 'A', createdAt: NOW - 1000 });
    const b = incident({ title: 'B', createdAt: NOW - 2000 });
    const updates = new Map([
      [a.id, [{ at: NOW - 500, note: 'first on A' }, { at: NOW - 100, note: 'second on A' }]],
      [b.id, [{ at: NOW - 300, note: 'only on B' }]],
    ]);
    const page = statusPage([a, b], null, NOW, updates);
    expect(page.openIncidents.map((i) => [i.title, i.updates])).toEqual([
      ['A', [{ at: NOW - 100, note: 'second on A' }, { at: NOW - 500, note: 'first on A' }]],
      ['B', [{ at: NOW - 300, note: 'only on B' }]],
    ]);
  });

  it('an incident without updates shows none; only open incidents are asked for', () => {
    const open = incident({});
    const resolved = incident({ state: 'resolved', resolvedAt: NOW - 10, resolutionNote: 'Fixed' });
    expect(statusPage([open], null, NOW).openIncidents[0]?.updates).toEqual([]);
    expect(openIncidentIds([open, resolved])).toEqual([open.id]);
  });
});

describe('the update mail', () => {
  it('says "Update:", carries the note, what is affected and how to stop', () => {
    const mail = statusMail({ incident: incident({}), change: 'updated', notice: null, note: 'A second server takes load.', statusUrl: 'https://s/status', unsubscribePage: 'https://s/status/unsubscribe?token=t' });
    expect(mail.subject).toBe('Update: Slow logins');
    expect(mail.text).toContain('An update on a problem we are working on: Slow logins.');
    expect(mail.text).toContain('Affected: Platform access');
    expect(mail.text).toContain('A second server takes load.');
    expect(mail.text).toContain('https://s/status/unsubscribe?token=t');
  });
});
