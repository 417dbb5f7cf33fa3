// A guard for one edge of @fastify/multipart (10.x with busboy): a part whose headers are malformed (a raw CR or LF
// in its file name, found by the fuzz suite) and whose body is larger than the stream's buffer stops the request
// stream for good — nobody reads that part, so backpressure pauses the request — and `req.file()` never settles.
// Until the parser handles it, a request stream that stays paused while we still wait for the first file is
// answered as malformed instead of holding the connection until the server's request timeout.
import type { IncomingMessage } from 'node:http';

/** How long the stream may sit paused before the wait is given up: far longer than any pause the parser makes itself. */
export const MULTIPART_STALL_MS = 1_000;

/** Resolves once `raw` has been paused for `ms` in a row; `cancel()` stops watching. */
export function whenStalled(raw: IncomingMessage, ms = MULTIPART_STALL_MS, every = 100): { stalled: Promise<void>; cancel(): void } {
  let timer: ReturnType<typeof setInterval> | null = null;
  const stalled = new Promise<void>((resolve) => {
    let pausedSince: number | null = null;
    timer = setInterval(() => {
      if (raw.readableEnded || raw.destroyed) return;
      if (raw.readableFlowing !== false) {
        pausedSince = null;
        return;
      }
      pausedSince ??= Date.now();
      if (Date.now() - pausedSince >= ms) resolve();
    }, every);
    timer.unref();
  });
  return {
    stalled,
    cancel: () => {
      if (timer) clearInterval(timer);
    },
  };
}
