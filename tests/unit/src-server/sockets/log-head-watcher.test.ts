import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { headToAnnounce, LogHeadWatcher, watchedBroadcaster } from '../../../../src-server/sockets/log-head-watcher';
import type { Broadcaster } from '../../../../src-server/sockets/broadcaster';
import type { LoggedEvent } from '../../../../src-server/db/events';

const log = pino({ level: 'silent' });

function watcher(heads: number[]) {
  const announced: number[] = [];
  const reported: number[] = [];
  let foreign = 0;
  const w = new LogHeadWatcher({
    readHead: async () => heads.shift() ?? 0,
    announce: (seq) => announced.push(seq),
    report: (seq) => reported.push(seq),
    foreignChange: async () => void foreign++,
    intervalMs: 0,
    log,
  });
  return { w, announced, reported, foreign: () => foreign };
}

describe('headToAnnounce', () => {
  it('is the head read before when it is above everything known to have reached clients', () => {
    expect(headToAnnounce(10, 9)).toBe(10);
    expect(headToAnnounce(10, 10)).toBeNull();
    expect(headToAnnounce(null, 0)).toBeNull();
  });
});

describe('LogHeadWatcher', () => {
  it('announces a seq nobody published one check after it first saw it, once, and re-derives what depends on the log', async () => {
    const { w, announced, foreign } = watcher([5, 7, 7, 7]);
    await w.tick(); // sees 5 for the first time
    expect(announced).toEqual([]);
    await w.tick(); // 5 still unpublished: announced
    expect(announced).toEqual([5]);
    expect(foreign()).toBe(1);
    await w.tick(); // 7 unpublished
    await w.tick();
    expect(announced).toEqual([5, 7]);
  });

  it('announces nothing this node or another one published meanwhile', async () => {
    const { w, announced, reported } = watcher([5, 9, 9]);
    await w.tick();
    w.sawPublished(5);
    await w.tick();
    w.sawPeer(9);
    await w.tick();
    expect(announced).toEqual([]);
    // The highest seq published here is reported to the other nodes once.
    expect(reported).toEqual([5]);
  });

  it('counts a head sent by another path (Redis back) as announced', async () => {
    const { w, announced } = watcher([8, 8]);
    await w.tick();
    w.sawAnnounced(8);
    await w.tick();
    expect(announced).toEqual([]);
  });

  it('survives a failed read and tries again next time', async () => {
    const announced: number[] = [];
    let calls = 0;
    const w = new LogHeadWatcher({
      readHead: async () => {
        calls++;
        if (calls === 2) throw new Error('database away');
        return 4;
      },
      announce: (seq) => announced.push(seq),
      foreignChange: async () => undefined,
      intervalMs: 0,
      log,
    });
    await w.tick();
    await w.tick();
    await w.tick();
    expect(announced).toEqual([4]);
  });
});

describe('watchedBroadcaster', () => {
  it('tells the watcher every seq it publishes', () => {
    const seen: number[] = [];
    const published: LoggedEvent[][] = [];
    const inner = { publish: (e: readonly LoggedEvent[]) => void published.push([...e]) } as unknown as Broadcaster;
    const ev = (seq: number) => ({ envelope: { seq }, scope: {} }) as unknown as LoggedEvent;
    watchedBroadcaster(inner, { sawPublished: (seq) => seen.push(seq) }).publish([ev(3), ev(4)]);
    expect(seen).toEqual([3, 4]);
    expect(published).toHaveLength(1);
  });
});
