// Entry of the console-core process (Electron utilityProcess): SQLite, sync and the outbox run here, never on
// the main thread that moves windows. Everything it does lives in core/core-process.ts; this file only
// adapts Electron's process.parentPort and writes the process's log file.
import type { MessagePortMain } from 'electron';
import { runCoreProcess } from '../core/core-process';
import { portTransport } from '../core/port-transport';
import { electronPortEnds } from './electron-port';
import { fileLogger } from './log-file';

const parent = process.parentPort;
runCoreProcess<MessagePortMain>({
  parent: {
    onMessage: (listener) => void parent.on('message', (event) => listener(event.data, event.ports)),
    post: (message) => parent.postMessage(message),
  },
  portTransport: (port) => portTransport(electronPortEnds(port)),
  createLog: (init) => fileLogger(init.logDir ?? init.dataDir, 'core', process.env.LOG_LEVEL ?? 'info'),
  exit: (code) => process.exit(code),
});
