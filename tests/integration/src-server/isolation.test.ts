// A visitor holds the key to one conversation only: no reading or writing another, by socket or HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { EventsPage } from '../../../src-shared/events';
import type { DropBox } from '../../../src-shared/drop-box';
import { startServer, type TestServer } from '../../support/start-server';
import { call, callOk } from '../../support/socket-clients';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

const ask = (email: string) => ({ clientId: randomUUID(), email, departmentId: 'production', question: `PRIVATE question of ${email}` });

describe('visitor isolation', () => {
  it('a visitor cannot read or write another conversation', async () => {
    const dana = await server.connectSpecialist();
    const alice = await server.connectVisitor();
    const bob = await server.connectVisitor();
    const a = await callOk<VisitorChatState & { token: string }>(alice.socket, 'chat:request', ask('alice@example.com'));
    const b = await callOk<VisitorChatState & { token: string }>(bob.socket, 'chat:request', ask('bob@example.com'));
    await callOk(alice.socket, 'message:send', { clientId: randomUUID(), body: 'ALICE-SECRET' });

    // Bob's events never include Alice's conversation, from any cursor.
    const page = await callOk<EventsPage>(bob.socket, 'events:since', { since: 0 });
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.every((e) => !('conversationId' in e.payload) || e.payload.conversationId === b.conversation.id)).toBe(true);
    expect(JSON.stringify(page)).not.toContain('ALICE');
    expect(JSON.stringify(bob.inbox.received)).not.toContain('ALICE');

    // Bob's sends land in his own chat; a guessed token is refused.
    await callOk(bob.socket, 'message:send', { clientId: randomUUID(), body: 'from bob' });
    const aliceState = await callOk<VisitorChatState>(alice.socket, 'chat:resume', { token: a.token });
    expect(aliceState.messages.some((m) => m.body === 'from bob')).toBe(false);
    expect(await call(bob.socket, 'chat:resume', { token: 'x'.repeat(43) })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    // Bob cannot upload into Alice's drop box with his token.
    const box = await callOk<DropBox>(dana.socket, 'dropbox:insert', { clientId: randomUUID(), conversationId: a.conversation.id });
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('hello')]), 'note.txt');
    const res = await fetch(`${server.url}/api/uploads/dropbox/${box.id}`, { method: 'POST', headers: { authorization: `Bearer ${b.token}` }, body: form });
    expect(res.status).toBe(404);
  });

  it('an agent only receives events of their departments', async () => {
    await server.connectSpecialist({ departmentIds: ['production'] });
    const fin = await server.connectSpecialist({ departmentIds: ['finance'] });
    const v = await server.connectVisitor();
    await callOk(v.socket, 'chat:request', ask('carol@example.com'));
    const res = await call(fin.socket, 'tickets:list', {});
    expect(res.ok && res.value).toEqual([]);
    expect(JSON.stringify(fin.inbox.received)).not.toContain('PRIVATE question');
  });
});
