// Exposes the ConsoleApi as window.switchboard and nothing else. Calls and events travel as console-protocol
// frames over a MessagePort straight to the core process (the main process only hands the port over, again
// after a core restart). Bundled to CommonJS with the shared client (sandboxed preloads require it).
import { contextBridge, ipcRenderer } from 'electron';
import { createConsoleClient } from '../src-shared/console-client';
import { CORE_PORT_CHANNEL, CORE_PORT_REQUEST_CHANNEL, type FrameTransport } from '../src-shared/console-protocol';

/** The DOM MessagePort a sandboxed preload receives (typed here: this file compiles without DOM types). */
interface WindowPort {
  postMessage(data: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}

function windowPortTransport(port: WindowPort): FrameTransport {
  let open = true;
  port.addEventListener('close', () => {
    open = false;
  });
  return {
    send(frame) {
      if (!open) return false;
      port.postMessage(frame);
      return true;
    },
    onFrame(listener) {
      port.addEventListener('message', (event) => listener(event.data));
      port.start();
    },
    onClose(listener) {
      port.addEventListener('close', listener);
    },
    close() {
      open = false;
      port.close();
    },
  };
}

const client = createConsoleClient({
  timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
  // The first port arrives once the core process is up; calls made before then wait for it.
  waitForTransportMs: 30_000,
});
ipcRenderer.on(CORE_PORT_CHANNEL, (event) => {
  const port = event.ports[0] as unknown as WindowPort | undefined;
  if (port) client.attach(windowPortTransport(port));
});
ipcRenderer.send(CORE_PORT_REQUEST_CHANNEL);

// Only the ConsoleApi's own methods and `on` cross the bridge (a plain object of functions).
contextBridge.exposeInMainWorld('switchboard', { ...client.api });
