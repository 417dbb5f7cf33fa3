// An admin's "process this mail again" (after fixing what made it fail): idempotent by client id like every command.
import { err, ok, type Result } from '../../src-shared/result';
import type { InboundMailSummary } from '../../src-shared/inbound-mail';
import type { AgentActor, ServerContext } from '../context';
import { getInboundMail } from '../db/inbound-mail';
import { findCommandResult, saveCommandResult } from '../db/command-results';
import type { InboundProcessor } from './inbound-processor';

/**
 * Only a mail that failed or still waits is processed again; a processed or ignored one already did what it could
 * (processing it again could make a second ticket). The answer is remembered only after processing, so a retry
 * of the command lost in transit returns the first answer instead of a `conflict`.
 */
export async function retryInbound(
  ctx: Pick<ServerContext, 'db' | 'writes' | 'clock'>,
  processor: Pick<InboundProcessor, 'process'>,
  actor: AgentActor,
  input: { clientId: string; inboundId: number },
): Promise<Result<InboundMailSummary>> {
  if (actor.role !== 'admin') return err('forbidden', 'Only admins process received mail again.');
  const key = `${actor.specialistId}:${input.clientId}`;
  const prior = await findCommandResult<InboundMailSummary>(ctx.db, key);
  if (prior !== undefined) return ok(prior);
  const mail = await getInboundMail(ctx.db, input.inboundId);
  if (!mail) return err('not_found', 'No such mail.');
  if (mail.status !== 'failed' && mail.status !== 'received') return err('conflict', `This mail was already ${mail.status}.`);
  const summary = await processor.process(input.inboundId, ['failed', 'received']);
  if (!summary) return err('not_found', 'No such mail.');
  await ctx.writes.run(async (trx) => {
    if ((await findCommandResult(trx, key)) === undefined) await saveCommandResult(trx, key, summary, ctx.clock.now());
  });
  return ok(summary);
}
