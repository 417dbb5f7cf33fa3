// Live availability: chat only in hours with a free specialist, pushed when a specialist comes or goes and at hours boundaries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Availability } from '../../../src-shared/department';
import type { DepartmentsResponse } from '../../../src-shared/protocol/http';
import { startServer, type TestServer } from '../../support/start-server';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

const modeOf = (list: Availability[], id: string) => list.find((a) => a.departmentId === id)?.mode;

describe('availability', () => {
  it('switches to chat when a specialist comes online and back to email when they leave', async () => {
    const v = await server.connectVisitor();
    expect(modeOf(await v.inbox.next<Availability[]>('availability'), 'finance')).toBe('email');
    const fin = await server.connectSpecialist({ departmentIds: ['finance'] });
    await v.inbox.next<Availability[]>('availability', (l) => modeOf(l, 'finance') === 'chat');
    const http = await server.http<DepartmentsResponse>('GET', '/api/departments');
    expect(http.body.ok && modeOf(http.body.value.availability, 'finance')).toBe('chat');
    expect(http.body.ok && http.body.value.departments.map((d) => d.id)).toEqual(['av-media', 'production', 'finance', 'technical', 'canadian-spot']);
    v.inbox.clear();
    fin.socket.disconnect();
    await v.inbox.next<Availability[]>('availability', (l) => modeOf(l, 'finance') === 'email');
  });

  it('pushes the change at the end of chat hours, and names the next opening', async () => {
    await server.connectSpecialist({ departmentIds: ['finance', 'technical'] });
    const v = await server.connectVisitor();
    const open = await v.inbox.next<Availability[]>('availability', (l) => modeOf(l, 'finance') === 'chat');
    const closesAt = open.find((a) => a.departmentId === 'finance')?.nextChangeAt ?? 0;
    expect(closesAt).toBe(Date.UTC(2026, 10, 18, 22, 0)); // 17:00 New York
    v.inbox.clear();
    await server.clock.advance(closesAt - server.clock.now());
    const closed = await v.inbox.next<Availability[]>('availability', (l) => modeOf(l, 'finance') === 'email');
    const finance = closed.find((a) => a.departmentId === 'finance');
    expect(finance).toMatchObject({ inHours: false, nextChangeAt: Date.UTC(2026, 10, 19, 14, 0) });
    expect(modeOf(closed, 'technical')).toBe('chat'); // open until 19:00
  });
});
