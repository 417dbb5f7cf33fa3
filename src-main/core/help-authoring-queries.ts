// The help center as the console authors it (leads and admins) and suggests it beside a chat (anyone): the tree,
// sections, article drafts, publish and unpublish, suggestions. Online only, nothing cached, like administration: an
// author must never believe a draft was saved when it sits in an outbox, and two authors' revisions are ordered by
// the server (`baseRevision`), not by whichever console reconnects first. Answers are parsed by the sync engine.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ConsoleResults, consoleMethods } from '../../src-shared/console-api';
import { err, type Result } from '../../src-shared/result';
import type { AgentAnswer, AgentAnswerEvent } from '../../src-shared/protocol/agent-answers';

type HelpMethod =
  | 'getHelpTree'
  | 'saveHelpSection'
  | 'getHelpArticle'
  | 'createHelpArticle'
  | 'saveHelpArticle'
  | 'publishHelpArticle'
  | 'unpublishHelpArticle'
  | 'suggestHelp';
type In<M extends HelpMethod> = z.output<(typeof consoleMethods)[M]>;
type Out<M extends HelpMethod> = Promise<Result<ConsoleResults[M]>>;

/** What the help center screens say when there is no connection. */
export const HELP_OFFLINE = 'You are offline — the help center needs a connection';
/** A save refused because someone saved a newer revision since this editor opened the article. */
export const HELP_SAVE_CONFLICT = 'Someone else saved this article since you opened it. Reload to see their version; your text stays in the editor until you do.';

export interface HelpQueryDeps {
  /** The live connection, or null before sign-in. */
  engine: () => {
    isConnected(): boolean;
    request<E extends AgentAnswerEvent>(event: E, payload: unknown): Promise<Result<AgentAnswer<E>>>;
  } | null;
  /** Client ids (tests pass their own). */
  newId?: () => string;
}

export function createHelpAuthoringQueries(deps: HelpQueryDeps) {
  const newId = deps.newId ?? randomUUID;
  /** Asks the server now, or answers `offline` without asking. */
  function ask<E extends AgentAnswerEvent>(event: E, payload: Record<string, unknown>): Promise<Result<AgentAnswer<E>>> {
    const engine = deps.engine();
    if (!engine?.isConnected()) return Promise.resolve(err('offline', HELP_OFFLINE));
    return engine.request(event, payload);
  }
  // Writes carry a fresh client id per press: a second press after a lost answer is a second request the author chose
  // to make, and the server's `baseRevision` check stops it from silently stacking a duplicate revision.
  const write = <E extends AgentAnswerEvent>(event: E, input: object) => ask(event, { clientId: newId(), ...input });
  return {
    getHelpTree: (input: In<'getHelpTree'>): Out<'getHelpTree'> => ask('help:tree', input),
    saveHelpSection: (input: In<'saveHelpSection'>): Out<'saveHelpSection'> => write('help:section:save', input),
    getHelpArticle: (input: In<'getHelpArticle'>): Out<'getHelpArticle'> => ask('help:article:get', input),
    createHelpArticle: (input: In<'createHelpArticle'>): Out<'createHelpArticle'> => write('help:article:create', input),
    async saveHelpArticle(input: In<'saveHelpArticle'>): Out<'saveHelpArticle'> {
      const r = await write('help:article:save', input);
      // The server's wording names the revision numbers; the author needs to know what happened and what to do.
      if (!r.ok && r.error.code === 'conflict') return err('conflict', HELP_SAVE_CONFLICT);
      return r;
    },
    publishHelpArticle: (input: In<'publishHelpArticle'>): Out<'publishHelpArticle'> => write('help:article:publish', input),
    unpublishHelpArticle: (input: In<'unpublishHelpArticle'>): Out<'unpublishHelpArticle'> => write('help:article:unpublish', input),
    suggestHelp: (input: In<'suggestHelp'>): Out<'suggestHelp'> => ask('help:suggest', input),
  };
}
