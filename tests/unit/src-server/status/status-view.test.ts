import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../../src-shared/incident';
import type { SystemNotice } from '../../../../src-shared/notice';
import { affectedText, componentStates, incidentState, noticeState, statusPage, worst } from '../../../../src-server/status/status-view';
import { statusMail } from '../../../../src-server/status/status-mail';
import { unsubscribeToken } from '../../../../src-server/status/status-subscriptions';

const NOW = Date.UTC(2026, 10, 30, 12);
const DAY = 24 * 3600_000;

function incident(o: Partial<Incident>): Incident {
  return {
    id: crypto.randomUUID(),
    title: 'Trouble',
    category: 'streaming',
    eid: null,
    state: 'open',
    ticketIds: [7],
    noticeId: null,
    createdBy: 'spec-1',
    createdAt: NOW - 3600_000,
    resolvedAt: null,
    resolutionNote: null,
    ...o,
  };
}
const notice = (severity: SystemNotice['severity'], id = 'n1'): SystemNotice => ({ id, severity, text: 'Banner', postedAt: NOW });

describe('overall and component states', () => {
  it('the worst state wins, and nothing at all is operational', () => {
    expect(worst([])).toBe('operational');
    expect(worst(['degraded', 'operational'])).toBe('degraded');
    expect(worst(['degraded', 'outage', 'operational'])).toBe('outage');
  });

  it('a notice alone: outage is an outage, warning degraded, info nothing', () => {
    expect(noticeState(null)).toBe('operational');
    expect(noticeState(notice('info'))).toBe('operational');
    expect(noticeState(notice('warning'))).toBe('degraded');
    expect(noticeState(notice('outage'))).toBe('outage');
  });

  it('an open incident degrades; it is an outage when large-scale or when its own banner says outage', () => {
    expect(incidentState(incident({}), null)).toBe('degraded');
    expect(incidentState(incident({ noticeId: 'n1' }), notice('outage'))).toBe('outage');
    // Someone else's outage banner does not make this incident an outage.
    expect(incidentState(incident({ noticeId: 'old' }), notice('outage'))).toBe('degraded');
    expect(incidentState(incident({ category: 'large_scale' }), null)).toBe('outage');
  });

  it('each component takes the worst of its open incidents; a large-scale one counts against every component', () => {
    const states = (open: Incident[]) => Object.fromEntries(componentStates(open, notice('outage')).map((c) => [c.category, c.state]));
    expect(states([])).toEqual({ platform_access: 'operational', streaming: 'operational', other_technical: 'operational' });
    expect(states([incident({}), incident({ noticeId: 'n1' })])).toEqual({ platform_access: 'operational', streaming: 'outage', other_technical: 'operational' });
    expect(states([incident({ category: 'large_scale' })])).toEqual({ platform_access: 'outage', streaming: 'outage', other_technical: 'outage' });
    // A data request routed to the organisers is no component.
    expect(states([incident({ category: 'personal_information' })])).toEqual({ platform_access: 'operational', streaming: 'operational', other_technical: 'operational' });
  });
});

describe('the status page', () => {
  it('lists open incidents newest first with their own banner, and resolutions of the last 14 days, without internal ids', () => {
    const page = statusPage(
      [
        incident({ title: 'Old open', createdAt: NOW - 5 * DAY }),
        incident({ title: 'New open', createdAt: NOW - DAY, noticeId: 'n1', category: 'platform_access' }),
        incident({ title: 'Fixed', state: 'resolved', resolvedAt: NOW - 2 * DAY, resolutionNote: 'Patched' }),
        incident({ title: 'Long ago', state: 'resolved', resolvedAt: NOW - 15 * DAY }),
      ],
      notice('warning'),
      NOW,
    );
    expect(page.state).toBe('degraded');
    expect(page.openIncidents.map((i) => [i.title, i.notice, i.categoryLabel])).toEqual([
      ['New open', 'Banner', 'Platform access'],
      ['Old open', null, 'Streaming'],
    ]);
    expect(page.recentIncidents).toEqual([{ title: 'Fixed', startedAt: NOW - 3600_000, resolvedAt: NOW - 2 * DAY, resolutionNote: 'Patched' }]);
    expect(JSON.stringify(page)).not.toMatch(/spec-1|ticketIds|"id"|noticeId/);
  });
});

describe('status mail', () => {
  it('says what is affected, the resolution note when resolved, and links the page and the unsubscribe page', () => {
    const i = incident({ title: 'Streams buffering', state: 'resolved', resolutionNote: 'Cache replaced.', category: 'large_scale' });
    const mail = statusMail({ incident: i, change: 'resolved', notice: null, statusUrl: 'https://s.example/status', unsubscribePage: 'https://s.example/status/unsubscribe?token=t' });
    expect(mail.subject).toBe('Resolved: Streams buffering');
    expect(mail.text).toContain('Affected: Platform access, Streaming, Other features');
    expect(mail.text).toContain('Cache replaced.');
    expect(mail.text).toContain('https://s.example/status\n');
    expect(mail.text).toContain('https://s.example/status/unsubscribe?token=t');
    expect(affectedText('streaming')).toBe('Streaming');
  });

  it('the unsubscribe token depends on the secret and on the subscription, so a new subscription gets a new link', () => {
    const row = { email: 'a@example.com', createdAt: 1 };
    expect(unsubscribeToken('s1', row)).toBe(unsubscribeToken('s1', { ...row }));
    expect(unsubscribeToken('s1', row)).not.toBe(unsubscribeToken('s2', row));
    expect(unsubscribeToken('s1', row)).not.toBe(unsubscribeToken('s1', { ...row, createdAt: 2 }));
    expect(unsubscribeToken('s1', row)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
