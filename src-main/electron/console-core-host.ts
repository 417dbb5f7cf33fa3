// The main process's hold on the console core: runs it in an Electron utilityProcess under the supervisor,
// gives every app window (and the main process itself) a MessagePort to it, and hands out new ports after
// a restart. Windows ask for their port once their preload runs; only the app's own frames get one.
import { MessageChannelMain, shell, utilityProcess, type MessagePortMain, type WebContents } from 'electron';
import type { Logger } from 'pino';
import { createConsoleClient } from '../../src-shared/console-client';
import { CORE_PORT_CHANNEL } from '../../src-shared/console-protocol';
import { err, ok } from '../../src-shared/result';
import { systemClock, systemTimers } from '../core/clock';
import type { CoreInit } from '../core/core-control';
import { createCoreSupervisor, type CoreCommand } from '../core/core-supervisor';
import { validateExternalUrl } from '../core/external-url';
import { isAppFrame } from '../core/ipc-guard';
import { portTransport } from '../core/port-transport';
import { APP_ORIGIN } from './app-protocol';
import { electronPortEnds } from './electron-port';


export function startConsoleCoreHost(options: { entry: string; init: () => CoreInit; log: Logger }) {
  const { log } = options;
  /** The main process is a console client too (settings, session, notifications, badge). */
  const mainClient = createConsoleClient({ timers: systemTimers, waitForTransportMs: 30_000, onBadFrame: () => log.warn('bad frame from the core') });
  const windows = new Set<WebContents>();

  const connect = (): MessagePortMain => {
    const { port1, port2 } = new MessageChannelMain();
    supervisor.attach(port2);
    return port1;
  };
  const deliver = (contents: WebContents) => {
    if (contents.isDestroyed()) return;
    contents.postMessage(CORE_PORT_CHANNEL, null, [connect()]);
  };

  const supervisor = createCoreSupervisor<MessagePortMain>({
    spawn() {
      const child = utilityProcess.fork(options.entry, [], { serviceName: 'Switchboard console core', stdio: 'ignore' });
      return {
        post: (message, ports) => child.postMessage(message, ports),
        onMessage: (listener) => void child.on('message', listener),
        onExit: (listener) => void child.once('exit', listener),
        kill: () => void child.kill(),
      };
    },
    init: options.init,
    log,
    clock: systemClock,
    timers: systemTimers,
    onReady() {
      mainClient.attach(portTransport(electronPortEnds(connect())));
      // After a restart every open window gets a fresh connection; its client fails what was in flight.
      for (const contents of windows) deliver(contents);
    },
    openExternal(url) {
      const safe = validateExternalUrl(url);
      if (safe.ok) void shell.openExternal(safe.value);
    },
    async presentFile(path, reveal) {
      if (reveal) {
        shell.showItemInFolder(path);
        return ok({ url: null });
      }
      const problem = await shell.openPath(path);
      return problem ? err('unavailable', `The file could not be opened: ${problem}`) : ok({ url: null });
    },
  });

  return {
    api: mainClient.api,
    start: () => supervisor.start(),
    /** A window's preload asked for its connection; refused unless the frame is the app's own page. */
    connectWindow(contents: WebContents, senderUrl: string | undefined): void {
      if (!isAppFrame(senderUrl, APP_ORIGIN)) {
        log.warn({ senderUrl }, 'refused a core connection to a frame that is not the app');
        return;
      }
      if (!windows.has(contents)) {
        windows.add(contents);
        contents.once('destroyed', () => windows.delete(contents));
      }
      deliver(contents);
    },
    send: (command: CoreCommand) => supervisor.send(command),
    stop: () => supervisor.stop(),
  };
}
export type ConsoleCoreHost = ReturnType<typeof startConsoleCoreHost>;
