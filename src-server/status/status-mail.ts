// Status mail: when an incident starts or is resolved, one status_update mail per subscriber, queued in the
// transaction of the incident change (the change never commits without its mail, nor mail without the change).
import type { Incident } from '../../src-shared/incident';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import { enqueueMails, type NewOutboxMail } from '../db/mail-outbox';
import { subscribersPage } from '../db/status-subscriptions';
import { affectedText } from './status-view';
import { unsubscribePageUrl, unsubscribeToken, unsubscribeUrl } from './status-subscriptions';

export type StatusChange = 'opened' | 'resolved';

/**
 * Rows per INSERT: a mail_outbox row binds about a dozen values, and 200 rows stay far below SQLite's (32,766) and
 * PostgreSQL's (65,535) bound-parameter limits; subscribers are read a page at a time so memory stays flat too.
 */
export const STATUS_MAIL_BATCH = 200;

/** Plain text from the incident's public fields only (title, category, banner text, resolution note). */
export function statusMail(opts: { incident: Incident; change: StatusChange; notice: string | null; statusUrl: string; unsubscribePage: string }): { subject: string; text: string } {
  const { incident, change } = opts;
  const affected = affectedText(incident.category);
  const lines =
    change === 'opened'
      ? [`We are investigating a problem: ${incident.title}.`, '', `Affected: ${affected}`, ...(opts.notice ? ['', opts.notice] : [])]
      : [`Resolved: ${incident.title}.`, '', `Affected: ${affected}`, ...(incident.resolutionNote ? ['', incident.resolutionNote] : [])];
  return {
    subject: `${change === 'opened' ? 'Incident' : 'Resolved'}: ${incident.title}`,
    text: [
      ...lines,
      '',
      'Current system status:',
      opts.statusUrl,
      '',
      'You get this mail because you subscribed to system status updates. To stop them, open:',
      opts.unsubscribePage,
      '',
    ].join('\n'),
  };
}

/** Queues the mails inside `trx`; keyed per incident, change and address, so a retried change queues nothing new. */
export async function queueStatusMails(ctx: Pick<ServerContext, 'config' | 'secret'>, trx: Db, incident: Incident, change: StatusChange, notice: string | null, now: number): Promise<number> {
  const base = ctx.config.publicUrl;
  let after: string | null = null;
  let queued = 0;
  for (;;) {
    const page = await subscribersPage(trx, after, STATUS_MAIL_BATCH);
    if (page.length === 0) return queued;
    const mails: NewOutboxMail[] = page.map((s) => {
      const token = unsubscribeToken(ctx.secret, s);
      const { subject, text } = statusMail({ incident, change, notice, statusUrl: `${base}/status`, unsubscribePage: unsubscribePageUrl(base, token) });
      return { key: `status:${incident.id}:${change}:${s.email}`, kind: 'status_update', to: s.email, subject, text, ticketId: null, listUnsubscribe: unsubscribeUrl(base, token) };
    });
    await enqueueMails(trx, mails, now);
    queued += mails.length;
    after = page[page.length - 1]?.email ?? null;
  }
}
