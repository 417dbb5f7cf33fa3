// A browser-mode WebSocket as a console-protocol transport: frames travel as JSON text.
import type { WebSocket } from 'ws';
import type { FrameTransport } from '../../src-shared/console-protocol';

export function webSocketTransport(ws: WebSocket): FrameTransport {
  return {
    send(frame) {
      if (ws.readyState !== ws.OPEN) return false;
      ws.send(JSON.stringify(frame));
      return true;
    },
    onFrame(listener) {
      ws.on('message', (raw) => {
        let frame: unknown;
        try {
          frame = JSON.parse(String(raw));
        } catch {
          // Not JSON: the endpoint answers it as an unreadable frame.
          frame = undefined;
        }
        listener(frame);
      });
    },
    onClose(listener) {
      ws.on('close', () => listener());
    },
    close() {
      ws.close();
    },
  };
}
