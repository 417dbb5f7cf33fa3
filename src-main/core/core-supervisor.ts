// The main process's side of the console core: starts the core process, hands it connections, answers its
// requests, and restarts it when it dies (with backoff, so a core that crashes at start cannot spin). The
// outbox and cache live in SQLite, so a restarted core picks up exactly where the dead one stopped.
// Generic over the process and port kinds: Electron's utilityProcess in the app, a worker thread in tests.
import type { Logger } from 'pino';
import type { Result } from '../../src-shared/result';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { Clock, Timers } from './clock';
import { fromCoreControlSchema, type CoreInit, type ToCoreControl } from './core-control';

export interface CoreChild<Port> {
  post(message: ToCoreControl, ports?: Port[]): void;
  onMessage(listener: (data: unknown) => void): void;
  /** Once, when the process is gone (crash, kill or its own exit). */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface CoreSupervisorDeps<Port> {
  spawn(): CoreChild<Port>;
  /** Built afresh for each start. */
  init(): CoreInit;
  log: Logger;
  clock: Clock;
  timers: Timers;
  random?: () => number;
  backoff?: BackoffOptions;
  /** The core is up (first start or a restart): hand it its connections now (windows, the main process). */
  onReady(): void;
  openExternal(url: string): void;
  presentFile(path: string, reveal: boolean): Promise<Result<{ url: null }>>;
}

export type CoreCommand = Extract<ToCoreControl, { type: 'window-focus' | 'navigate' | 'reconnect' }>;

/** A crash this long after the previous start counts as a fresh one: the backoff starts over. */
const STABLE_AFTER_MS = 60_000;
const STOP_GRACE_MS = 5_000;
export const defaultCoreBackoff: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

export function createCoreSupervisor<Port>(deps: CoreSupervisorDeps<Port>) {
  const { log, clock, timers } = deps;
  let child: CoreChild<Port> | null = null;
  let ready = false;
  let stopping = false;
  let startedAt = 0;
  let crashesInARow = 0;
  let restarts = 0;
  let restartTimer: unknown = null;
  let pendingPorts: Port[] = [];
  let focused: boolean | null = null;

  function launch(): void {
    restartTimer = null;
    if (stopping) return;
    const current = deps.spawn();
    child = current;
    ready = false;
    startedAt = clock.now();
    current.onMessage((data) => {
      if (child !== current) return;
      const parsed = fromCoreControlSchema.safeParse(data);
      if (!parsed.success) {
        log.warn('ignored a malformed message from the console core');
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'ready': {
          ready = true;
          const ports = pendingPorts;
          pendingPorts = [];
          if (ports.length) current.post({ type: 'attach' }, ports);
          if (focused !== null) current.post({ type: 'window-focus', focused });
          deps.onReady();
          return;
        }
        case 'fatal':
          log.error({ reason: message.message }, 'console core could not start');
          return;
        case 'open-external':
          deps.openExternal(message.url);
          return;
        case 'present-file':
          void deps.presentFile(message.path, message.reveal).then((result) => {
            if (child === current) current.post({ type: 'present-file-result', id: message.id, result });
          });
          return;
      }
    });
    current.onExit((code) => {
      if (child !== current) return;
      child = null;
      ready = false;
      if (stopping) return;
      crashesInARow = clock.now() - startedAt >= STABLE_AFTER_MS ? 1 : crashesInARow + 1;
      const delay = backoffDelay(crashesInARow, deps.random ?? Math.random, deps.backoff ?? defaultCoreBackoff);
      log.error({ code, crashesInARow, restartInMs: delay }, 'console core exited unexpectedly; restarting');
      restarts += 1;
      restartTimer = timers.setTimeout(launch, delay);
    });
    current.post(deps.init());
  }

  return {
    start(): void {
      if (child || restartTimer !== null) return;
      stopping = false;
      launch();
    },
    /** Hands a new console-protocol connection (its core end) to the core, now or as soon as it is up. */
    attach(port: Port): void {
      if (child && ready) child.post({ type: 'attach' }, [port]);
      else pendingPorts.push(port);
    },
    send(command: CoreCommand): void {
      if (command.type === 'window-focus') focused = command.focused;
      if (child && ready) child.post(command);
    },
    isReady: (): boolean => ready,
    restarts: (): number => restarts,
    /** Asks the core to close its cache and exit; kills it if it has not after a grace period. */
    stop(): Promise<void> {
      stopping = true;
      if (restartTimer !== null) timers.clearTimeout(restartTimer);
      restartTimer = null;
      const current = child;
      if (!current) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = timers.setTimeout(() => {
          log.warn('console core did not stop in time; killing it');
          current.kill();
          resolve();
        }, STOP_GRACE_MS);
        current.onExit(() => {
          timers.clearTimeout(timer);
          resolve();
        });
        current.post({ type: 'shutdown' });
      });
    },
  };
}
export type CoreSupervisor<Port> = ReturnType<typeof createCoreSupervisor<Port>>;
