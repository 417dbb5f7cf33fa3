// A manual clock for tests: time moves only when the test advances it, firing due timers in order.
import type { Clock, TimerHandle } from '../../src-server/clock';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export interface FakeClock extends Clock {
  /** Moves time forward, firing every timer due on the way (in due order) and letting their async work settle. */
  advance(ms: number): Promise<void>;
  /** Number of armed timers (handy to wait until the server has scheduled something). */
  pending(): number;
}

/** Wednesday 18 Nov 2026, 10:00 in New York: inside every seeded department's hours. */
export const IN_HOURS = Date.UTC(2026, 10, 18, 15, 0);

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

export function fakeClock(start: number = IN_HOURS): FakeClock {
  let now = start;
  let seq = 0;
  let timers: Timer[] = [];
  return {
    now: () => now,
    setTimer(ms: number, fn: () => void): TimerHandle {
      const t = { id: ++seq, at: now + Math.max(0, ms), fn };
      timers.push(t);
      return { cancel: () => void (timers = timers.filter((x) => x !== t)) };
    },
    async advance(ms: number) {
      const target = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const next = timers[0];
        if (!next || next.at > target) break;
        timers.shift();
        now = next.at;
        next.fn();
        await settle();
      }
      now = target;
      await settle();
    },
    pending: () => timers.length,
  };
}
