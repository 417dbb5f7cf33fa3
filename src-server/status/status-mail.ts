// Status mail: when an incident starts, gets an update posted or is resolved, one status_update mail per subscriber, queued in the
// transaction of the incident change (the change never commits without its mail, nor mail without the change).
import type { Incident } from '../../src-shared/incident';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import { enqueueMails, type NewOutboxMail } from '../db/mail-outbox';
import { subscribersPage } from '../db/status-subscriptions';
import { affectedText } from './status-view';
import { unsubscribePageUrl, unsubscribeToken, unsubscribeUrl } from './status-subscriptions';

export type StatusChange = 'opened' | 'updated' | 'resolved';

/** An update posted on the incident (`incident:update`): its row id names the mails, so each update mails once. */
export interface PostedStatusUpdate {
  id: number;
  note: string;
}

/**
 * Rows per INSERT: a mail_outbox row binds about a dozen values, and 200 rows stay far below SQLite's (32,766) and
 * PostgreSQL's (65,535) bound-parameter limits; subscribers are read a page at a time so memory stays flat too.
 */
export const STATUS_MAIL_BATCH = 200;

const subjects: Record<StatusChange, string> = { opened: 'Incident', updated: 'Update', resolved: 'Resolved' };

/** Plain text from the incident's public fields only (title, category, banner text, posted update, resolution note). */
export function statusMail(opts: { incident: Incident; change: StatusChange; notice: string | null; note?: string | null; statusUrl: string; unsubscribePage: string }): { subject: string; text: string } {
  const { incident, change } = opts;
  const affected = affectedText(incident.category);
  const lines =
    change === 'opened'
      ? [`We are investigating a problem: ${incident.title}.`, '', `Affected: ${affected}`, ...(opts.notice ? ['', opts.notice] : [])]
      : change === 'updated'
        ? [`An update on a problem we are working on: ${incident.title}.`, '', `Affected: ${affected}`, ...(opts.note ? ['', opts.note] : [])]
        : [`Resolved: ${incident.title}.`, '', `Affected: ${affected}`, ...(incident.resolutionNote ? ['', incident.resolutionNote] : [])];
  return {
    subject: `${subjects[change]}: ${incident.title}`,
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

/**
 * Queues the mails inside `trx`; keyed per incident, change (an update: its id) and address, so a retried change
 * queues nothing new. `update` goes with the change `updated`.
 */
export async function queueStatusMails(
  ctx: Pick<ServerContext, 'config' | 'secret'>,
  trx: Db,
  incident: Incident,
  change: StatusChange,
  notice: string | null,
  now: number,
  update: PostedStatusUpdate | null = null,
): Promise<number> {
  const cause = change === 'updated' && update ? `updated:${update.id}` : change;
  const base = ctx.config.publicUrl;
  let after: string | null = null;
  let queued = 0;
  for (;;) {
    const page = await subscribersPage(trx, after, STATUS_MAIL_BATCH);
    if (page.length === 0) return queued;
    const mails: NewOutboxMail[] = page.map((s) => {
      const token = unsubscribeToken(ctx.secret, s);
      const { subject, text } = statusMail({ incident, change, notice, note: update?.note ?? null, statusUrl: `${base}/status`, unsubscribePage: unsubscribePageUrl(base, token) });
      return { key: `status:${incident.id}:${cause}:${s.email}`, kind: 'status_update', to: s.email, subject, text, ticketId: null, listUnsubscribe: unsubscribeUrl(base, token) };
    });
    await enqueueMails(trx, mails, now);
    queued += mails.length;
    after = page[page.length - 1]?.email ?? null;
  }
}
