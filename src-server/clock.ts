// The server's only source of time and timers, injected so tests drive chats, grace periods and hours with a fake clock.
export type TimerHandle = { cancel(): void };

export interface Clock {
  now(): number;
  /** Runs `fn` once after `ms`; the handle cancels it. */
  setTimer(ms: number, fn: () => void): TimerHandle;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    // setTimeout caps at 2^31-1 ms; a later deadline is re-armed in steps.
    const MAX = 2 ** 31 - 1;
    const deadline = Date.now() + ms;
    let t: NodeJS.Timeout;
    const arm = (left: number) => {
      t = setTimeout(() => {
        const rest = deadline - Date.now();
        if (rest > 0) arm(rest);
        else fn();
      }, Math.min(Math.max(left, 0), MAX));
      t.unref?.();
    };
    arm(ms);
    return { cancel: () => clearTimeout(t) };
  },
};
