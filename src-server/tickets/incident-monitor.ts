// Counts categorised tickets as incident reports in the database, inside the transaction that categorises them,
// and alerts leads once per burst across every node (rule: src-server/automation/incident-detector.ts).
import type { Ticket } from '../../src-shared/ticket';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import { getKeyState, newestReports, pruneReports, recordReport, saveKeyState } from '../db/incident-reports';
import { incidentKeyOf, judgeReport, judgingWindow, reportOfTicket, type IncidentAlert } from '../automation/incident-detector';

/**
 * Writes on one database are serialised (SQLite's single writer; on PostgreSQL the write queue's advisory lock), so
 * the first judgement normally saves; a version mismatch means another writer judged the key in between, and the
 * report is judged again against what it committed.
 */
const MAX_JUDGEMENTS = 5;

export class IncidentMonitor {
  constructor(private readonly ctx: Pick<ServerContext, 'config' | 'log' | 'broadcaster'>) {}

  /**
   * Call inside the transaction that changed the ticket: a ticket newly (re)categorised is one report of its key.
   * Returns the alert when this report starts an incident; the alert is this transaction's to announce after it commits.
   */
  async observe(trx: Db, before: Ticket, after: Ticket, now: number): Promise<IncidentAlert | null> {
    if (after.category === before.category) return null;
    const report = reportOfTicket(after, now);
    if (!report) return null;
    const { threshold, windowMs } = this.ctx.config.incident;
    const key = incidentKeyOf(report.category, report.eid);
    if (!(await recordReport(trx, { ticketId: report.ticketId, key, at: report.at }, report.at - windowMs))) return null;
    for (let i = 0; i < MAX_JUDGEMENTS; i++) {
      const state = await getKeyState(trx, key);
      const window = judgingWindow(report.at, state?.latestAt ?? 0, windowMs);
      if (!window) return null;
      const prior = await newestReports(trx, key, { after: window.start, exceptTicketId: report.ticketId, limit: threshold });
      const judged = judgeReport(prior, state?.open ?? false, report, threshold);
      if (await saveKeyState(trx, key, state?.version ?? null, { open: judged.open, latestAt: window.now })) {
        // A window of slack past the window itself: another node's clock may run a little behind this one's.
        await pruneReports(trx, window.now - 2 * windowMs);
        return judged.alert;
      }
    }
    throw new Error(`incident key ${key} changed under ${MAX_JUDGEMENTS} judgements in a row`);
  }

  /** After the commit: to the leads of this node's sockets (with the Redis adapter, of every node). */
  announce(alert: IncidentAlert): void {
    this.ctx.log.warn({ category: alert.category, eid: alert.eid, count: alert.count }, 'likely large-scale incident');
    this.ctx.broadcaster.incidentAlert(alert);
  }
}
