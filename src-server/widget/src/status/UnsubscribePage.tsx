// /status/unsubscribe?token= from a status email: asks before it unsubscribes, since mail scanners open links (a GET
// must change nothing); the button POSTs the same one-click request a mail program would (RFC 8058).
import { useEffect, useRef, useState } from 'react';
import { PAGE_HEADING_ID, PortalLink, usePageTitle } from '../portal/portal-nav';
import { statusApi } from './status-api';

export function UnsubscribePage({ token }: { token: string }) {
  const [state, setState] = useState<'ask' | 'busy' | 'done'>('ask');
  const [error, setError] = useState<string | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  usePageTitle(state === 'done' ? 'Unsubscribed' : 'Unsubscribe from status emails');

  // The confirmation replaces the button that had focus: its heading takes it, so screen readers hear the outcome.
  useEffect(() => {
    if (state === 'done') doneHeading.current?.focus();
  }, [state]);

  async function confirm() {
    setState('busy');
    setError(null);
    const res = await statusApi.unsubscribe(token);
    if (res.ok) setState('done');
    else {
      setState('ask');
      setError(res.error.message);
    }
  }

  if (state === 'done')
    return (
      <section className="pt-card pt-narrow" aria-labelledby={PAGE_HEADING_ID} data-testid="unsubscribed">
        <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1} ref={doneHeading}>
          You are unsubscribed
        </h1>
        <p className="sb-lead">We will send no more status emails to this address. You can subscribe again on the status page at any time.</p>
        <PortalLink to="/status" className="sb-link">
          Go to System status
        </PortalLink>
      </section>
    );

  return (
    <section className="pt-card pt-narrow" aria-labelledby={PAGE_HEADING_ID} data-testid="unsubscribe">
      <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
        Unsubscribe from status emails?
      </h1>
      <p className="sb-lead">You will no longer get an email when an incident starts or is resolved.</p>
      {error ? (
        <p className="sb-form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="pt-actions">
        <button type="button" className="sb-button sb-button-primary" onClick={() => void confirm()} disabled={state === 'busy' || token === ''} aria-busy={state === 'busy'}>
          Unsubscribe
        </button>
        <PortalLink to="/status" className="sb-button sb-button-secondary">
          Keep my subscription
        </PortalLink>
      </div>
    </section>
  );
}
