// Status emails on /status: a signed-in portal customer switches them on or off and sees which address gets them;
// anyone signed out is offered the portal's passwordless sign-in, which brings them back here.
import { useEffect, useId, useState } from 'react';
import type { PortalSession } from '../../../../src-shared/protocol/portal';
import type { StatusSubscription } from '../../../../src-shared/protocol/status';
import { SignInForm } from '../portal/SignInForm';
import { statusApi } from './status-api';

interface SubscribeCardProps {
  /** undefined: the portal is still asking whether anyone is signed in. */
  session: PortalSession | null | undefined;
  onSignedOut: () => void;
}

export function SubscribeCard({ session, onSignedOut }: SubscribeCardProps) {
  const [sub, setSub] = useState<StatusSubscription | null>(null);
  /** The choice being saved: the box shows it at once and falls back if the server refuses. */
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const id = useId();
  const email = session?.email ?? null;

  useEffect(() => {
    if (email === null) return;
    let live = true;
    void statusApi.subscription().then((res) => {
      if (!live) return;
      if (res.ok) setSub(res.value);
      else if (res.error.code === 'unauthorized') onSignedOut();
      else setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [email, onSignedOut]);

  async function toggle(on: boolean) {
    setPending(on);
    setError(null);
    const res = await statusApi.setSubscribed(on);
    setPending(null);
    if (res.ok) return setSub(res.value);
    if (res.error.code === 'unauthorized') return onSignedOut();
    setError(res.error.message);
  }

  return (
    <section className="pt-card st-subscribe" aria-labelledby={`${id}-title`} data-testid="status-subscribe">
      <h2 id={`${id}-title`} className="st-section-title">
        Status emails
      </h2>
      {session === undefined ? (
        <p className="sb-hint">Checking whether you are signed in…</p>
      ) : session === null ? (
        signingIn ? (
          <SignInForm returnTo="/status" heading="Sign in to subscribe" ownHeading={false} />
        ) : (
          <>
            <p className="sb-hint">Get an email when an incident starts, gets an update or is resolved. Subscribing needs a sign-in to the support portal (no password).</p>
            <button type="button" className="sb-button sb-button-secondary st-signin" onClick={() => setSigningIn(true)}>
              Sign in to subscribe
            </button>
          </>
        )
      ) : (
        <>
          <label className="st-toggle">
            <input type="checkbox" checked={pending ?? sub?.subscribed ?? false} disabled={pending !== null || sub === null} onChange={(e) => void toggle(e.target.checked)} />
            <span>Email me when an incident starts, gets an update or is resolved</span>
          </label>
          <p className="sb-hint" role="status" data-testid="subscription-state">
            {sub === null ? 'Loading your subscription…' : sub.subscribed ? `Status emails go to ${sub.email}.` : `You get no status emails at ${session.email}.`}
          </p>
        </>
      )}
      {error ? (
        <p className="sb-form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
