// Two connected in-memory console-protocol transports, delivering each frame as a structured clone on a
// later microtask — the way a MessagePort does — so tests see what crosses a real process boundary.
import type { ConsoleFrame, FrameTransport } from '../../src-shared/console-protocol';

export interface FramePipe {
  a: FrameTransport;
  b: FrameTransport;
  /** Frames sent from a to b and from b to a, in order (clones, as received). */
  sent: { aToB: unknown[]; bToA: unknown[] };
  /** Delivers raw data to b as if a had sent it (to test frames no honest client would send). */
  injectToB(raw: unknown): void;
  injectToA(raw: unknown): void;
}

export function framePipe(): FramePipe {
  const frameListeners = { a: new Set<(raw: unknown) => void>(), b: new Set<(raw: unknown) => void>() };
  const closeListeners = { a: new Set<() => void>(), b: new Set<() => void>() };
  const sent = { aToB: [] as unknown[], bToA: [] as unknown[] };
  let open = true;
  const deliver = (to: 'a' | 'b', raw: unknown) => {
    queueMicrotask(() => {
      if (!open) return;
      for (const l of frameListeners[to]) l(raw);
    });
  };
  const close = () => {
    if (!open) return;
    open = false;
    queueMicrotask(() => {
      for (const l of [...closeListeners.a, ...closeListeners.b]) l();
    });
  };
  const end = (self: 'a' | 'b'): FrameTransport => {
    const other = self === 'a' ? 'b' : 'a';
    return {
      send(frame: ConsoleFrame) {
        if (!open) return false;
        const copy = structuredClone(frame);
        (self === 'a' ? sent.aToB : sent.bToA).push(copy);
        deliver(other, copy);
        return true;
      },
      onFrame: (l) => void frameListeners[self].add(l),
      onClose: (l) => void closeListeners[self].add(l),
      close,
    };
  };
  return { a: end('a'), b: end('b'), sent, injectToB: (raw) => deliver('b', raw), injectToA: (raw) => deliver('a', raw) };
}
