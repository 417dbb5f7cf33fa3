// System notices posted by leads reach every support page; a burst of same-category reports alerts the leads once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { SystemNotice } from '../../../src-shared/notice';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { IncidentAlert } from '../../../src-shared/protocol/agent';
import type { EventsPage } from '../../../src-shared/events';
import type { AdminOverview } from '../../../src-shared/admin';
import { startServer, type TestServer } from '../../support/start-server';
import { call, callOk } from '../../support/socket-clients';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ env: { INCIDENT_THRESHOLD: '3', INCIDENT_WINDOW_MS: '600000' } });
});
afterEach(async () => {
  await server.stop();
});

describe('system notices', () => {
  it('a lead posts a notice that visitors get live, on connect and by events:since; agents may not post', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    const agent = await server.connectSpecialist();
    const early = await server.connectVisitor();
    expect(await early.inbox.next('notice')).toBeNull();
    expect(await call(agent.socket, 'notice:set', { clientId: randomUUID(), notice: { severity: 'info', text: 'x' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const posted = await callOk<SystemNotice>(lead.socket, 'notice:set', { clientId: randomUUID(), notice: { severity: 'outage', text: 'Streaming is down for event 7' } });
    expect(posted).toMatchObject({ severity: 'outage', text: 'Streaming is down for event 7' });
    expect(await early.inbox.next<SystemNotice | null>('notice', (n) => n !== null)).toEqual(posted);
    const late = await server.connectVisitor();
    expect(await late.inbox.next('notice')).toEqual(posted);
    const page = await callOk<EventsPage>(late.socket, 'events:since', { since: 0 });
    expect(page.events.filter((e) => e.type === 'notice.updated').map((e) => e.payload)).toEqual([{ notice: posted }]);

    await callOk(lead.socket, 'notice:set', { clientId: randomUUID(), notice: null });
    expect(await late.inbox.next('notice', (n) => n === null)).toBeNull();
  });

  it('every posted and cleared notice is in the admin audit with who, before and after; a refused one is not', async () => {
    const lead = await server.connectSpecialist({ role: 'lead', displayName: 'Lena' });
    const agent = await server.connectSpecialist();
    await call(agent.socket, 'notice:set', { clientId: randomUUID(), notice: { severity: 'info', text: 'nope' } });
    await callOk(lead.socket, 'notice:set', { clientId: randomUUID(), notice: { severity: 'warning', text: 'Slow uploads' } });
    await callOk(lead.socket, 'notice:set', { clientId: randomUUID(), notice: null });
    const audit = (await callOk<AdminOverview>(lead.socket, 'admin:get', {})).audit.filter((a) => a.action === 'notice.set');
    expect(audit.map((a) => ({ who: a.actorName, changes: a.changes }))).toEqual([
      { who: 'Lena', changes: [{ field: 'notice', before: { severity: 'warning', text: 'Slow uploads' }, after: null }] },
      { who: 'Lena', changes: [{ field: 'notice', before: null, after: { severity: 'warning', text: 'Slow uploads' } }] },
    ]);
  });
});

describe('incident detection', () => {
  it('alerts leads once when reports of one category and event cross the threshold', async () => {
    const lead = await server.connectSpecialist({ role: 'lead' });
    const dana = await server.connectSpecialist();
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: `u${i}@example.com`, departmentId: 'technical', question: 'Black screen', context: { eid: 'ev-7' } });
      if (!res.body.ok) throw new Error(res.body.error.message);
      ids.push(res.body.value.ticketId);
    }
    for (const id of ids) {
      await callOk(dana.socket, 'ticket:escalate', { clientId: randomUUID(), ticketId: id, category: 'streaming' });
      await server.clock.advance(1000);
    }
    const alert = await lead.inbox.next<IncidentAlert>('incident:alert');
    expect(alert).toMatchObject({ category: 'streaming', eid: 'ev-7', count: 3, ticketIds: ids.slice(0, 3) });
    expect(lead.inbox.received.filter((r) => r.name === 'incident:alert')).toHaveLength(1);
    expect(dana.inbox.received.some((r) => r.name === 'incident:alert')).toBe(false);
  });
});
