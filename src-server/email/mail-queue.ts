// Queuing a mail whose cause is already committed (automation: a claimed reminder job), as its own write, then
// waking this node's delivery. The key makes a repeat harmless: a job retried after a crash queues nothing new.
import type { ServerContext } from '../context';
import type { NewOutboxMail } from '../db/mail-outbox';
import { enqueueTicketMails } from './ticket-mail-headers';

export async function queueMailNow(ctx: ServerContext, mail: NewOutboxMail): Promise<void> {
  await ctx.writes.run((trx) => enqueueTicketMails(ctx, trx, [mail], ctx.clock.now()));
  ctx.mailOutbox.wake();
}
