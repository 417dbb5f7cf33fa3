// The suite's world, written before any node starts: two departments open all week, specialists with known
// passwords, and tickets waiting for the customer whose reminders fall due while the faults go on.
import { randomUUID } from 'node:crypto';
import type { Schedule } from '../../../src-shared/business-hours';
import type { Db, DialectName } from '../../../src-server/db/schema';
import { migrate } from '../../../src-server/db/migrations';
import { upsertDepartment } from '../../../src-server/db/departments';
import { insertSpecialist } from '../../../src-server/db/specialists';
import { insertTicket } from '../../../src-server/db/tickets';
import { insertJobs } from '../../../src-server/db/automation-jobs';
import { planTicketJobs } from '../../../src-server/automation/ticket-jobs';
import { hashPassword } from '../../../src-server/auth/passwords';
import { makeTicket } from '../../support/entity-factories';

export const DEPARTMENTS = ['faults-a', 'faults-b'] as const;
export const PASSWORD = 'fault-suite-password';
const ALWAYS_OPEN: Schedule = { zone: 'UTC', weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '24:00' })), holidays: [] };

export interface SeededSpecialist {
  id: string;
  email: string;
  departmentIds: string[];
}

export interface SeededWorld {
  specialists: SeededSpecialist[];
  /** Ticket id → when its first reminder was made due (the second one follows `reminderGapMs` later). */
  remindedTickets: Map<number, number>;
}

/**
 * `remindersFrom`..`remindersUntil`: the span over which the tickets' first reminders fall due. Their real due
 * dates (business days away) are moved into that span; the rest of the plan (auto-solve) keeps its real date, so
 * the runner re-checks status and stamp as it does in production and nothing supersedes a reminder.
 */
export async function seedWorld(
  db: Db,
  dialect: DialectName,
  opts: { specialists: number; remindedTickets: number; remindersFrom: number; remindersUntil: number; reminderGapMs: number },
): Promise<SeededWorld> {
  const now = Date.now();
  await migrate(db, dialect, now);
  for (const [position, id] of DEPARTMENTS.entries()) {
    await upsertDepartment(db, { id, name: `Faults ${id.slice(-1).toUpperCase()}`, description: '', schedule: ALWAYS_OPEN, routing: 'auto', product: null, position });
  }
  const hash = await hashPassword(PASSWORD);
  const specialists: SeededSpecialist[] = [];
  for (let i = 0; i < opts.specialists; i++) {
    // The first two serve one department each, the others both: scopes overlap and differ.
    const departmentIds = i < 2 ? [DEPARTMENTS[i % 2]!] : [...DEPARTMENTS];
    const s = { id: randomUUID(), email: `specialist${i}@faults.test`, departmentIds };
    await insertSpecialist(db, { ...s, displayName: `Specialist ${i}`, role: 'agent', maxConcurrentChats: 12, passwordHash: hash, now });
    specialists.push(s);
  }
  const remindedTickets = new Map<number, number>();
  for (let i = 0; i < opts.remindedTickets; i++) {
    const { id: _id, ...ticket } = makeTicket({
      subject: `Waiting for you ${i}`,
      status: 'awaiting_reply',
      channel: 'email',
      departmentId: DEPARTMENTS[i % 2]!,
      requesterEmail: `reminded${i}@faults.test`,
      createdAt: now,
      updatedAt: now,
    });
    const t = await insertTicket(db, { ...ticket, clientId: randomUUID() });
    const first = opts.remindersFrom + Math.round(((opts.remindersUntil - opts.remindersFrom) * i) / Math.max(1, opts.remindedTickets - 1));
    const jobs = planTicketJobs({ id: t.id, status: 'awaiting_reply', statusSince: now }, ALWAYS_OPEN).map((j) =>
      j.kind === 'reminder' ? { ...j, dueAt: first + (j.ordinal - 1) * opts.reminderGapMs } : j,
    );
    await insertJobs(db, jobs);
    remindedTickets.set(t.id, first);
  }
  return { specialists, remindedTickets };
}
