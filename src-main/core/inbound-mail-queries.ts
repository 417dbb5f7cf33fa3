// The email channel as the console reads it: a ticket's original mails with their headers, the inbound mail list
// and one mail, and "process again". Online only, nothing cached: headers and raw sources are looked at now and
// then, on request, and a stale copy of a mail's status would mislead an admin deciding whether to retry it. Every
// answer is parsed with its shared schema by the sync engine before it gets here.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ConsoleResults, consoleMethods } from '../../src-shared/console-api';
import { err, type Result } from '../../src-shared/result';
import type { AgentAnswer, AgentAnswerEvent } from '../../src-shared/protocol/agent-answers';

type MailMethod = 'listTicketMail' | 'listInboundMail' | 'getInboundMail' | 'retryInboundMail';
type In<M extends MailMethod> = z.output<(typeof consoleMethods)[M]>;
type Out<M extends MailMethod> = Promise<Result<ConsoleResults[M]>>;

/** What the mail views say when there is no connection. */
export const MAIL_OFFLINE = 'You are offline — mail details need a connection';

export interface InboundMailQueryDeps {
  /** The live connection, or null before sign-in. */
  engine: () => {
    isConnected(): boolean;
    request<E extends AgentAnswerEvent>(event: E, payload: unknown): Promise<Result<AgentAnswer<E>>>;
  } | null;
  /** Client ids (tests pass their own). */
  newId?: () => string;
}

export function createInboundMailQueries(deps: InboundMailQueryDeps) {
  const newId = deps.newId ?? randomUUID;
  /** Asks the server now, or answers `offline` without asking. */
  function ask<E extends AgentAnswerEvent>(event: E, payload: Record<string, unknown>): Promise<Result<AgentAnswer<E>>> {
    const engine = deps.engine();
    if (!engine?.isConnected()) return Promise.resolve(err('offline', MAIL_OFFLINE));
    return engine.request(event, payload);
  }
  return {
    listTicketMail: (input: In<'listTicketMail'>): Out<'listTicketMail'> => ask('ticket:mail', input),
    listInboundMail: (input: In<'listInboundMail'>): Out<'listInboundMail'> => ask('inbound:list', input),
    getInboundMail: (input: In<'getInboundMail'>): Out<'getInboundMail'> => ask('inbound:get', input),
    // A fresh client id per press: a second press after a lost answer is a second request the admin chose to make
    // (the server processes a mail that is already on a ticket no further).
    retryInboundMail: (input: In<'retryInboundMail'>): Out<'retryInboundMail'> => ask('inbound:retry', { clientId: newId(), ...input }),
  };
}
