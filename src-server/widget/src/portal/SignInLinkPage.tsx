// /portal/sign-in?token=…: posts the link's token (a GET would let a mail scanner's prefetch use it up), then the shell
// moves on; an expired, used or broken link says which, with the form to send a new one.
import { useEffect, useRef, useState } from 'react';
import type { PortalSession } from '../../../../src-shared/protocol/portal';
import type { AppError } from '../../../../src-shared/result';
import { portalApi } from './portal-api';
import { PAGE_HEADING_ID, PortalLink, usePageTitle } from './portal-nav';
import { linkProblemText, signInLinkProblem } from './portal-view';
import { SignInForm } from './SignInForm';

interface SignInLinkPageProps {
  token: string;
  onSignedIn: (session: PortalSession) => void;
}

export function SignInLinkPage({ token, onSignedIn }: SignInLinkPageProps) {
  const [error, setError] = useState<AppError | null>(token ? null : { code: 'bad_request', message: 'no token' });
  const [resend, setResend] = useState(false);
  // A link works once: React's development double effect (or a re-render) must never post it twice.
  const posted = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(error ? 'Sign-in link problem' : 'Signing in');

  useEffect(() => {
    if (!token || posted.current) return;
    posted.current = true;
    // Used up by this request whatever the answer: keep it out of the history and of a reload.
    window.history.replaceState(null, '', '/portal/sign-in');
    void portalApi.createSession(token).then((res) => {
      if (res.ok) onSignedIn(res.value);
      else setError(res.error);
    });
  }, [token, onSignedIn]);

  useEffect(() => {
    if (error) heading.current?.focus();
  }, [error]);

  if (!error)
    return (
      <section className="pt-card pt-narrow">
        <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
          Signing you in…
        </h1>
        <p className="sb-hint" role="status">
          Checking your sign-in link.
        </p>
      </section>
    );

  const kind = signInLinkProblem(error);
  const problem = kind === 'other' ? { title: 'We could not sign you in', text: error.message } : linkProblemText[kind];
  return (
    <>
      <section className="pt-card pt-narrow sb-problem" role="alert" data-testid="link-problem" data-problem={kind}>
        <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1} ref={heading}>
          {problem.title}
        </h1>
        <p className="sb-lead">{problem.text}</p>
        <div className="pt-actions">
          {!resend ? (
            <button type="button" className="sb-button sb-button-primary" onClick={() => setResend(true)}>
              Send me a new link
            </button>
          ) : null}
          {kind === 'used' ? (
            <PortalLink to="/portal" className="sb-button sb-button-secondary">
              Go to My activities
            </PortalLink>
          ) : null}
        </div>
      </section>
      {resend ? <SignInForm heading="Send a new sign-in link" ownHeading={false} /> : null}
    </>
  );
}
