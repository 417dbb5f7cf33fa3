// The event log: every change as one row with a monotonically increasing seq, plus the scope columns that decide who may read it.
import type { EventEnvelope, EventsPage, EventType, EventPayload } from '../../src-shared/events';
import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Db, EventsTable } from './schema';
import { flag } from './json';

/**
 * A hot-path statement written once per dialect. Building and compiling a Kysely query per message cost more
 * server CPU than SQLite running it (measured with the server bench's CPU profile), so the statements every
 * chat message runs skip the builder. Write them with `?` placeholders; PostgreSQL gets `$1…` once, here.
 */
export interface HotSql {
  sqlite: string;
  postgres: string;
}

export function hotSql(text: string): HotSql {
  let n = 0;
  return { sqlite: text, postgres: text.replace(/\?/g, () => `$${++n}`) };
}

export async function runHot<R>(db: Db, q: HotSql, params: readonly unknown[]): Promise<R[]> {
  const text = db.getExecutor().adapter instanceof PostgresAdapter ? q.postgres : q.sqlite;
  return (await db.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;
}

const INSERT_EVENT = hotSql(
  'insert into "events" ("at", "type", "payload_json", "conversation_id", "department_id", "specialist_id", "visitor_visible") values (?, ?, ?, ?, ?, ?, ?) returning "seq"',
);

export interface EventScope {
  conversationId: string | null;
  /** Agents of this department see it; null = every specialist. */
  departmentId: string | null;
  /** Also shown to this specialist regardless of departments (an assignee outside the department). */
  specialistId: string | null;
  /** The visitor of `conversationId` (or every visitor, when conversationId is null) sees it. */
  visitorVisible: boolean;
}

export interface LoggedEvent {
  envelope: EventEnvelope;
  scope: EventScope;
}

const toEnvelope = (r: Pick<EventsTable, 'type' | 'payload_json'> & { seq: number; at: number }): EventEnvelope =>
  ({ seq: Number(r.seq), at: Number(r.at), type: r.type, payload: JSON.parse(r.payload_json) }) as EventEnvelope;

export async function appendEvent<T extends EventType>(db: Db, type: T, payload: EventPayload<T>, at: number, scope: EventScope): Promise<LoggedEvent> {
  const [r] = await runHot<{ seq: number }>(db, INSERT_EVENT, [
    at,
    type,
    JSON.stringify(payload),
    scope.conversationId,
    scope.departmentId,
    scope.specialistId,
    flag(scope.visitorVisible),
  ]);
  if (!r) throw new Error('event insert returned no seq');
  return { envelope: { seq: Number(r.seq), at, type, payload } as EventEnvelope, scope };
}

function page(rows: { seq: number; at: number; type: string; payload_json: string }[], since: number, limit: number): EventsPage {
  const hasMore = rows.length > limit;
  const events = rows.slice(0, limit).map(toEnvelope);
  return { events, cursor: events[events.length - 1]?.seq ?? since, hasMore };
}

/** A visitor reads their own conversation's visitor-visible events and global visitor notices; never internal notes. */
export async function eventsForVisitor(db: Db, conversationId: string | null, since: number, limit: number): Promise<EventsPage> {
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'at', 'type', 'payload_json'])
    .where('seq', '>', since)
    .where('visitor_visible', '=', 1)
    .where((eb) => (conversationId ? eb.or([eb('conversation_id', '=', conversationId), eb('conversation_id', 'is', null)]) : eb('conversation_id', 'is', null)))
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  return page(rows, since, limit);
}

export interface AgentReadScope {
  all: boolean;
  departmentIds: readonly string[];
  specialistId: string;
}

export async function eventsForAgent(db: Db, scope: AgentReadScope, since: number, limit: number): Promise<EventsPage> {
  let q = db.selectFrom('events').select(['seq', 'at', 'type', 'payload_json']).where('seq', '>', since);
  if (!scope.all) {
    q = q.where((eb) =>
      eb.or([
        eb('department_id', 'is', null),
        eb('specialist_id', '=', scope.specialistId),
        ...(scope.departmentIds.length > 0 ? [eb('department_id', 'in', scope.departmentIds)] : []),
      ]),
    );
  }
  const rows = await q.orderBy('seq').limit(limit + 1).execute();
  return page(rows, since, limit);
}

export async function latestSeq(db: Db): Promise<number> {
  const r = await db.selectFrom('events').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
  return Number(r?.m ?? 0);
}

/** The system notice in force: the payload of the newest notice.updated event (null when none or cleared). */
export async function latestNotice(db: Db): Promise<EventPayload<'notice.updated'>['notice']> {
  const r = await db.selectFrom('events').select('payload_json').where('type', '=', 'notice.updated').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return r ? (JSON.parse(r.payload_json) as EventPayload<'notice.updated'>).notice : null;
}
