// The supervisor's decisions with a scripted child and fake time: restart with backoff after a crash, hand
// connections over only once the core is ready, stop cleanly or kill after the grace period.
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createCoreSupervisor, type CoreChild } from '../../../../src-main/core/core-supervisor';
import type { ToCoreControl } from '../../../../src-main/core/core-control';
import { ok } from '../../../../src-shared/result';
import { fakeTime } from '../fake-time';

interface ScriptedChild extends CoreChild<string> {
  posted: { message: ToCoreControl; ports: string[] }[];
  say(message: unknown): void;
  exit(code: number | null): void;
  killed: boolean;
}

function scriptedChild(): ScriptedChild {
  const onMessage: ((d: unknown) => void)[] = [];
  const onExit: ((c: number | null) => void)[] = [];
  const child: ScriptedChild = {
    posted: [],
    killed: false,
    post: (message, ports = []) => void child.posted.push({ message, ports }),
    onMessage: (l) => void onMessage.push(l),
    onExit: (l) => void onExit.push(l),
    kill: () => {
      child.killed = true;
      child.exit(null);
    },
    say: (m) => onMessage.forEach((l) => l(m)),
    exit: (code) => onExit.splice(0).forEach((l) => l(code)),
  };
  return child;
}

function setup() {
  const time = fakeTime();
  const children: ScriptedChild[] = [];
  let readies = 0;
  const opened: string[] = [];
  const supervisor = createCoreSupervisor<string>({
    spawn: () => {
      const c = scriptedChild();
      children.push(c);
      return c;
    },
    init: () => ({ type: 'init', dataDir: '/data', serverUrl: 'http://127.0.0.1:4080', serverUrlGiven: false, version: 't', platform: 'linux', logDir: null, dataKey: null }),
    log: pino({ level: 'silent' }),
    clock: time.clock,
    timers: time.timers,
    random: () => 0.5,
    backoff: { baseMs: 1_000, maxMs: 8_000 },
    onReady: () => void readies++,
    openExternal: (url) => void opened.push(url),
    presentFile: async () => ok({ url: null }),
  });
  return { time, children, supervisor, readies: () => readies, opened, last: () => children[children.length - 1]! };
}

const kinds = (c: ScriptedChild) => c.posted.map((p) => p.message.type);

describe('core supervisor', () => {
  it('starts the core with init and hands over connections only once it is ready', () => {
    const { supervisor, last, readies } = setup();
    supervisor.start();
    supervisor.attach('early-port');
    expect(kinds(last())).toEqual(['init']);
    last().say({ type: 'ready' });
    expect(last().posted[1]).toEqual({ message: { type: 'attach' }, ports: ['early-port'] });
    expect(readies()).toBe(1);
    supervisor.attach('late-port');
    expect(last().posted[2]).toEqual({ message: { type: 'attach' }, ports: ['late-port'] });
  });

  it('restarts a core that exits on its own, with growing delays while it keeps crashing at start', () => {
    const { supervisor, children, time } = setup();
    supervisor.start();
    children[0]!.exit(1);
    expect(children).toHaveLength(1);
    time.advance(749);
    expect(children).toHaveLength(1);
    time.advance(1); // first delay: 750 ms (half fixed, half jitter at 0.5)
    expect(children).toHaveLength(2);
    children[1]!.exit(1);
    time.advance(1_499);
    expect(children).toHaveLength(2);
    time.advance(1); // second crash in a row: 1,500 ms
    expect(children).toHaveLength(3);
    expect(supervisor.restarts()).toBe(2);
  });

  it('starts the backoff over after the core ran for a while', () => {
    const { supervisor, children, time } = setup();
    supervisor.start();
    children[0]!.exit(1);
    time.advance(750);
    time.advance(120_000);
    children[1]!.exit(1);
    time.advance(750);
    expect(children).toHaveLength(3);
  });

  it('does the OS work the core asks for, and ignores a malformed message', () => {
    const { supervisor, last, opened } = setup();
    supervisor.start();
    last().say({ type: 'open-external', url: 'https://example.com/a' });
    last().say({ type: 'open-external' });
    last().say('nonsense');
    expect(opened).toEqual(['https://example.com/a']);
  });

  it('re-sends the window focus to a restarted core', () => {
    const { supervisor, children, time } = setup();
    supervisor.start();
    children[0]!.say({ type: 'ready' });
    supervisor.send({ type: 'window-focus', focused: false });
    children[0]!.exit(null);
    time.advance(1_000);
    children[1]!.say({ type: 'ready' });
    expect(children[1]!.posted.map((p) => p.message)).toContainEqual({ type: 'window-focus', focused: false });
  });

  it('stops by asking the core to shut down, without restarting it', async () => {
    const { supervisor, children, time } = setup();
    supervisor.start();
    const stopped = supervisor.stop();
    expect(kinds(children[0]!)).toEqual(['init', 'shutdown']);
    children[0]!.exit(0);
    await stopped;
    time.advance(60_000);
    expect(children).toHaveLength(1);
    expect(children[0]!.killed).toBe(false);
  });

  it('kills a core that does not stop within the grace period', async () => {
    const { supervisor, children, time } = setup();
    supervisor.start();
    const stopped = supervisor.stop();
    time.advance(5_000);
    await stopped;
    expect(children[0]!.killed).toBe(true);
    expect(children).toHaveLength(1);
  });
});
