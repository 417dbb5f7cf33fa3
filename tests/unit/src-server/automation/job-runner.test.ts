import { describe, expect, it } from 'vitest';
import { AUTO_SOLVED_RESOLUTION_ID } from '../../../../src-shared/resolution-catalog';
import { runDueJobs, type RunDeps, type RunReport } from '../../../../src-server/automation/job-runner';
import { MemoryAutomationPort } from './memory-automation-port';
import { ManualClock, RecordingMailer, ny, nyText, schedules, silentLog } from './fixtures';

const HOUR = 3_600_000;

function setup(start: number) {
  const port = new MemoryAutomationPort(schedules);
  const clock = new ManualClock(start);
  const mailer = new RecordingMailer(clock);
  port.onQueued = (m) => mailer.queued(m);
  const deps = (nodeId = 'node-a'): RunDeps => ({ port, clock, mailer, log: silentLog, nodeId });
  /** Runs one pass per hour of real time from `from` through `to`, like the loop on a node. */
  const runHourly = async (from: number, to: number, nodes: string[] = ['node-a']) => {
    const reports: RunReport[] = [];
    for (let t = from; t <= to; t += HOUR) {
      clock.set(t);
      reports.push(...(await Promise.all(nodes.map((n) => runDueJobs(deps(n))))));
    }
    return reports;
  };
  const mails = () => mailer.sent.map((m) => (m.kind === 'reminder' ? `reminder ${m.ordinal}/${m.of} #${m.ticketId} ${nyText(m.at)}` : `auto_solved #${m.ticketId} ${nyText(m.at)}`));
  return { port, clock, mailer, deps, runHourly, mails };
}

describe('runDueJobs', () => {
  it('walks a ticket through both reminders across a weekend and the DST fall-back to auto-solve, then closes it 28 days later', async () => {
    const s = setup(ny('2026-10-26T09:30'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-10-26T09:30'));
    s.port.specialistSets(t.id, 'awaiting_reply', ny('2026-10-30T14:00'));

    await s.runHourly(ny('2026-10-30T14:00'), ny('2026-12-08T13:00'));
    expect(s.mails()).toEqual([
      `reminder 1/2 #${t.id} 2026-11-03T14:00 -05:00`,
      `reminder 2/2 #${t.id} 2026-11-06T14:00 -05:00`,
      `auto_solved #${t.id} 2026-11-10T14:00 -05:00`,
    ]);
    expect(s.port.ticket(t.id)).toMatchObject({ status: 'solved', solvedAt: ny('2026-11-10T14:00'), resolution: { typeId: AUTO_SOLVED_RESOLUTION_ID } });
    // The reminder text can promise the day of the auto-solve.
    expect(s.mailer.sent[0]).toMatchObject({ autoSolveAt: ny('2026-11-10T14:00') });

    await s.runHourly(ny('2026-12-08T14:00'), ny('2026-12-08T14:00'));
    expect(s.port.ticket(t.id)).toMatchObject({ status: 'closed', closedAt: ny('2026-12-08T14:00') });
    expect(s.port.audit.filter((a) => a.field === 'status').map((a) => [a.actorKind, a.from, a.to])).toEqual([
      ['system', 'awaiting_reply', 'solved'],
      ['system', 'solved', 'closed'],
    ]);
    expect(s.port.jobsOf(t.id).map((j) => [j.kind, j.ordinal, j.outcome])).toEqual([
      ['reminder', 1, 'done'],
      ['reminder', 2, 'done'],
      ['auto_solve', 1, 'done'],
      ['auto_close', 1, 'done'],
    ]);
  });

  it('skips Thanksgiving when counting the business days of reminders and auto-solve', async () => {
    const s = setup(ny('2026-11-24T10:00'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-20T10:00'));
    s.port.specialistSets(t.id, 'awaiting_reply', ny('2026-11-24T10:00'));
    await s.runHourly(ny('2026-11-24T10:00'), ny('2026-12-04T12:00'));
    expect(s.mails()).toEqual([
      `reminder 1/2 #${t.id} 2026-11-27T10:00 -05:00`,
      `reminder 2/2 #${t.id} 2026-12-02T10:00 -05:00`,
      `auto_solved #${t.id} 2026-12-04T10:00 -05:00`,
    ]);
  });

  it('stops the countdown when the customer replies: the ticket is Open again and no later reminder or auto-solve happens', async () => {
    const s = setup(ny('2026-11-02T10:00'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
    s.port.specialistSets(t.id, 'awaiting_reply', ny('2026-11-02T10:00'));
    await s.runHourly(ny('2026-11-02T10:00'), ny('2026-11-05T09:00'));
    expect(s.mailer.sent.map((m) => m.kind)).toEqual(['reminder']);

    expect(s.port.customerReplies(t.id, ny('2026-11-05T09:30')).kind).toBe('reopen');
    await s.runHourly(ny('2026-11-05T10:00'), ny('2026-11-20T10:00'));
    expect(s.mailer.sent.map((m) => m.kind)).toEqual(['reminder']);
    expect(s.port.ticket(t.id).status).toBe('open');
    expect(s.port.jobsOf(t.id).map((j) => j.outcome)).toEqual(['done', 'stale', 'stale']);
  });

  it('does not close a Solved ticket that the customer reopened by replying', async () => {
    const s = setup(ny('2026-11-02T10:00'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
    s.port.specialistSets(t.id, 'solved', ny('2026-11-02T10:00'));
    s.port.customerReplies(t.id, ny('2026-11-10T10:00'));
    await s.runHourly(ny('2026-11-30T09:00'), ny('2026-11-30T12:00'));
    expect(s.port.ticket(t.id)).toMatchObject({ status: 'open', closedAt: null });
    expect(s.port.jobsOf(t.id).map((j) => [j.kind, j.outcome])).toEqual([['auto_close', 'stale']]);
  });

  it('answers a reply to a ticket it closed with a linked follow-up ticket', async () => {
    const s = setup(ny('2026-11-02T10:00'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
    s.port.specialistSets(t.id, 'solved', ny('2026-11-02T10:00'));
    await s.runHourly(ny('2026-11-30T09:00'), ny('2026-11-30T10:00'));
    expect(s.port.ticket(t.id).status).toBe('closed');

    const reply = s.port.customerReplies(t.id, ny('2026-12-03T08:00'));
    expect(reply.kind).toBe('follow_up');
    expect(reply.followUp).toMatchObject({ status: 'open', followUpOf: t.id });
    expect(s.port.ticket(t.id).status).toBe('closed');
  });

  it('executes every reminder and auto-solve exactly once when two nodes run at the same time on one store', async () => {
    const s = setup(ny('2026-11-02T10:00'));
    const ids = Array.from({ length: 20 }, (_, i) => {
      const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
      s.port.specialistSets(t.id, 'awaiting_reply', ny('2026-11-02T10:00') + i * 60_000);
      return t.id;
    });
    const reports = await s.runHourly(ny('2026-11-02T10:00'), ny('2026-11-12T10:00'), ['node-a', 'node-b']);

    for (const id of ids) {
      expect(s.mailer.sent.filter((m) => m.ticketId === id).map((m) => (m.kind === 'reminder' ? m.ordinal : m.kind))).toEqual([1, 2, 'auto_solved']);
      expect(s.port.ticket(id).status).toBe('solved');
    }
    const sum = (node: number, key: keyof RunReport) => reports.filter((_, i) => i % 2 === node).reduce((n, r) => n + r[key], 0);
    // Both nodes saw every due job and fought over each claim: one won, the other lost.
    expect(sum(0, 'due') + sum(1, 'due')).toBe(2 * 60);
    expect(sum(0, 'claimed') + sum(1, 'claimed')).toBe(60);
    expect(sum(0, 'lostClaims') + sum(1, 'lostClaims')).toBe(60);
    expect(sum(0, 'claimed')).toBeGreaterThan(0);
    expect(sum(1, 'claimed')).toBeGreaterThan(0);
  });

  it('retries a reminder whose email failed on the next run and sends it once', async () => {
    const s = setup(ny('2026-11-02T10:00'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
    s.port.specialistSets(t.id, 'awaiting_reply', ny('2026-11-02T10:00'));
    s.mailer.failNext = 1;
    const [failed, retried] = await s.runHourly(ny('2026-11-04T10:00'), ny('2026-11-04T11:00'));
    expect([failed?.failed, retried?.remindersSent]).toEqual([1, 1]);
    expect(s.mails()).toEqual([`reminder 1/2 #${t.id} 2026-11-04T11:00 -05:00`]);
  });

  it('takes over the job of a node that died after claiming it, once the claim lease has run out', async () => {
    const s = setup(ny('2026-11-04T10:00'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
    s.port.specialistSets(t.id, 'awaiting_reply', ny('2026-11-02T10:00'));
    const [job] = s.port.jobsOf(t.id);
    expect(await s.port.claimJob(job!.id, 'dead-node', ny('2026-11-04T10:00'))).toBe(true);

    s.clock.set(ny('2026-11-04T10:05'));
    expect((await runDueJobs(s.deps())).claimed).toBe(0);
    s.clock.set(ny('2026-11-04T10:11'));
    const report = await runDueJobs(s.deps());
    expect([report.expiredClaimsReleased, report.remindersSent]).toEqual([1, 1]);
  });

  it('lets a customer reply that lands between the decision and the write win over the auto-solve', async () => {
    const s = setup(ny('2026-11-11T10:00'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
    s.port.specialistSets(t.id, 'awaiting_reply', ny('2026-11-02T10:00'));
    await s.runHourly(ny('2026-11-04T10:00'), ny('2026-11-09T10:00'));
    s.port.beforeApply = () => {
      s.port.beforeApply = null;
      s.port.customerReplies(t.id, ny('2026-11-11T10:00'));
    };
    const report = await runDueJobs({ ...s.deps(), clock: { now: () => ny('2026-11-11T10:00') } });
    expect([report.autoSolved, report.stale]).toEqual([0, 1]);
    expect(s.port.ticket(t.id)).toMatchObject({ status: 'open', resolution: null });
    expect(s.mailer.sent.map((m) => m.kind)).toEqual(['reminder', 'reminder']);
  });

  it('after downtime past the auto-solve day, auto-solves without sending the missed reminders', async () => {
    const s = setup(ny('2026-11-12T10:00'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
    s.port.specialistSets(t.id, 'awaiting_reply', ny('2026-11-02T10:00'));
    const report = await runDueJobs(s.deps());
    expect(report).toMatchObject({ due: 3, remindersSent: 0, autoSolved: 1, stale: 2 });
    expect(s.mails()).toEqual([`auto_solved #${t.id} 2026-11-12T10:00 -05:00`]);
    expect(s.port.jobsOf(t.id).map((j) => [j.kind, j.outcome])).toEqual([
      ['reminder', 'superseded'],
      ['reminder', 'superseded'],
      ['auto_solve', 'done'],
      ['auto_close', null],
    ]);
  });

  it('marks the jobs of a deleted ticket stale', async () => {
    const s = setup(ny('2026-11-04T10:00'));
    const t = s.port.addTicket({ departmentId: 'av-media' }, ny('2026-11-02T09:00'));
    s.port.specialistSets(t.id, 'awaiting_reply', ny('2026-11-02T10:00'));
    s.port.tickets.delete(t.id);
    expect(await runDueJobs(s.deps())).toMatchObject({ claimed: 1, stale: 1, remindersSent: 0 });
  });
});
