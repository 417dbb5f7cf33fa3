// System status (/status, no sign-in): the overall banner, each component's state, current incidents (with the updates
// posted on them) and the last two weeks' resolutions, with times in the reader's zone; asked again every minute and
// when the tab regains focus.
import { useCallback, useEffect, useState } from 'react';
import type { PortalSession } from '../../../../src-shared/protocol/portal';
import type { StatusPage as StatusData, StatusState } from '../../../../src-shared/protocol/status';
import { PAGE_HEADING_ID, usePageTitle } from '../portal/portal-nav';
import { statusApi } from './status-api';
import { durationText, overallText, readerZone, stateLabels, STATUS_REFRESH_MS, whenText } from './status-text';
import { SubscribeCard } from './SubscribeCard';
import './status.css';

function StateMark({ state }: { state: StatusState }) {
  return (
    <span className={`st-mark st-mark-${state}`}>
      <span className="st-dot" aria-hidden="true" />
      {stateLabels[state]}
    </span>
  );
}

export function StatusPage({ session, onSignedOut }: { session: PortalSession | null | undefined; onSignedOut: () => void }) {
  const [data, setData] = useState<StatusData | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle('System status');
  const zone = readerZone();

  const load = useCallback(async () => {
    const res = await statusApi.status();
    if (res.ok) {
      setData(res.value);
      setError(null);
    } else setError(res.error.message);
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), STATUS_REFRESH_MS);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load]);

  return (
    <section className="pt-page" aria-labelledby={PAGE_HEADING_ID}>
      <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
        System status
      </h1>
      {error ? (
        <p className="sb-form-error" role="alert">
          {error}
        </p>
      ) : null}
      {data === null ? (
        error ? null : <p className="sb-hint">Loading the current status…</p>
      ) : (
        <>
          <div className={`st-banner st-banner-${data.state}`} data-testid="status-banner" role="status">
            <p className="st-banner-text">{overallText[data.state]}</p>
            {data.notice ? <p className="st-banner-notice">{data.notice.text}</p> : null}
            <p className="st-updated">
              Updated {whenText(data.generatedAt)} · times in your zone ({zone})
            </p>
          </div>

          <section className="pt-card" aria-labelledby="st-components">
            <h2 id="st-components" className="st-section-title">
              Components
            </h2>
            <ul className="st-components">
              {data.components.map((c) => (
                <li key={c.category} className="st-component" data-testid="status-component">
                  <span className="st-component-name">{c.name}</span>
                  <StateMark state={c.state} />
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="st-current" className="st-group" data-testid="current-incidents">
            <h2 id="st-current" className="st-section-title">
              Current incidents
            </h2>
            {data.openIncidents.length === 0 ? (
              <p className="sb-hint">No current incidents.</p>
            ) : (
              <ul className="st-incidents">
                {data.openIncidents.map((i) => (
                  <li key={`${i.startedAt}-${i.title}`} className={`pt-card st-incident st-incident-${i.state}`}>
                    <div className="st-incident-head">
                      <h3 className="st-incident-title">{i.title}</h3>
                      <StateMark state={i.state} />
                    </div>
                    <p className="st-meta">
                      {i.categoryLabel} · started {whenText(i.startedAt)}
                    </p>
                    {i.notice ? <p>{i.notice}</p> : null}
                    {i.updates.length > 0 ? (
                      <ol className="st-updates" aria-label={`Updates on ${i.title}, newest first`} data-testid="incident-updates">
                        {i.updates.map((u) => (
                          <li key={`${u.at}-${u.note}`} className="st-update">
                            <p className="st-meta">
                              <strong>Update</strong> · <time dateTime={new Date(u.at).toISOString()}>{whenText(u.at)}</time>
                            </p>
                            <p className="st-update-note">{u.note}</p>
                          </li>
                        ))}
                      </ol>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="st-history" className="st-group" data-testid="recent-incidents">
            <h2 id="st-history" className="st-section-title">
              Past {data.historyDays} days
            </h2>
            {data.recentIncidents.length === 0 ? (
              <p className="sb-hint">No incidents in the past {data.historyDays} days.</p>
            ) : (
              <ul className="st-incidents">
                {data.recentIncidents.map((i) => (
                  <li key={`${i.startedAt}-${i.title}`} className="pt-card st-incident">
                    <div className="st-incident-head">
                      <h3 className="st-incident-title">{i.title}</h3>
                      <span className="st-mark st-mark-resolved">Resolved</span>
                    </div>
                    <p className="st-meta">
                      {whenText(i.startedAt)} – {whenText(i.resolvedAt)} ({durationText(i.resolvedAt - i.startedAt)})
                    </p>
                    {i.resolutionNote ? <p>{i.resolutionNote}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <SubscribeCard session={session} onSignedOut={onSignedOut} />
    </section>
  );
}
