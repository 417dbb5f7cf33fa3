// startServer(): the real support server on 127.0.0.1:0 with a temp DATA_DIR, a fake clock and a real mailer; plus account helpers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadConfig, type Config } from '../../src-server/config';
import { openSqlite, openPostgres, type DbHandle } from '../../src-server/db/connection';
import { createMailer } from '../../src-server/email/mailer';
import { createApp, type App } from '../../src-server/app';
import { createSpecialist as createSpecialistAccount } from '../../src-server/auth/account-service';
import type { Specialist, Role } from '../../src-shared/specialist';
import type { AuthTokens } from '../../src-shared/protocol/http';
import type { Result } from '../../src-shared/result';
import { fakeClock, type FakeClock } from './fake-clock';
import { connectAgent, connectVisitor, type AgentSocket, type Inbox, type VisitorSocket } from './socket-clients';

export interface StartServerOptions {
  /** Initial fake-clock time (default: a Wednesday 10:00 in New York, inside all seeded hours). */
  now?: number;
  /** Extra environment, as the server would read it (e.g. { SPECIALIST_GRACE_MS: '5000' }). */
  env?: Record<string, string>;
  /** SMTP listener URL (tests/support/smtp-sink.ts); without it mail goes to DATA_DIR/outbox. */
  smtpUrl?: string;
  /** Use an existing folder instead of a fresh temp one (restart tests); it is not deleted on stop. */
  dataDir?: string;
  /** postgres:// URL instead of SQLite. */
  databaseUrl?: string;
  /** Also seed the demo accounts (admin@switchboard.local, dana@switchboard.local) with this password. */
  demoPassword?: string;
}

export interface TestSpecialist {
  specialist: Specialist;
  email: string;
  password: string;
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  config: Config;
  clock: FakeClock;
  app: App;
  /** Creates a specialist (default: agent of every seeded department, 4 chats) with a known password. */
  createSpecialist(opts?: { email?: string; displayName?: string; role?: Role; departmentIds?: string[]; maxConcurrentChats?: number; password?: string }): Promise<TestSpecialist>;
  login(email: string, password: string): Promise<AuthTokens>;
  /** Creates a specialist, logs in and connects a /agent socket (they come online on connect). */
  connectSpecialist(opts?: Parameters<TestServer['createSpecialist']>[0]): Promise<TestSpecialist & { tokens: AuthTokens; socket: AgentSocket; inbox: Inbox }>;
  connectVisitor(opts?: Parameters<typeof connectVisitor>[1]): Promise<{ socket: VisitorSocket; inbox: Inbox }>;
  /** POST/GET JSON helper against the server. */
  http<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Result<T> }>;
  /** Disconnects every client socket created through this helper, stops the server and removes the temp folder. */
  stop(): Promise<void>;
}

export const SEEDED_DEPARTMENTS = ['av-media', 'production', 'finance', 'technical', 'canadian-spot'] as const;

export async function startServer(opts: StartServerOptions = {}): Promise<TestServer> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'switchboard-test-')));
  const loaded = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WIDGET_DIR: join(dataDir, 'no-widget'),
    // Hourly automation passes keep long fake-clock jumps (weeks) cheap; tests may override.
    AUTOMATION_INTERVAL_MS: '3600000',
    // Mail goes out when a commit wakes the outbox and when a retry is due; the safety poll (rows of other nodes,
    // dead claims) is daily here, so month-long fake-clock jumps stay cheap.
    MAIL_POLL_INTERVAL_MS: String(24 * 3_600_000),
    // Likewise the chat-deadline safety sweep (deadlines themselves are swept exactly when due).
    CHAT_SWEEP_INTERVAL_MS: '3600000',
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    ...(opts.demoPassword ? { DEMO_PASSWORD: opts.demoPassword } : {}),
    ...opts.env,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const clock = fakeClock(opts.now);
  const log = pino({ level: loaded.config.logLevel });
  const db: DbHandle = opts.databaseUrl ? openPostgres(opts.databaseUrl) : openSqlite(join(dataDir, 'switchboard.db'));
  const mailer = createMailer({ smtpUrl: loaded.config.smtpUrl, from: loaded.config.mailFrom, dataDir });
  const app = await createApp({ config: loaded.config, db, clock, mailer, log, seedAccounts: Boolean(opts.demoPassword) });
  const { port } = await app.start();
  const url = `http://127.0.0.1:${port}`;
  // publicUrl defaults to the configured port (0); links in mails must point at the real one.
  const config = { ...loaded.config, port, publicUrl: opts.env?.PUBLIC_URL ?? url };
  app.ctx.config = config;
  const sockets: { disconnect(): unknown }[] = [];

  const server: TestServer = {
    url,
    port,
    dataDir,
    config,
    clock,
    app,
    async createSpecialist(o = {}) {
      const password = o.password ?? `pw-${randomUUID()}`;
      const email = o.email ?? `agent-${randomUUID().slice(0, 8)}@example.com`;
      const res = await createSpecialistAccount(app.ctx, {
        email,
        displayName: o.displayName ?? 'Dana',
        role: o.role ?? 'agent',
        departmentIds: o.departmentIds ?? [...SEEDED_DEPARTMENTS],
        maxConcurrentChats: o.maxConcurrentChats ?? 4,
        password,
      });
      if (!res.ok) throw new Error(res.error.message);
      return { specialist: res.value, email, password };
    },
    async login(email, password) {
      const res = await server.http<AuthTokens>('POST', '/api/auth/login', { email, password });
      if (!res.body.ok) throw new Error(`login failed: ${res.body.error.message}`);
      return res.body.value;
    },
    async connectSpecialist(o = {}) {
      const s = await server.createSpecialist(o);
      const tokens = await server.login(s.email, s.password);
      const c = await connectAgent(url, tokens.accessToken);
      sockets.push(c.socket);
      // Coming online is async on the server (status event); wait for it so routing sees them.
      await c.inbox.nextEvent('specialist.updated', (e) => e.payload.id === s.specialist.id && e.payload.status === 'online');
      return { ...s, tokens, ...c };
    },
    async connectVisitor(o = {}) {
      const c = await connectVisitor(url, o);
      sockets.push(c.socket);
      return c;
    },
    async http<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Result<T> };
    },
    async stop() {
      for (const s of sockets) s.disconnect();
      await app.stop();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
