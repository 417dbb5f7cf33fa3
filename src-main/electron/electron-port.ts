// Electron's MessagePortMain as PortEnds, for the console protocol (main process and core process alike).
import type { MessagePortMain } from 'electron';
import type { PortEnds } from '../core/port-transport';

export function electronPortEnds(port: MessagePortMain): PortEnds {
  return {
    postMessage: (data) => port.postMessage(data),
    onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
    onClose: (listener) => void port.on('close', () => listener()),
    start: () => port.start(),
    close: () => port.close(),
  };
}
