// The core's end of the console protocol: serves one connection (a renderer's MessagePort, the main
// process's own port, or a browser-mode WebSocket) — every call frame validated and dispatched, every
// change event pushed — until the connection closes.
import { consoleEventNames, type ConsoleApi } from '../../src-shared/console-api';
import { toCoreFrameSchema, type FrameTransport } from '../../src-shared/console-protocol';
import { err } from '../../src-shared/result';
import { dispatchConsoleCall, type ConsoleCommands } from './console-dispatch';

export type ServedService = ConsoleCommands & Pick<ConsoleApi, 'on'>;

/** Serves `transport` until it closes; returns a function that stops serving (and closes it). */
export function serveConsole(service: ServedService, transport: FrameTransport): () => void {
  let open = true;
  const unsubscribe = consoleEventNames.map((event) =>
    service.on(event, (payload) => {
      if (open) transport.send({ type: 'event', event, payload });
    }),
  );
  const stop = () => {
    if (!open) return;
    open = false;
    unsubscribe.forEach((u) => u());
  };
  transport.onFrame((raw) => {
    const frame = toCoreFrameSchema.safeParse(raw);
    if (!frame.success) {
      // The id, when one can be read, lets the caller settle its call instead of waiting for a timeout.
      const id = typeof raw === 'object' && raw !== null && Number.isSafeInteger((raw as { id?: unknown }).id) ? ((raw as { id: number }).id) : null;
      transport.send({ type: 'result', id: id !== null && id >= 0 ? id : null, result: err('bad_request', 'not a console call frame') });
      return;
    }
    const { id, method, input } = frame.data;
    void dispatchConsoleCall(service, method, input).then((result) => {
      if (open) transport.send({ type: 'result', id, result });
    });
  });
  transport.onClose(stop);
  return () => {
    stop();
    transport.close();
  };
}
