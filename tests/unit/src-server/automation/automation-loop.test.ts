import { describe, expect, it } from 'vitest';
import { startAutomationLoop } from '../../../../src-server/automation/automation-loop';
import { MemoryAutomationPort } from './memory-automation-port';
import { ManualClock, RecordingMailer, ny, schedules, silentLog } from './fixtures';

const MINUTE = 60_000;
/** Lets the promise chains started by a fired timer settle. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup() {
  const port = new MemoryAutomationPort(schedules);
  const clock = new ManualClock(ny('2026-11-04T09:58'));
  const mailer = new RecordingMailer(clock);
  const t = port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
  port.specialistSets(t.id, 'awaiting_reply', ny('2026-11-02T10:00')); // reminder 1 due 2026-11-04 10:00
  const start = (nodeId: string) => startAutomationLoop({ port, clock, mailer, log: silentLog, nodeId, intervalMs: MINUTE });
  return { port, clock, mailer, start };
}

describe('startAutomationLoop', () => {
  it('runs a pass every interval and sends a reminder on the first pass after it is due', async () => {
    const s = setup();
    const loop = s.start('node-a');
    expect(s.clock.advance(MINUTE)).toBe(1); // 09:59: nothing due
    await loop.runNow();
    await settle();
    expect(s.mailer.sent).toEqual([]);
    expect(s.clock.advance(MINUTE)).toBe(1); // 10:00
    await loop.runNow();
    await settle();
    expect(s.mailer.sent.map((m) => [m.kind, m.at])).toEqual([['reminder', ny('2026-11-04T10:00')]]);
    await loop.stop();
  });

  it('stops re-arming after stop, and a loop started later on another node picks up the jobs from the store', async () => {
    const s = setup();
    const first = s.start('node-a');
    await first.stop();
    expect(s.clock.advance(10 * MINUTE)).toBe(0);
    expect(s.mailer.sent).toEqual([]);

    const second = s.start('node-b');
    expect(s.clock.advance(MINUTE)).toBe(1);
    await second.runNow();
    await settle();
    expect(s.mailer.sent.map((m) => m.kind)).toEqual(['reminder']);
    expect(s.port.jobsOf(1)[0]).toMatchObject({ claimedBy: 'node-b', outcome: 'done' });
    await second.stop();
  });

  it('joins a pass in progress instead of starting a second one on the same node', async () => {
    const s = setup();
    s.clock.set(ny('2026-11-04T10:00'));
    const loop = s.start('node-a');
    const [a, b] = await Promise.all([loop.runNow(), loop.runNow()]);
    expect(a).toBe(b);
    expect(a.remindersSent).toBe(1);
    await loop.stop();
  });
});
