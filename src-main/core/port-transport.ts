// A MessagePort of the main-process kind as a console-protocol transport. Electron's MessagePortMain and
// Node's worker_threads MessagePort differ only in how a listener receives a message (an event carrying
// `data`, or the data itself); each side adapts its port to PortEnds in a few lines.
import type { FrameTransport } from '../../src-shared/console-protocol';

export interface PortEnds {
  postMessage(data: unknown): void;
  onMessage(listener: (data: unknown) => void): void;
  /** The other end went away (or this one was closed). */
  onClose(listener: () => void): void;
  start(): void;
  close(): void;
}

export function portTransport(port: PortEnds): FrameTransport {
  let open = true;
  port.onClose(() => {
    open = false;
  });
  return {
    send(frame) {
      if (!open) return false;
      try {
        port.postMessage(frame);
        return true;
      } catch {
        open = false;
        return false;
      }
    },
    onFrame(listener) {
      port.onMessage(listener);
      port.start();
    },
    onClose(listener) {
      port.onClose(listener);
    },
    close() {
      if (!open) return;
      open = false;
      port.close();
    },
  };
}
