// The page behind a mailed unsubscribe link: it asks before it unsubscribes, since mail scanners open links (a GET
// must change nothing); the button POSTs the same one-click request a mail program would (RFC 8058). The status and
// the help center mails each say what they stop and where to go back to.
import { useEffect, useRef, useState } from 'react';
import type { Result } from '../../../../src-shared/result';
import { PAGE_HEADING_ID, PortalLink, usePageTitle } from '../portal/portal-nav';

export interface UnsubscribeWording {
  heading: string;
  lead: string;
  /** The sentence after "You are unsubscribed", given what the server says was stopped. */
  done: (what: string) => string;
  backTo: string;
  backLabel: string;
  keepLabel: string;
  testId: string;
}

export function ConfirmUnsubscribe(props: { token: string; wording: UnsubscribeWording; unsubscribe: (token: string) => Promise<Result<string>>; errorText?: (e: { code: string; message: string }) => string }) {
  const { token, wording } = props;
  const [state, setState] = useState<'ask' | 'busy' | 'done'>('ask');
  const [what, setWhat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  usePageTitle(state === 'done' ? 'Unsubscribed' : wording.heading);

  // The confirmation replaces the button that had focus: its heading takes it, so screen readers hear the outcome.
  useEffect(() => {
    if (state === 'done') doneHeading.current?.focus();
  }, [state]);

  async function confirm() {
    setState('busy');
    setError(null);
    const res = await props.unsubscribe(token);
    if (res.ok) {
      setWhat(res.value);
      setState('done');
    } else {
      setState('ask');
      setError(props.errorText ? props.errorText(res.error) : res.error.message);
    }
  }

  if (state === 'done')
    return (
      <section className="pt-card pt-narrow" aria-labelledby={PAGE_HEADING_ID} data-testid={wording.testId.replace('unsubscribe', 'unsubscribed')}>
        <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1} ref={doneHeading}>
          You are unsubscribed
        </h1>
        <p className="sb-lead">{wording.done(what)}</p>
        <PortalLink to={wording.backTo} className="sb-link">
          {wording.backLabel}
        </PortalLink>
      </section>
    );

  return (
    <section className="pt-card pt-narrow" aria-labelledby={PAGE_HEADING_ID} data-testid={wording.testId}>
      <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
        {wording.heading}
      </h1>
      <p className="sb-lead">{wording.lead}</p>
      {error ? (
        <p className="sb-form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="pt-actions">
        <button type="button" className="sb-button sb-button-primary" onClick={() => void confirm()} disabled={state === 'busy' || token === ''} aria-busy={state === 'busy'}>
          Unsubscribe
        </button>
        <PortalLink to={wording.backTo} className="sb-button sb-button-secondary">
          {wording.keepLabel}
        </PortalLink>
      </div>
    </section>
  );
}
