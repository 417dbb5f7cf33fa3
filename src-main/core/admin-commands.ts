// Administration from the console: departments, accounts, canned responses and the notice banner. Online only —
// never queued in the outbox: an admin who changes hours offline must hear "not saved" at once, not find out later
// that a stale edit went out on reconnect. Each write carries a fresh client id (a retry after a lost ack is a new
// command the admin chose to send); the sync engine parses every answer with its shared schema, and what an
// answer changed is cached and announced before the matching log event arrives.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ConsoleEvents, ConsoleResults, consoleMethods } from '../../src-shared/console-api';
import { err, type Result } from '../../src-shared/result';
import type { AgentAnswer, AgentAnswerEvent } from '../../src-shared/protocol/agent-answers';
import type { Cache } from './cache/open-cache';

type AdminMethod =
  | 'getAdmin'
  | 'createDepartment'
  | 'updateDepartment'
  | 'reorderDepartments'
  | 'createSpecialist'
  | 'updateSpecialist'
  | 'resetPassword'
  | 'saveCanned'
  | 'deleteCanned'
  | 'setNotice';
type In<M extends AdminMethod> = z.output<(typeof consoleMethods)[M]>;
type Out<M extends AdminMethod> = Promise<Result<ConsoleResults[M]>>;

/** What the admin screens show when there is no connection (they say it as is). */
export const ADMIN_OFFLINE = 'You are offline — administration needs a connection';

export interface AdminCommandDeps {
  cache: Cache;
  /** The live connection, or null before sign-in. */
  engine: () => {
    isConnected(): boolean;
    request<E extends AgentAnswerEvent>(event: E, payload: unknown): Promise<Result<AgentAnswer<E>>>;
  } | null;
  emit: <E extends 'departments' | 'specialists' | 'canned'>(event: E, payload: ConsoleEvents[E]) => void;
  /** Client ids (tests pass their own). */
  newId?: () => string;
}

export function createAdminCommands(deps: AdminCommandDeps) {
  const { cache, emit } = deps;
  const newId = deps.newId ?? randomUUID;

  /** Asks the server now, or answers `offline` without asking when there is no connection. */
  function ask<E extends AgentAnswerEvent>(event: E, payload: Record<string, unknown>): Promise<Result<AgentAnswer<E>>> {
    const engine = deps.engine();
    if (!engine?.isConnected()) return Promise.resolve(err('offline', ADMIN_OFFLINE));
    return engine.request(event, payload);
  }
  /** A write: the same, with a fresh client id. */
  const write = <E extends AgentAnswerEvent>(event: E, input: object) => ask(event, { clientId: newId(), ...input });

  function departmentsChanged(list: readonly ConsoleResults['createDepartment'][]): void {
    cache.transaction(() => {
      for (const d of list) cache.departments.upsert(d);
    });
    emit('departments', { ids: list.map((d) => d.id) });
  }
  function specialistChanged(s: ConsoleResults['updateSpecialist']): void {
    cache.specialists.upsert(s);
    emit('specialists', { ids: [s.id] });
  }

  return {
    getAdmin: (_input: In<'getAdmin'>): Out<'getAdmin'> => ask('admin:get', {}),

    async createDepartment(input: In<'createDepartment'>): Out<'createDepartment'> {
      const r = await write('department:create', input);
      if (r.ok) departmentsChanged([r.value]);
      return r;
    },
    async updateDepartment(input: In<'updateDepartment'>): Out<'updateDepartment'> {
      const r = await write('department:update', input);
      if (r.ok) departmentsChanged([r.value]);
      return r;
    },
    async reorderDepartments(input: In<'reorderDepartments'>): Out<'reorderDepartments'> {
      const r = await write('department:reorder', input);
      if (r.ok) departmentsChanged(r.value);
      return r;
    },

    async createSpecialist(input: In<'createSpecialist'>): Out<'createSpecialist'> {
      const r = await write('specialist:create', input);
      if (r.ok) specialistChanged(r.value.specialist);
      return r;
    },
    async updateSpecialist(input: In<'updateSpecialist'>): Out<'updateSpecialist'> {
      const r = await write('specialist:update', input);
      if (r.ok) specialistChanged(r.value);
      return r;
    },
    async resetPassword(input: In<'resetPassword'>): Out<'resetPassword'> {
      const r = await write('specialist:reset-password', input);
      if (r.ok) specialistChanged(r.value.specialist);
      return r;
    },

    async saveCanned(input: In<'saveCanned'>): Out<'saveCanned'> {
      const r = await write('canned:save', input);
      if (r.ok) {
        cache.canned.upsert(r.value);
        emit('canned', { ids: [r.value.id] });
      }
      return r;
    },
    async deleteCanned(input: In<'deleteCanned'>): Out<'deleteCanned'> {
      const r = await write('canned:delete', input);
      if (r.ok) {
        cache.canned.remove(input.cannedId);
        emit('canned', { ids: [input.cannedId] });
      }
      return r;
    },

    setNotice: (input: In<'setNotice'>): Out<'setNotice'> => write('notice:set', input),
  };
}
export type AdminCommands = ReturnType<typeof createAdminCommands>;
