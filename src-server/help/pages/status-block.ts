// "System availability" on the product tile that shows it: the same StatusPage GET /api/status answers (one place
// computes it: status/status-view.ts), reduced to the overall state, each component and the open incidents.
import type { StatusPage, StatusState } from '../../../src-shared/protocol/status';
import { html, type SafeHtml } from './html';

const overallText: Record<StatusState, string> = {
  operational: 'All systems operational',
  degraded: 'Some systems are degraded',
  outage: 'We have a service outage',
};
const stateLabels: Record<StatusState, string> = { operational: 'Operational', degraded: 'Degraded', outage: 'Outage' };

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hour12: false });

/** Colour is never the only signal: each mark says its state in words. */
const mark = (state: StatusState) => html`<span class="help-mark help-mark-${state}"><span class="help-dot" aria-hidden="true"></span>${stateLabels[state]}</span>`;

export function statusBlock(status: StatusPage): SafeHtml {
  return html`<section class="help-card help-status help-status-${status.state}" aria-labelledby="help-status-title" data-testid="help-status">
<h2 id="help-status-title">System availability</h2>
<p class="help-status-overall help-mark help-mark-${status.state}"><span class="help-dot" aria-hidden="true"></span>${overallText[status.state]}</p>
${status.notice ? html`<p>${status.notice.text}</p>` : ''}
<ul class="help-status-list">${status.components.map((c) => html`<li><span>${c.name}</span>${mark(c.state)}</li>`)}</ul>
${
  status.openIncidents.length > 0
    ? html`<h3>Current incidents</h3><ul class="help-incidents">${status.openIncidents.map(
        (i) => html`<li><strong>${i.title}</strong> <span class="help-muted">· ${i.categoryLabel} · since ${WHEN.format(i.startedAt)} UTC</span></li>`,
      )}</ul>`
    : ''
}
<p><a href="/status">View the status page and incident history</a></p>
</section>`;
}
