// Feeds categorised tickets to the incident detector (src-server/automation/incident-detector.ts) and alerts leads once per burst.
import type { Ticket } from '../../src-shared/ticket';
import type { ServerContext } from '../context';
import { emptyIncidentState, observeReport, reportOfTicket, type IncidentState } from '../automation/incident-detector';

/**
 * In-process state: with several nodes each sees the reports it handled, so a burst spread over nodes may alert
 * late or on none; a shared report table would fix that (not built yet).
 */
export class IncidentMonitor {
  private state: IncidentState = emptyIncidentState;

  constructor(private readonly ctx: ServerContext) {}

  /** Call when a ticket got (or changed) its category. */
  observe(ticket: Ticket): void {
    const report = reportOfTicket(ticket, this.ctx.clock.now());
    if (!report) return;
    const { state, alert } = observeReport(this.state, report, this.ctx.config.incident);
    this.state = state;
    if (alert) {
      this.ctx.log.warn({ category: alert.category, eid: alert.eid, count: alert.count }, 'likely large-scale incident');
      this.ctx.broadcaster.incidentAlert(alert);
    }
  }
}
