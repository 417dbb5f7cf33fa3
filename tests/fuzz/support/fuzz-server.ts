// The server under fuzz: the real app in-process (startServer, SQLite in a temp folder) with a little of everything
// in it — chats queued and assigned, tickets with signed comment links, drop boxes, an incident, attachments — so
// valid-shaped cases can name things that exist. Also the after-run checks: alive, healthy, still serving a chat.
import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Conversation } from '../../../src-shared/conversation';
import type { DropBox } from '../../../src-shared/drop-box';
import type { Incident } from '../../../src-shared/incident';
import type { Attachment } from '../../../src-shared/attachment';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { Message } from '../../../src-shared/message';
import { signCommentLink } from '../../../src-server/auth/tokens';
import { SEEDED_DEPARTMENTS, startServer, type TestServer } from '../../support/start-server';
import { call, callOk, Inbox } from '../../support/socket-clients';
import { io, type Socket } from 'socket.io-client';
import { request } from 'node:http';
import { AGENT_NAMESPACE } from '../../../src-shared/protocol/agent';
import { VISITOR_NAMESPACE } from '../../../src-shared/protocol/visitor';
import type { AuthTokens } from '../../../src-shared/protocol/http';
import type { Result } from '../../../src-shared/result';

/** Kept out of the fuzzing specialists' departments, so the after-run chat has a queue and a specialist of its own. */
export const CHECK_DEPARTMENT = 'canadian-spot';
/** Where the fuzzers work, administration included: never the checker's department. */
export const FUZZ_DEPARTMENTS = SEEDED_DEPARTMENTS.filter((d) => d !== CHECK_DEPARTMENT);

export const METRICS_TOKEN = 'fuzz-metrics-token-0123456789abcdef';
/** Small, so `too_large` uploads are cheap to send. */
export const MAX_UPLOAD_BYTES = 16 * 1024;

export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

export type Role = 'agent' | 'lead' | 'admin';

/** What exists on the server after setup: the pools valid-shaped cases draw from. */
export interface Known {
  conversationIds: string[];
  ticketIds: number[];
  specialistIds: string[];
  /**
   * Accounts the admin commands (specialist:update, specialist:reset-password) act on: never the fuzzing specialists,
   * whose sockets a role change, deactivation or reset would rightly close (and whose tokens it would end).
   */
  adminTargetIds: string[];
  incidentIds: string[];
  attachmentIds: string[];
  dropBoxIds: string[];
  visitorTokens: string[];
  /** Access tokens of the fuzzing specialists, by role. */
  accessTokens: Record<Role, string>;
  refreshTokens: string[];
  /** A valid signature per ticket id (comment links). */
  sigs: Map<number, string>;
  /** The portal session cookie (`sb_portal=…`) of customer@example.com, who asked the EMAIL US tickets. */
  portalCookie: string;
  emails: string[];
}

export interface FuzzServer {
  server: TestServer;
  known: Known;
  stop(): Promise<void>;
}

export async function startFuzzServer(): Promise<FuzzServer> {
  // A stand-in widget build, so /support and /widget.js answer 200 instead of the deliberate 503 "not built".
  const widgetDir = await mkdtemp(join(tmpdir(), 'switchboard-fuzz-widget-'));
  await mkdir(join(widgetDir, 'assets'));
  await writeFile(join(widgetDir, 'index.html'), '<!doctype html><title>support</title>');
  await writeFile(join(widgetDir, 'embed.js'), '/* embed */');
  await writeFile(join(widgetDir, 'assets', 'app.js'), '/* app */');

  const server = await startServer({ env: { WIDGET_DIR: widgetDir, METRICS: 'on', METRICS_TOKEN, MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) } });
  const known = await populate(server);
  return {
    server,
    known,
    async stop() {
      await server.stop();
      await rm(widgetDir, { recursive: true, force: true });
    },
  };
}

async function populate(server: TestServer): Promise<Known> {
  const roles: Role[] = ['agent', 'lead', 'admin'];
  const staff = await Promise.all(roles.map((role) => server.connectSpecialist({ role, departmentIds: [...FUZZ_DEPARTMENTS], maxConcurrentChats: 20, displayName: `Fuzz ${role}` })));
  const [agent, , admin] = staff as [(typeof staff)[0], (typeof staff)[0], (typeof staff)[0]];
  const refresh = await server.login(agent.email, agent.password);

  const conversationIds: string[] = [];
  const visitorTokens: string[] = [];
  const dropBoxIds: string[] = [];
  const attachmentIds: string[] = [];
  const emails: string[] = [];
  for (const [i, departmentId] of FUZZ_DEPARTMENTS.entries()) {
    const v = await server.connectVisitor();
    const email = `visitor${i}@example.com`;
    emails.push(email);
    const state = await callOk<VisitorChatState & { token: string }>(v.socket, 'chat:request', { clientId: randomUUID(), email, departmentId, question: `Question ${i}` });
    conversationIds.push(state.conversation.id);
    visitorTokens.push(state.token);
    await callOk<Message>(v.socket, 'message:send', { clientId: randomUUID(), body: 'hello' });
    const conv = await assignedTo(agent.socket, state.conversation.id, agent.specialist.id);
    if (conv) {
      const box = await callOk<DropBox>(agent.socket, 'dropbox:insert', { clientId: randomUUID(), conversationId: conv.id, label: 'A file please' });
      dropBoxIds.push(box.id);
      const up = await uploadFile(server, `/api/uploads/conversation/${conv.id}`, agent.tokens.accessToken);
      if (up) attachmentIds.push(up.id);
    }
    v.socket.disconnect();
  }

  const ticketIds: number[] = [];
  for (const departmentId of FUZZ_DEPARTMENTS) {
    const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'customer@example.com', departmentId, question: 'By email' });
    if (res.body.ok) ticketIds.push(res.body.value.ticketId);
  }
  // Chat tickets too (ids are small and sequential): every id up to the highest one seen.
  const maxId = Math.max(...ticketIds);
  for (let id = 1; id <= maxId; id++) if (!ticketIds.includes(id)) ticketIds.push(id);

  const sigs = new Map<number, string>();
  for (const id of ticketIds) sigs.set(id, signCommentLink(server.app.ctx.secret, id, server.clock.now() + 30 * 86_400_000));
  const firstTicket = ticketIds[0];
  if (firstTicket !== undefined) {
    const up = await uploadFile(server, `/api/comment/${firstTicket}/attachments?sig=${encodeURIComponent(sigs.get(firstTicket) ?? '')}`, null);
    if (up) attachmentIds.push(up.id);
  }

  const portalCookie = await portalSignIn(server, 'customer@example.com');
  const incident = await callOk<Incident>(admin.socket, 'incident:create', { clientId: randomUUID(), title: 'Streams down', category: 'streaming', ticketIds: ticketIds.slice(0, 2) });
  const targets = await Promise.all((['agent', 'lead'] as const).map((role) => server.createSpecialist({ role, departmentIds: [...FUZZ_DEPARTMENTS], displayName: `Target ${role}` })));

  return {
    conversationIds,
    ticketIds,
    specialistIds: staff.map((s) => s.specialist.id),
    adminTargetIds: targets.map((t) => t.specialist.id),
    incidentIds: [incident.id],
    attachmentIds,
    dropBoxIds,
    visitorTokens,
    accessTokens: { agent: agent.tokens.accessToken, lead: staff[1]?.tokens.accessToken ?? '', admin: admin.tokens.accessToken },
    refreshTokens: [refresh.refreshToken],
    sigs,
    portalCookie,
    emails: [...emails, ...staff.map((s) => s.email)],
  };
}

/** The conversation once it is the specialist's: routed to them already, or accepted now. */
async function assignedTo(socket: Parameters<typeof callOk>[0], conversationId: string, specialistId: string): Promise<Conversation | null> {
  const snap = await callOk<{ conversations: Conversation[] }>(socket, 'snapshot:get', {});
  const c = snap.conversations.find((x) => x.id === conversationId);
  if (c?.specialist?.id === specialistId) return c;
  const accepted = await callOk<Conversation>(socket, 'chat:accept', { clientId: randomUUID(), conversationId }).catch(() => null);
  return accepted;
}

async function uploadFile(server: TestServer, path: string, token: string | null): Promise<Attachment | null> {
  const form = new FormData();
  form.append('file', new Blob([PNG]), 'screen.png');
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  const body = (await res.json()) as { ok: boolean; value?: Attachment };
  return body.ok && body.value ? body.value : null;
}

/** Signs `email` in to the portal through a link read from the mail outbox; returns the Cookie header value. */
async function portalSignIn(server: TestServer, email: string): Promise<string> {
  await server.http('POST', '/api/portal/sign-in', { email });
  const mail = await server.app.ctx.db.selectFrom('mail_outbox').select('body').where('kind', '=', 'portal_sign_in').where('to_address', '=', email).executeTakeFirst();
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')?.[1] ?? '';
  const res = await fetch(`${server.url}/api/portal/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The after-run chat comes from another loopback address: the fuzzers' one has rightly spent its budgets. */
const CHECK_ADDRESS = '127.0.0.2';

/**
 * After a run: /health and /ready answer 200, and a new specialist and a new visitor hold a normal chat — request,
 * a message each way, end — in the department the fuzzers never worked in, from an address they never used.
 * Throws with what failed.
 */
export async function assertStillServing(server: TestServer): Promise<void> {
  // Per-address budgets are keyed on the client's address; per-socket buckets and login throttles run on the fake
  // clock, whose windows never end by themselves: let a quarter of an hour pass, as it would for a real server.
  await server.clock.advance(16 * 60_000);
  const health = await fetch(`${server.url}/health`);
  if (health.status !== 200) throw new Error(`/health answered ${health.status}`);
  const ready = await fetch(`${server.url}/ready`);
  if (ready.status !== 200) throw new Error(`/ready answered ${ready.status}: ${await ready.text()}`);

  const checker = await server.createSpecialist({ departmentIds: [CHECK_DEPARTMENT], maxConcurrentChats: 20, displayName: 'Checker' });
  const login = await postFrom(CHECK_ADDRESS, `${server.url}/api/auth/login`, { email: checker.email, password: checker.password });
  if (!login.ok) throw new Error(`checker login failed: ${JSON.stringify(login)}`);
  const dana = await connectFrom(CHECK_ADDRESS, `${server.url}${AGENT_NAMESPACE}`, { token: login.value.accessToken });
  const v = await connectFrom(CHECK_ADDRESS, `${server.url}${VISITOR_NAMESPACE}`, {});
  try {
    await dana.inbox.nextEvent('specialist.updated', (e) => e.payload.id === checker.specialist.id && e.payload.status === 'online');
    const request = { clientId: randomUUID(), email: 'after@example.com', departmentId: CHECK_DEPARTMENT, question: 'Still there?' };
    let asked = await call<VisitorChatState & { token: string }>(v.socket, 'chat:request', request);
    // A global budget the fuzzers spent may still refuse for up to its window (a minute): wait it out once.
    const retryAfterMs = !asked.ok && asked.error.code === 'rate_limited' ? Number((asked.error as { retryAfterMs?: unknown }).retryAfterMs ?? 60_000) : 0;
    if (retryAfterMs > 0 && retryAfterMs <= 65_000) {
      await new Promise((r) => setTimeout(r, retryAfterMs + 100));
      asked = await call<VisitorChatState & { token: string }>(v.socket, 'chat:request', request);
    }
    if (!asked.ok) throw new Error(`chat:request failed: ${asked.error.code}: ${asked.error.message}`);
    const state = asked.value;
    const id = state.conversation.id;
    if (state.conversation.specialist?.id !== checker.specialist.id) await callOk(dana.socket, 'chat:accept', { clientId: randomUUID(), conversationId: id });
    const fromVisitor = await callOk<Message>(v.socket, 'message:send', { clientId: randomUUID(), body: 'My stream is black' });
    await dana.inbox.nextEvent('message.created', (e) => e.payload.id === fromVisitor.id);
    const reply = await callOk<Message>(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: id, body: 'Reload, please' });
    await v.inbox.nextEvent('message.created', (e) => e.payload.id === reply.id);
    const ended = await callOk<Conversation>(dana.socket, 'chat:end', { clientId: randomUUID(), conversationId: id });
    if (ended.state !== 'ended') throw new Error(`chat:end left the chat ${ended.state}`);
  } finally {
    v.socket.disconnect();
    dana.socket.disconnect();
  }
}

async function connectFrom(localAddress: string, url: string, auth: Record<string, string>): Promise<{ socket: Socket; inbox: Inbox }> {
  // engine.io-client hands `localAddress` to its Node WebSocket; socket.io-client's option type does not list it.
  const opts = { transports: ['websocket'], forceNew: true, reconnection: false, auth, localAddress };
  const socket = io(url, opts);
  const inbox = new Inbox(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
  return { socket, inbox };
}

function postFrom(localAddress: string, url: string, body: unknown): Promise<Result<AuthTokens>> {
  const u = new URL(url);
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': String(data.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<AuthTokens>));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
