// Articles beside an open chat (`help:suggest`): published articles matching the words, for any specialist.
import type { Result } from '../../src-shared/result';
import type { AgentCommand } from '../../src-shared/protocol/agent';
import type { HelpSearchHit } from '../../src-shared/help-center';
import type { AgentActor, ServerContext } from '../context';
import { searchHelp } from '../db/help-search';

export async function suggestForAgent(ctx: Pick<ServerContext, 'db' | 'dialect'>, _actor: AgentActor, input: AgentCommand<'help:suggest'>): Promise<Result<HelpSearchHit[]>> {
  const { hits } = await searchHelp(ctx.db, ctx.dialect, { query: input.query, limit: input.limit, offset: 0, match: 'any' });
  return { ok: true, value: hits };
}
