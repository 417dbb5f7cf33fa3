// What runs inside the desktop app's console-core process (an Electron utilityProcess): waits for `init`,
// starts the core (cache, sync, outbox), serves every connection the main process hands over, and asks the
// main process for what only it can do. Plain Node, driven through a ParentChannel, so tests run it in a
// worker thread exactly as the app runs it in its own process.
import type { Logger } from 'pino';
import type { FrameTransport } from '../../src-shared/console-protocol';
import { err, type Result } from '../../src-shared/result';
import { startConsoleCore, type ConsoleCore } from './console-core';
import { toCoreControlSchema, type CoreInit, type FromCoreControl } from './core-control';
import { keySecretBox } from './key-secret-box';
import { plainSecretBox } from './secret-box';
import { systemTimers, type Timers } from './clock';

export interface ParentChannel<Port> {
  /** Each message from the main process, with the ports transferred along with it. */
  onMessage(listener: (data: unknown, ports: Port[]) => void): void;
  post(message: FromCoreControl): void;
}

export interface CoreProcessDeps<Port> {
  parent: ParentChannel<Port>;
  portTransport(port: Port): FrameTransport;
  createLog(init: CoreInit): Logger;
  exit(code: number): void;
  timers?: Timers;
}

/** How long the core waits for the main process to open a file before answering `unavailable`. */
const PRESENT_FILE_TIMEOUT_MS = 30_000;

export function runCoreProcess<Port>(deps: CoreProcessDeps<Port>): void {
  const timers = deps.timers ?? systemTimers;
  let core: ConsoleCore | null = null;
  let log: Logger | null = null;
  /** Connections handed over before `init` finished are served as soon as it has. */
  let early: Port[] = [];
  const presenting = new Map<number, (result: Result<{ url: string | null }>) => void>();
  let nextRequest = 1;

  function presentFile(path: string, reveal: boolean): Promise<Result<{ url: string | null }>> {
    const id = nextRequest++;
    return new Promise((resolve) => {
      const timer = timers.setTimeout(() => {
        presenting.delete(id);
        resolve(err('unavailable', 'The desktop app did not open the file'));
      }, PRESENT_FILE_TIMEOUT_MS);
      presenting.set(id, (result) => {
        timers.clearTimeout(timer);
        resolve(result);
      });
      deps.parent.post({ type: 'present-file', id, path, reveal });
    });
  }

  function start(init: CoreInit): void {
    log = deps.createLog(init);
    try {
      core = startConsoleCore({
        dataDir: init.dataDir,
        serverUrl: init.serverUrl,
        serverUrlGiven: init.serverUrlGiven,
        log,
        appInfo: { shell: 'desktop', platform: init.platform, version: init.version, logDir: init.logDir },
        secrets: init.dataKey ? keySecretBox(Buffer.from(init.dataKey, 'base64')) : plainSecretBox,
        openExternal: (url) => deps.parent.post({ type: 'open-external', url }),
        presentFile: (file, reveal) => presentFile(file.path, reveal),
      });
    } catch (e) {
      log.fatal({ err: e }, 'console core could not start');
      deps.parent.post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
      deps.exit(1);
      return;
    }
    const waiting = early;
    early = [];
    for (const port of waiting) core.attach(deps.portTransport(port));
    log.info({ dataDir: init.dataDir }, 'console core ready');
    deps.parent.post({ type: 'ready' });
  }

  deps.parent.onMessage((data, ports) => {
    const parsed = toCoreControlSchema.safeParse(data);
    if (!parsed.success) {
      log?.warn('ignored a malformed control message');
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'init':
        if (!core && !log) start(message);
        return;
      case 'attach':
        for (const port of ports) {
          if (core) core.attach(deps.portTransport(port));
          else early.push(port);
        }
        return;
      case 'window-focus':
        core?.service.setWindowFocused(message.focused);
        return;
      case 'navigate':
        core?.service.navigate({ conversationId: message.conversationId, ticketId: message.ticketId });
        return;
      case 'reconnect':
        core?.service.reconnectNow();
        return;
      case 'present-file-result':
        presenting.get(message.id)?.(message.result);
        presenting.delete(message.id);
        return;
      case 'shutdown':
        // SQLite is closed cleanly (WAL checkpointed) before the process goes away.
        core?.close();
        core = null;
        log?.info('console core stopped');
        deps.exit(0);
        return;
    }
  });
}
