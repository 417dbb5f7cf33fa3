// Shared fixtures of the automation tests: the New York schedule with Thanksgiving, a settable clock, a recording mailer.
import { DateTime } from 'luxon';
import { pino } from 'pino';
import type { Schedule } from '../../../../src-shared/business-hours';
import { ok } from '../../../../src-shared/result';
import type { Ticket } from '../../../../src-shared/ticket';
import type { Clock } from '../../../../src-server/clock';
import type { AutomationMailer, ReminderMail } from '../../../../src-server/automation/job-runner';
import type { AutomationOutgoingMail } from '../../../../src-server/automation/automation-mail';
import { makeTicket as validTicket } from '../../../support/entity-factories';

export const NY = 'America/New_York';

/** Mon–Fri 9–19 New York, Thanksgiving 2026 closed. */
export const nySchedule: Schedule = {
  zone: NY,
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '19:00' })),
  holidays: ['2026-11-26'],
};

export const schedules = new Map([['av-media', nySchedule]]);

/** An instant from a New York wall-clock time, e.g. ny('2026-10-30T14:00'). */
export const ny = (local: string): number => {
  const dt = DateTime.fromISO(local, { zone: NY });
  if (!dt.isValid) throw new Error(`bad time ${local}`);
  return dt.toMillis();
};

/** The New York wall-clock time of an instant with its offset, so a failing assertion shows the DST side. */
export const nyText = (instant: number): string => DateTime.fromMillis(instant, { zone: NY }).toFormat("yyyy-MM-dd'T'HH:mm ZZ");

export const silentLog = pino({ level: 'silent' });

/** A clock tests move by hand; timers fire when `advance` passes their deadline. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(instant: number): void {
    this.current = instant;
  }
  setTimer(ms: number, fn: () => void) {
    const timer = { at: this.current + ms, fn, live: true };
    this.timers.push(timer);
    return { cancel: () => void (timer.live = false) };
  }
  /** Moves time forward, firing due timers in deadline order; returns how many fired. */
  advance(ms: number): number {
    const target = this.current + ms;
    let fired = 0;
    for (;;) {
      const next = this.timers.filter((t) => t.live && t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      next.live = false;
      this.current = next.at;
      next.fn();
      fired++;
    }
    this.timers = this.timers.filter((t) => t.live);
    this.current = target;
    return fired;
  }
}

export type SentMail =
  | { kind: 'reminder'; ticketId: number; ordinal: number; of: number; autoSolveAt: number; at: number }
  | { kind: 'auto_solved'; ticketId: number; at: number };

/** Records what automation would email, with the instant by `clock`; `failNext` makes the next n sends fail. */
export class RecordingMailer implements AutomationMailer {
  readonly sent: SentMail[] = [];
  failNext = 0;
  constructor(private readonly clock: { now(): number }) {}
  async sendReminder(input: ReminderMail) {
    if (this.failNext > 0) {
      this.failNext--;
      return { ok: false as const, error: { code: 'unavailable' as const, message: 'smtp down' } };
    }
    this.sent.push({ kind: 'reminder', ticketId: input.ticket.id, ordinal: input.ordinal, of: input.of, autoSolveAt: input.autoSolveAt, at: this.clock.now() });
    return ok(undefined);
  }
  autoSolvedNotice(input: { ticket: Ticket }): AutomationOutgoingMail {
    return { key: `auto_solved:${input.ticket.id}`, kind: 'ticket_update', to: input.ticket.requesterEmail, subject: 'solved', text: '', ticketId: input.ticket.id };
  }
  /** The port queued the notice with the solve: record it as sent now. */
  queued(mail: AutomationOutgoingMail): void {
    this.sent.push({ kind: 'auto_solved', ticketId: mail.ticketId, at: this.clock.now() });
  }
}

/** A valid ticket of the AV Media department; override what the test is about. */
export function makeTicket(fields: Partial<Ticket> = {}): Ticket {
  return validTicket({
    id: 42,
    subject: 'Cannot export the media plan',
    channel: 'email',
    departmentId: 'av-media',
    requesterEmail: 'buyer@example.com',
    ccs: ['planner@example.com'],
    context: { eid: 'ev-7' },
    category: 'other_technical',
    assigneeId: '6f1c8f7e-6b7a-4b53-9b43-3e0d7c9a2b11',
    createdAt: ny('2026-10-26T09:30'),
    updatedAt: ny('2026-10-26T09:30'),
    ...fields,
  });
}
