// E2E harness: the real support server (tests/support) and a real browser-mode console host (src-main/host)
// in its own process against it, plus a real socket.io visitor; everything on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { startServer, type TestServer } from '../../support/start-server';
import { consoleHostUrl } from '../../support/console-host-launch';
import { callOk, type Inbox, type VisitorSocket } from '../../support/socket-clients';
import { defaultDepartments } from '../../../src-server/seed';
import { upsertDepartment } from '../../../src-server/db/departments';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';

const repo = resolve(import.meta.dirname, '../../..');
export const DEMO_PASSWORD = 'demo-password-e2e-1234';
export const DANA = 'dana@switchboard.local';
export const ADMIN = 'admin@switchboard.local';

export interface ConsoleHost {
  url: string;
  stop(): Promise<void>;
}

/** Builds the renderer once if dist/renderer is missing (npm test builds before e2e anyway). */
async function ensureRenderer(): Promise<void> {
  if (existsSync(join(repo, 'dist/renderer/index.html'))) return;
  await run(process.execPath, ['scripts/build.mjs', 'renderer']);
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { cwd: repo, stdio: 'inherit' });
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** Starts src-main/host/main.ts (via tsx) with a temp cache folder; resolves with the launch URL it prints. */
export async function startConsoleHost(serverUrl: string): Promise<ConsoleHost> {
  await ensureRenderer();
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-console-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src-main/host/main.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      SWITCHBOARD_SERVER_URL: serverUrl,
      SWITCHBOARD_CONSOLE_PORT: '0',
      SWITCHBOARD_CONSOLE_DATA: dataDir,
      // E2E_RENDERER_DIR: a private build, for runs beside others who rebuild dist/ (vite empties it first).
      SWITCHBOARD_RENDERER_DIR: process.env.E2E_RENDERER_DIR ?? join(repo, 'dist/renderer'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await consoleHostUrl(child);
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The support server with demo accounts; `pickDepartments` switch to pick-from-queue routing so visitors wait. */
export async function startSupportServer(
  pickDepartments: string[] = [],
  options: { smtpUrl?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const server = await startServer({ demoPassword: DEMO_PASSWORD, ...options });
  for (const d of defaultDepartments.filter((x) => pickDepartments.includes(x.id))) {
    await upsertDepartment(server.app.ctx.db, { ...d, routing: 'pick' });
  }
  return server;
}

export interface Visitor {
  socket: VisitorSocket;
  inbox: Inbox;
  state: VisitorChatState & { token: string };
  say(body: string): Promise<void>;
  typing(on: boolean): void;
}

/** A real socket.io visitor requesting a chat in a department. */
export async function visitorRequestsChat(server: TestServer, opts: { email: string; departmentId: string; question: string; pid?: string; eid?: string }): Promise<Visitor> {
  const { socket, inbox } = await server.connectVisitor();
  const state = await callOk<VisitorChatState & { token: string }>(socket as never, 'chat:request', {
    clientId: randomUUID(),
    email: opts.email,
    departmentId: opts.departmentId,
    question: opts.question,
    context: { ...(opts.pid ? { pid: opts.pid } : {}), ...(opts.eid ? { eid: opts.eid } : {}) },
  });
  return {
    socket,
    inbox,
    state,
    async say(body) {
      await callOk(socket as never, 'message:send', { clientId: randomUUID(), body });
    },
    typing(on) {
      socket.emit('typing', { typing: on });
    },
  };
}

/** 1×1 PNG, valid magic bytes so the server's content sniffing accepts it. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The visitor's Browse in a drop box: a multipart upload with the visitor token. */
export async function visitorUploads(server: TestServer, visitor: Visitor, dropBoxId: string, fileName: string, bytes: Buffer): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), fileName);
  const res = await fetch(`${server.url}/api/uploads/dropbox/${dropBoxId}`, { method: 'POST', headers: { authorization: `Bearer ${visitor.state.token}` }, body: form });
  if (res.status !== 201) throw new Error(`drop box upload failed: ${res.status} ${await res.text()}`);
}

export const artifacts = join(repo, 'test-artifacts/console');

/** Opens the console at `hostUrl` and submits its sign-in form for `email` on `serverUrl` (demo password). */
export async function submitSignIn(page: Page, hostUrl: string, serverUrl: string, email: string): Promise<void> {
  await page.goto(hostUrl);
  await page.getByLabel('Server').fill(serverUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A new console host for `page`, signed in as `email` and showing the main screen; the host joins `hosts` so the spec's afterAll stops it. */
export async function signInToNewConsole(page: Page, serverUrl: string, email: string, hosts: ConsoleHost[]): Promise<void> {
  const host = await startConsoleHost(serverUrl);
  hosts.push(host);
  await submitSignIn(page, host.url, serverUrl, email);
  await expect(page.getByTestId('my-load')).toBeVisible();
}
