// The lead dashboard's "Help center suggestions" card: today's widget sessions shown articles while typing a question,
// those that opened one, the chats avoided, and the opened rate — all computed by the server (stats-service.ts).
import type { HelpSuggestionStats } from '../../src-shared/stats';
import './dashboard.css';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

export function HelpSuggestionsCard({ stats }: { stats: HelpSuggestionStats }) {
  const figures: { label: string; value: string; title: string; testId: string }[] = [
    { label: 'Sessions shown articles', value: String(stats.sessionsShown), title: 'Customers who saw suggested articles while typing a question in CONTACT US', testId: 'suggest-shown' },
    { label: 'Opened an article', value: String(stats.sessionsOpened), title: 'Of those, customers who opened a suggested article', testId: 'suggest-opened' },
    { label: 'Chats avoided', value: String(stats.chatsAvoided), title: 'Customers who opened an article and then sent no chat or email', testId: 'suggest-avoided' },
    { label: 'Opened rate', value: percent(stats.openedRate), title: 'Opened an article ÷ shown articles', testId: 'suggest-rate' },
  ];
  return (
    <section className="panel help-suggest-card" aria-labelledby="help-suggest-title" data-testid="help-suggestions-card">
      <h2 id="help-suggest-title">Help center suggestions</h2>
      <p className="muted help-suggest-caption">Today, per visit of the support form</p>
      <dl className="help-suggest-figures">
        {figures.map((f) => (
          <div key={f.testId} className="kpi" title={f.title} data-testid={f.testId}>
            <dt className="kpi-label">{f.label}</dt>
            <dd className="kpi-value">{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
