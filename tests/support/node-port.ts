// A worker_threads MessagePort as PortEnds (the desktop app adapts Electron's MessagePortMain the same way).
import type { MessagePort } from 'node:worker_threads';
import type { PortEnds } from '../../src-main/core/port-transport';

export function nodePortEnds(port: MessagePort): PortEnds {
  return {
    postMessage: (data) => port.postMessage(data),
    onMessage: (listener) => void port.on('message', (data: unknown) => listener(data)),
    onClose: (listener) => void port.on('close', () => listener()),
    start: () => port.start(),
    close: () => port.close(),
  };
}
