// Shared by the console-core integration tests: a real server (restartable on its port and data folder) and
// console cores on real SQLite files, with `until` to await a condition re-checked on every change event.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer, type StartServerOptions, type TestServer, type TestSpecialist } from '../../../support/start-server';
import { consoleEventNames } from '../../../../src-shared/console-api';
import { openCache, type Cache } from '../../../../src-main/core/cache/open-cache';
import { createConsoleService, type ConsoleServiceDeps, type ConsoleService } from '../../../../src-main/core/console-service';
import { createMemorySettingsStore, defaultSettings } from '../../../../src-main/core/settings';
import type { Clock } from '../../../../src-main/core/clock';

const log = pino({ level: 'silent' });

export function harness() {
  const cleanups: (() => Promise<void> | void)[] = [];

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'console-it-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  async function bootServer(options: Omit<StartServerOptions, 'dataDir'> = {}) {
    const dataDir = tempDir();
    let server = await startServer({ ...options, dataDir });
    const port = server.port;
    let stopped = false;
    const handle = {
      get current(): TestServer {
        return server;
      },
      // Tokens carry the server's (fake) time; the console reads the same clock so they stay valid.
      clock: { now: () => server.clock.now() } satisfies Clock,
      async stop() {
        if (!stopped) await server.stop();
        stopped = true;
      },
      async start() {
        server = await startServer({ ...options, dataDir, env: { ...options.env, PORT: String(port) } });
        stopped = false;
      },
    };
    cleanups.push(() => handle.stop());
    return handle;
  }
  type Booted = Awaited<ReturnType<typeof bootServer>>;

  function openConsole(file: string, srv: Pick<Booted, 'current' | 'clock'>, extra: Partial<ConsoleServiceDeps> = {}) {
    const cache: Cache = openCache(file);
    const service: ConsoleService = createConsoleService({
      cache,
      settings: createMemorySettingsStore(defaultSettings(srv.current.url)),
      log,
      clock: srv.clock,
      backoff: { baseMs: 50, maxMs: 400 },
      commandWaitMs: 5_000,
      requestTimeoutMs: 5_000,
      ...extra,
    });
    let closed = false;
    let connection = 'offline';
    service.on('connection', (s) => (connection = s.state));
    const checks = new Set<() => void>();
    for (const name of consoleEventNames) service.on(name, () => checks.forEach((c) => c()));
    const close = () => {
      if (closed) return;
      closed = true;
      service.close();
      cache.close();
    };
    cleanups.push(close);
    const c = {
      cache,
      service,
      close,
      connection: () => connection,
      until(what: string, predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
        if (predicate()) return Promise.resolve();
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            checks.delete(check);
            reject(new Error(`timed out waiting for ${what}`));
          }, timeoutMs);
          const check = () => {
            if (!predicate()) return;
            clearTimeout(timer);
            checks.delete(check);
            resolve();
          };
          checks.add(check);
        });
      },
      online: () => c.until('online', () => connection === 'online'),
      async login(who: TestSpecialist): Promise<void> {
        const r = await service.login({ serverUrl: srv.current.url, email: who.email, password: who.password });
        if (!r.ok) throw new Error(r.error.message);
        await c.online();
      },
    };
    return c;
  }

  return {
    tempDir,
    bootServer,
    openConsole,
    async cleanup() {
      for (const c of cleanups.splice(0).reverse()) await c();
    },
  };
}
