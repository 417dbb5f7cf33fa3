// /help/unsubscribe?token= from a help center email: asks before it unfollows, since mail scanners open links (a GET
// must change nothing); the button POSTs the same one-click request a mail program would (RFC 8058).
import { useEffect, useRef, useState } from 'react';
import { PAGE_HEADING_ID, PortalLink, usePageTitle } from '../portal/portal-nav';
import { subscriptionsApi } from '../portal/subscriptions-api';
import { linkScope, scopeQuestion } from './unsubscribe-scope';

export function HelpUnsubscribePage({ token }: { token: string }) {
  const [state, setState] = useState<'ask' | 'busy' | 'done'>('ask');
  const [what, setWhat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const question = scopeQuestion[linkScope(token)];
  usePageTitle(state === 'done' ? 'Unsubscribed' : question.heading);

  // The confirmation replaces the button that had focus: its heading takes it, so screen readers hear the outcome.
  useEffect(() => {
    if (state === 'done') doneHeading.current?.focus();
  }, [state]);

  async function confirm() {
    setState('busy');
    setError(null);
    const res = await subscriptionsApi.unsubscribe(token);
    if (res.ok) {
      setWhat(res.value.what);
      setState('done');
    } else {
      setState('ask');
      setError(res.error.code === 'not_found' ? 'This link is not valid. It may have been cut short by your email program; you can manage what you follow under Subscriptions.' : res.error.message);
    }
  }

  if (state === 'done')
    return (
      <section className="pt-card pt-narrow" aria-labelledby={PAGE_HEADING_ID} data-testid="help-unsubscribed">
        <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1} ref={doneHeading}>
          You are unsubscribed
        </h1>
        <p className="sb-lead">We will send no more emails about {what}. You can follow it again in the help center at any time.</p>
        <PortalLink to="/portal/subscriptions" className="sb-link">
          Manage your subscriptions
        </PortalLink>
      </section>
    );

  return (
    <section className="pt-card pt-narrow" aria-labelledby={PAGE_HEADING_ID} data-testid="help-unsubscribe">
      <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
        {question.heading}
      </h1>
      <p className="sb-lead">{question.lead}</p>
      {error ? (
        <p className="sb-form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="pt-actions">
        <button type="button" className="sb-button sb-button-primary" onClick={() => void confirm()} disabled={state === 'busy' || token === ''} aria-busy={state === 'busy'}>
          Unsubscribe
        </button>
        <PortalLink to="/portal/subscriptions" className="sb-button sb-button-secondary">
          Keep it, manage subscriptions
        </PortalLink>
      </div>
    </section>
  );
}
