// Administration of accounts over /agent: creation and password resets answer a generated password once (never
// stored for retries); changes are audited and published; deactivation signs the account out everywhere, drops its
// sockets and requeues its chats; nobody locks themselves out and the last active admin stays one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { AdminOverview, PasswordReset, SpecialistCreated } from '../../../src-shared/admin';
import type { Specialist } from '../../../src-shared/specialist';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import { SEEDED_DEPARTMENTS, startServer, type TestServer } from '../../support/start-server';
import { call, callOk, connectAgent, type AgentSocket } from '../../support/socket-clients';
import { waitUntil } from '../../support/wait-until';
import { insertRefreshToken } from '../../../src-server/db/refresh-tokens';
import { renewLeases, setSpecialistStatus } from '../../../src-server/db/specialists';
import { sha256 } from '../../../src-server/auth/tokens';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

const audit = async (admin: AgentSocket) => (await callOk<AdminOverview>(admin, 'admin:get', {})).audit;
const dropped = (socket: AgentSocket, what: string) => waitUntil(() => !socket.connected, what);
const storedResults = async () => (await server.app.ctx.db.selectFrom('command_results').select('result_json').execute()).map((r) => r.result_json).join('\n');
const update = (admin: AgentSocket, specialistId: string, patch: unknown) => call<Specialist>(admin, 'specialist:update', { clientId: randomUUID(), specialistId, patch });

describe('specialist:create and specialist:reset-password', () => {
  it('answer the generated password once: it works, a retry answers null, and no stored result or audit holds it', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const agent = await server.connectSpecialist();
    const input = { clientId: randomUUID(), specialist: { email: 'Kim@Example.com', displayName: 'Kim', role: 'lead', departmentIds: ['finance'] } };
    const created = await callOk<SpecialistCreated>(admin.socket, 'specialist:create', input);
    expect(created.specialist).toMatchObject({ email: 'kim@example.com', displayName: 'Kim', role: 'lead', departmentIds: ['finance'], maxConcurrentChats: 4, active: true, status: 'offline' });
    expect(created.password).toMatch(/^\S{12,}$/);
    await agent.inbox.nextEvent('specialist.updated', (e) => e.payload.id === created.specialist.id);
    const kim = await server.login('kim@example.com', created.password ?? '');
    expect(kim.specialist.id).toBe(created.specialist.id);

    expect(await callOk(admin.socket, 'specialist:create', input)).toEqual({ specialist: created.specialist, password: null });
    expect(await call(admin.socket, 'specialist:create', { ...input, clientId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(admin.socket, 'specialist:create', { clientId: randomUUID(), specialist: { ...input.specialist, email: 'lee@example.com', departmentIds: ['nope'] } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('nope') },
    });

    const resetInput = { clientId: randomUUID(), specialistId: created.specialist.id };
    const reset = await callOk<PasswordReset>(admin.socket, 'specialist:reset-password', resetInput);
    expect(reset.password).toMatch(/^\S{12,}$/);
    expect(reset.password).not.toBe(created.password);
    expect(await callOk(admin.socket, 'specialist:reset-password', resetInput)).toEqual({ specialist: reset.specialist, password: null });

    const stored = await storedResults();
    expect(stored).toContain(created.specialist.id);
    expect(stored).not.toContain(created.password);
    expect(stored).not.toContain(reset.password);
    const entries = await audit(admin.socket);
    expect(entries.map((e) => e.action)).toEqual(['specialist.reset-password', 'specialist.create']);
    expect(JSON.stringify(entries)).not.toContain(created.password);
    expect(JSON.stringify(entries)).not.toContain('scrypt');
    expect(entries[1]?.changes).toEqual(expect.arrayContaining([{ field: 'email', before: null, after: 'kim@example.com' }, { field: 'role', before: null, after: 'lead' }]));
  });

  it('a reset ends every session of the account: old password, refresh token and sockets stop working', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const dana = await server.connectSpecialist();
    const reset = await callOk<PasswordReset>(admin.socket, 'specialist:reset-password', { clientId: randomUUID(), specialistId: dana.specialist.id });
    await dropped(dana.socket, 'Dana’s socket dropped');
    expect((await server.http('POST', '/api/auth/login', { email: dana.email, password: dana.password })).status).toBe(401);
    expect((await server.http('POST', '/api/auth/refresh', { refreshToken: dana.tokens.refreshToken })).status).toBe(401);
    await server.login(dana.email, reset.password ?? '');
    expect(admin.socket.connected).toBe(true);
  });
});

describe('specialist:update', () => {
  it('changes only the fields given, audits and publishes it, and reconnects the console of a changed scope', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const dana = await server.connectSpecialist({ displayName: 'Dana' });
    const saved = await update(admin.socket, dana.specialist.id, { role: 'lead', departmentIds: ['finance', 'technical'] });
    expect(saved).toMatchObject({ ok: true, value: { ...dana.specialist, role: 'lead', departmentIds: ['finance', 'technical'], status: 'online' } });
    await admin.inbox.nextEvent('specialist.updated', (e) => e.payload.id === dana.specialist.id && e.payload.role === 'lead');
    expect((await audit(admin.socket))[0]).toMatchObject({
      action: 'specialist.update',
      target: dana.email,
      changes: [
        { field: 'role', before: 'agent', after: 'lead' },
        { field: 'departmentIds', before: [...SEEDED_DEPARTMENTS].sort(), after: ['finance', 'technical'] },
      ],
    });
    // Her console is dropped and comes back with the new scope (the token is the same, the account is re-read).
    await dropped(dana.socket, 'Dana’s socket dropped');
    const again = await connectAgent(server.url, dana.tokens.accessToken);
    const snap = await callOk<{ me: Specialist; departments: { id: string }[] }>(again.socket, 'snapshot:get', {});
    expect(snap.me.role).toBe('lead');
    again.socket.disconnect();

    // Capacity alone does not drop anyone.
    const lee = await server.connectSpecialist({ displayName: 'Lee' });
    expect(await update(admin.socket, lee.specialist.id, { maxConcurrentChats: 9 })).toMatchObject({ ok: true, value: { maxConcurrentChats: 9 } });
    await new Promise((r) => setTimeout(r, 50));
    expect(lee.socket.connected).toBe(true);
  });

  it('deactivating signs the account out everywhere, drops its socket, requeues its live chat and routes no more to it', async () => {
    const admin = await server.connectSpecialist({ role: 'admin', departmentIds: [] });
    const dana = await server.connectSpecialist({ displayName: 'Dana', departmentIds: ['technical'] });
    const v = await server.connectVisitor();
    const chat = await callOk<VisitorChatState>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'ana@example.com', departmentId: 'technical', question: 'Black screen' });
    expect(chat.conversation.specialist?.id).toBe(dana.specialist.id);

    const res = await update(admin.socket, dana.specialist.id, { active: false });
    expect(res).toMatchObject({ ok: true, value: { active: false, status: 'offline', activeChats: 0 } });
    await dropped(dana.socket, 'Dana’s socket dropped');
    await v.inbox.nextEvent('conversation.updated', (e) => e.payload.id === chat.conversation.id && e.payload.state === 'queued');
    await v.inbox.nextEvent('message.created', (e) => e.payload.body.startsWith('Your specialist is no longer available'));
    const deactivated = await server.http('POST', '/api/auth/login', { email: dana.email, password: dana.password });
    expect(deactivated).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorized', message: 'This account is deactivated.' } } });
    expect((await server.http('POST', '/api/auth/refresh', { refreshToken: dana.tokens.refreshToken })).status).toBe(401);
    await expect(connectAgent(server.url, dana.tokens.accessToken)).rejects.toMatchObject({ message: 'unauthorized', data: { message: 'This account is deactivated.' } });
    expect((await audit(admin.socket))[0]).toMatchObject({ action: 'specialist.deactivate', changes: [{ field: 'active', before: true, after: false }] });

    // A refresh token that escaped the revocation (issued in the same moment) is refused all the same.
    await insertRefreshToken(server.app.ctx.db, { tokenHash: sha256('stray-refresh-token-0123456789abcdef'), specialistId: dana.specialist.id, now: server.clock.now(), expiresAt: server.clock.now() + 60_000 });
    expect(await server.http('POST', '/api/auth/refresh', { refreshToken: 'stray-refresh-token-0123456789abcdef' })).toMatchObject({ status: 401, body: { error: { message: 'This account is deactivated.' } } });

    // Nobody else of Technical is online: the requeued chat waits, and new ones are refused — even if the account
    // still looked online and connected somewhere (a socket of it not closed yet).
    await setSpecialistStatus(server.app.ctx.db, dana.specialist.id, 'online');
    await renewLeases(server.app.ctx.db, [dana.specialist.id], server.clock.now() + 60_000);
    const other = await server.connectVisitor();
    expect(await call(other.socket, 'chat:request', { clientId: randomUUID(), email: 'bo@example.com', departmentId: 'technical', question: 'Hi' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // Whoever comes online next gets it.
    const lee = await server.connectSpecialist({ displayName: 'Lee', departmentIds: ['technical'] });
    await v.inbox.nextEvent('conversation.updated', (e) => e.payload.id === chat.conversation.id && e.payload.specialist?.id === lee.specialist.id);

    // Reactivated, the account signs in again.
    expect(await update(admin.socket, dana.specialist.id, { active: true })).toMatchObject({ ok: true, value: { active: true } });
    expect((await audit(admin.socket))[0]?.action).toBe('specialist.reactivate');
    await server.login(dana.email, dana.password);
  });

  it('an admin cannot demote or deactivate themselves; another admin can (the last active admin rule: admin-cli.test.ts)', async () => {
    const ada = await server.connectSpecialist({ role: 'admin', displayName: 'Ada' });
    for (const patch of [{ role: 'lead' }, { active: false }, { role: 'agent', active: false }]) {
      expect(await update(ada.socket, ada.specialist.id, patch)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/yourself/) } });
    }
    // Renaming oneself is fine (the console reconnects, so new messages carry the new name).
    expect(await update(ada.socket, ada.specialist.id, { displayName: 'Ada L.' })).toMatchObject({ ok: true, value: { displayName: 'Ada L.' } });
    await dropped(ada.socket, 'Ada’s socket dropped (her name changed)');

    const bea = await server.connectSpecialist({ role: 'admin', displayName: 'Bea' });
    expect(await update(bea.socket, ada.specialist.id, { role: 'lead' })).toMatchObject({ ok: true, value: { role: 'lead' } });
    expect(await update(bea.socket, bea.specialist.id, { active: false })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const overview = await callOk<AdminOverview>(bea.socket, 'admin:get', {});
    expect(overview.specialists.filter((s) => s.role === 'admin' && s.active).map((s) => s.displayName)).toEqual(['Bea']);
  });

  it('agents and leads may not change accounts; bad input and unknown ids change nothing', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const lead = await server.connectSpecialist({ role: 'lead' });
    const agent = await server.connectSpecialist();
    for (const who of [lead, agent]) {
      expect(await update(who.socket, agent.specialist.id, { maxConcurrentChats: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call(who.socket, 'specialist:reset-password', { clientId: randomUUID(), specialistId: agent.specialist.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call(who.socket, 'specialist:create', { clientId: randomUUID(), specialist: { email: 'x@example.com', displayName: 'X', role: 'agent', departmentIds: [] } })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await call(agent.socket, 'admin:get', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(lead.socket, 'admin:get', {})).toMatchObject({ ok: true });
    const before = (await callOk<AdminOverview>(admin.socket, 'admin:get', {})).specialists;
    for (const patch of [{}, { maxConcurrentChats: 0 }, { role: 'boss' }, { departmentIds: ['nope'] }, { email: 'new@example.com' }]) {
      expect(await update(admin.socket, agent.specialist.id, patch)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await update(admin.socket, randomUUID(), { maxConcurrentChats: 5 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const after = await callOk<AdminOverview>(admin.socket, 'admin:get', {});
    expect(after.specialists).toEqual(before);
    expect(after.audit).toEqual([]);
  });

  it('a retried update answers the first result and changes nothing more', async () => {
    const admin = await server.connectSpecialist({ role: 'admin' });
    const dana = await server.connectSpecialist();
    const input = { clientId: randomUUID(), specialistId: dana.specialist.id, patch: { maxConcurrentChats: 7 } };
    const first = await callOk<Specialist>(admin.socket, 'specialist:update', input);
    await callOk(admin.socket, 'specialist:update', { clientId: randomUUID(), specialistId: dana.specialist.id, patch: { maxConcurrentChats: 2 } });
    expect(await callOk<Specialist>(admin.socket, 'specialist:update', input)).toEqual(first);
    const overview = await callOk<AdminOverview>(admin.socket, 'admin:get', {});
    expect(overview.specialists.find((s) => s.id === dana.specialist.id)?.maxConcurrentChats).toBe(2);
    expect(overview.audit).toHaveLength(2);
  });
});
