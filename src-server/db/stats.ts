// Aggregates for the lead dashboard (stats:get): one grouped query per figure, over the whole history in the database.
import { sql } from 'kysely';
import type { Db } from './schema';

export interface DepartmentCounts {
  waiting: Map<string, { count: number; since: number | null }>;
  inProgress: Map<string, number>;
  specialistsOnline: Map<string, number>;
  chatsToday: Map<string, number>;
  avgWaitMs: Map<string, number>;
  avgFirstResponseMs: Map<string, number>;
  missedToday: Map<string, number>;
  ticketsByStatus: Map<string, Map<string, number>>;
}

const byDept = (rows: { department_id: string; n: unknown }[]) => new Map(rows.map((r) => [r.department_id, Number(r.n)]));

/** Figures per department for the window [from, to]. */
export async function departmentCounts(db: Db, from: number, to: number): Promise<DepartmentCounts> {
  const c = () => db.selectFrom('conversations').select('department_id').groupBy('department_id');
  const [waiting, inProgress, online, chats, waits, firsts, missed, tickets] = await Promise.all([
    c()
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('queued_at').as('since')])
      .where('state', '=', 'queued')
      .execute(),
    c()
      .select((eb) => eb.fn.countAll().as('n'))
      .where('state', 'in', ['assigned', 'active'])
      .execute(),
    db
      .selectFrom('specialist_departments as sd')
      .innerJoin('specialists as s', 's.id', 'sd.specialist_id')
      .select((eb) => ['sd.department_id', eb.fn.countAll().as('n')])
      .where('s.status', '=', 'online')
      .groupBy('sd.department_id')
      .execute(),
    c()
      .select((eb) => eb.fn.countAll().as('n'))
      .where('queued_at', '>=', from)
      .where('queued_at', '<=', to)
      .execute(),
    c()
      .select(sql<number>`avg(assigned_at - queued_at)`.as('n'))
      .where('assigned_at', '>=', from)
      .where('assigned_at', '<=', to)
      .execute(),
    c()
      .select(sql<number>`avg(first_response_at - queued_at)`.as('n'))
      .where('first_response_at', '>=', from)
      .where('first_response_at', '<=', to)
      .execute(),
    c()
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ended_at', '>=', from)
      .where('ended_at', '<=', to)
      .where('assigned_at', 'is', null)
      .execute(),
    db
      .selectFrom('tickets')
      .select((eb) => ['department_id', 'status', eb.fn.countAll().as('n')])
      .groupBy(['department_id', 'status'])
      .execute(),
  ]);
  const ticketsByStatus = new Map<string, Map<string, number>>();
  for (const t of tickets) {
    const m = ticketsByStatus.get(t.department_id) ?? new Map<string, number>();
    m.set(t.status, Number(t.n));
    ticketsByStatus.set(t.department_id, m);
  }
  return {
    waiting: new Map(waiting.map((r) => [r.department_id, { count: Number(r.n), since: r.since === null ? null : Number(r.since) }])),
    inProgress: byDept(inProgress),
    specialistsOnline: byDept(online),
    chatsToday: byDept(chats),
    avgWaitMs: byDept(waits),
    avgFirstResponseMs: byDept(firsts),
    missedToday: byDept(missed),
    ticketsByStatus,
  };
}

export interface SpecialistLoadRow {
  id: string;
  displayName: string;
  status: string;
  activeChats: number;
  maxConcurrentChats: number;
}

export async function specialistLoads(db: Db): Promise<SpecialistLoadRow[]> {
  const rows = await db
    .selectFrom('specialists as s')
    .leftJoin('conversations as c', (j) => j.onRef('c.specialist_id', '=', 's.id').on('c.state', 'in', ['assigned', 'active']))
    .select((eb) => ['s.id', 's.display_name', 's.status', 's.max_concurrent_chats', eb.fn.count('c.id').as('n')])
    .groupBy(['s.id', 's.display_name', 's.status', 's.max_concurrent_chats'])
    .orderBy('s.display_name')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, status: r.status, activeChats: Number(r.n), maxConcurrentChats: Number(r.max_concurrent_chats) }));
}

export interface ChatSpan {
  queuedAt: number;
  assignedAt: number | null;
  endedAt: number | null;
}

/**
 * The chats the hourly buckets count: queued, assigned or ended since `from`, or waiting now. (Chats assigned
 * before `from` and still open play no part.) Each branch has its own index, so the query reads
 * today's rows, not the history.
 */
export async function chatSpans(db: Db, from: number): Promise<ChatSpan[]> {
  // A union rather than one OR: without ANALYZE statistics SQLite scans the table for the OR.
  const part = () => db.selectFrom('conversations').select(['id', 'queued_at', 'assigned_at', 'ended_at']);
  const rows = await part()
    .where('queued_at', '>=', from)
    .union(part().where('assigned_at', '>=', from))
    .union(part().where('ended_at', '>=', from))
    .union(part().where('state', '=', 'queued'))
    .execute();
  return rows.map((r) => ({
    queuedAt: Number(r.queued_at),
    assignedAt: r.assigned_at === null ? null : Number(r.assigned_at),
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
  }));
}
