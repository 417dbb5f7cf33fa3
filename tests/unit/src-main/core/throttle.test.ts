import { describe, expect, it } from 'vitest';
import { createThrottle } from '../../../../src-main/core/throttle';
import { fakeTime } from '../fake-time';

describe('createThrottle', () => {
  it('runs the first request at once and folds a burst into one trailing run at the end of the interval', () => {
    const time = fakeTime();
    let runs = 0;
    const t = createThrottle(() => runs++, 2000, time.clock, time.timers);
    t.request();
    expect(runs).toBe(1);
    for (let i = 0; i < 10; i++) {
      time.advance(100);
      t.request();
    }
    expect(runs).toBe(1);
    time.advance(999);
    expect(runs).toBe(1);
    time.advance(1);
    expect(runs).toBe(2);
    time.advance(5000);
    expect(runs).toBe(2);
  });

  it('runs at once again after a quiet interval', () => {
    const time = fakeTime();
    let runs = 0;
    const t = createThrottle(() => runs++, 2000, time.clock, time.timers);
    t.request();
    time.advance(2500);
    t.request();
    expect(runs).toBe(2);
  });

  it('cancel drops a pending trailing run', () => {
    const time = fakeTime();
    let runs = 0;
    const t = createThrottle(() => runs++, 2000, time.clock, time.timers);
    t.request();
    t.request();
    t.cancel();
    time.advance(3000);
    expect(runs).toBe(1);
    expect(time.pendingTimers()).toBe(0);
  });
});
