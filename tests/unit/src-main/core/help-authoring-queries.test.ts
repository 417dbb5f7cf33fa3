// The core's help center queries with the real parse layer: each ack goes through readAnswer with its event's answer
// schema (src-shared/protocol/agent-answers.ts), as the sync engine does with a real socket.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { createHelpAuthoringQueries, HELP_OFFLINE, HELP_SAVE_CONFLICT } from '../../../../src-main/core/help-authoring-queries';
import { readAnswer } from '../../../../src-main/core/sync/answer-check';
import { UNREADABLE_ANSWER } from '../../../../src-main/core/outbox-retry';
import { agentAnswerSchemas, type AgentAnswer, type AgentAnswerEvent } from '../../../../src-shared/protocol/agent-answers';
import type { HelpArticleDetail } from '../../../../src-shared/help-center';
import { err, type Result } from '../../../../src-shared/result';

const ARTICLE = '30000000-0000-4000-8000-000000000001';
const log = pino({ level: 'silent' });

const article = (revision: number): HelpArticleDetail => ({
  summary: { id: ARTICLE, sectionId: '20000000-0000-4000-8000-000000000001', slug: 'reset', title: 'Reset', status: 'draft', hasUnpublishedChanges: false, publishedAt: null, updatedAt: 1 },
  latest: { revision, title: 'Reset', body: 'Text', savedBy: '10000000-0000-4000-8000-000000000001', savedByName: 'Ada', savedAt: 1 },
  publishedRevision: null,
  revisions: [{ revision, title: 'Reset', savedBy: '10000000-0000-4000-8000-000000000001', savedByName: 'Ada', savedAt: 1 }],
  url: '/help/articles/reset',
});

/** A connection whose server acks with `ack(event, payload)`: the raw wire value, parsed as the sync engine parses it. */
function connected(ack: (event: string, payload: Record<string, unknown>) => unknown) {
  const asked: { event: string; payload: Record<string, unknown> }[] = [];
  const engine = {
    isConnected: () => true,
    async request<E extends AgentAnswerEvent>(event: E, payload: unknown): Promise<Result<AgentAnswer<E>>> {
      asked.push({ event, payload: payload as Record<string, unknown> });
      return readAnswer(agentAnswerSchemas[event], ack(event, payload as Record<string, unknown>), event, log) as Result<AgentAnswer<E>>;
    },
  };
  let ids = 0;
  return { help: createHelpAuthoringQueries({ engine: () => engine, newId: () => `client-${++ids}` }), asked };
}

describe('help center queries in the console core', () => {
  it('save with the base revision and a fresh client id, answering the server’s article as parsed', async () => {
    const { help, asked } = connected(() => ({ ok: true, value: article(4) }));
    const r = await help.saveHelpArticle({ articleId: ARTICLE, baseRevision: 3, draft: { title: 'Reset', body: 'Text' } });
    expect(r.ok && r.value.latest.revision).toBe(4);
    await help.publishHelpArticle({ articleId: ARTICLE });
    expect(asked).toEqual([
      { event: 'help:article:save', payload: { clientId: 'client-1', articleId: ARTICLE, baseRevision: 3, draft: { title: 'Reset', body: 'Text' } } },
      { event: 'help:article:publish', payload: { clientId: 'client-2', articleId: ARTICLE } },
    ]);
  });

  it('a save refused as a conflict says what happened and what to do, keeping the code', async () => {
    const { help } = connected(() => ({ ok: false, error: { code: 'conflict', message: 'revision 5 was saved after 3' } }));
    expect(await help.saveHelpArticle({ articleId: ARTICLE, baseRevision: 3, draft: { title: 'Reset', body: 'Text' } })).toEqual(err('conflict', HELP_SAVE_CONFLICT));
  });

  it('a conflict elsewhere (a taken slug) passes through with the server’s words', async () => {
    const { help } = connected(() => ({ ok: false, error: { code: 'conflict', message: 'The slug “reset” is taken in this section.' } }));
    const r = await help.createHelpArticle({ sectionId: '20000000-0000-4000-8000-000000000001', slug: 'reset', draft: { title: 'Reset', body: '' } });
    expect(r).toEqual(err('conflict', 'The slug “reset” is taken in this section.'));
  });

  it('an answer that is not an article is refused, never passed on', async () => {
    const { help } = connected(() => ({ ok: true, value: { ...article(2), latest: { revision: 'two' } } }));
    const r = await help.getHelpArticle({ articleId: ARTICLE });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe(UNREADABLE_ANSWER);
  });

  it('answer offline at once without asking when not connected', async () => {
    const asked: string[] = [];
    const engine = { isConnected: () => false, request: async (event: string) => (asked.push(event), err('internal', 'asked')) };
    const help = createHelpAuthoringQueries({ engine: () => engine as never });
    expect(await help.getHelpTree({})).toEqual(err('offline', HELP_OFFLINE));
    expect(await help.suggestHelp({ query: 'reset', limit: 3 })).toEqual(err('offline', HELP_OFFLINE));
    expect(await createHelpAuthoringQueries({ engine: () => null }).getHelpTree({})).toEqual(err('offline', HELP_OFFLINE));
    expect(asked).toEqual([]);
  });
});
