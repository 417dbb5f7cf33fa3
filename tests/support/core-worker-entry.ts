// The console core process as a worker thread: the same runCoreProcess the desktop app's utilityProcess
// runs, with worker_threads standing in for Electron's parentPort and MessagePortMain.
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { pino } from 'pino';
import { runCoreProcess } from '../../src-main/core/core-process';
import { portTransport } from '../../src-main/core/port-transport';
import { nodePortEnds } from './node-port';

const parent = parentPort;
if (!parent) throw new Error('run me as a worker');
runCoreProcess<MessagePort>({
  parent: {
    onMessage: (listener) => parent.on('message', (m: { data: unknown; ports?: MessagePort[] }) => listener(m.data, m.ports ?? [])),
    post: (message) => parent.postMessage(message),
  },
  portTransport: (port) => portTransport(nodePortEnds(port)),
  createLog: () => pino({ level: process.env.CORE_LOG_LEVEL ?? 'silent' }),
  exit: (code) => process.exit(code),
});
