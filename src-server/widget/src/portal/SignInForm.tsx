// Signing in without a password: the customer's email → a one-time link by mail → "Check your email", naming the
// address and how long the link works. The same answer comes for any address, so the page never reveals who is a customer.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PortalSignInSent } from '../../../../src-shared/protocol/portal';
import { isLikelyEmail } from '../email-address';
import { savedEmail, saveEmail } from '../saved-state';
import { portalApi } from './portal-api';
import { PAGE_HEADING_ID, usePageTitle } from './portal-nav';
import { expiryText } from './portal-view';

interface SignInFormProps {
  returnTo?: string;
  heading: string;
  /** Shown above the form (a problem checking the session, or why a link failed). */
  notice?: string | null;
  /** Renders the heading itself; false when the page around it has its own <h1>. */
  ownHeading?: boolean;
}

export function SignInForm({ returnTo, heading, notice = null, ownHeading = true }: SignInFormProps) {
  const [email, setEmail] = useState(savedEmail);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<PortalSignInSent | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const sentHeading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  usePageTitle(sent ? 'Check your email' : 'Sign in');

  // "Check your email" takes focus when it appears; going back to the form puts the cursor in the address.
  const wasSent = useRef(false);
  useEffect(() => {
    if (sent) sentHeading.current?.focus();
    else if (wasSent.current) input.current?.focus();
    wasSent.current = sent !== null;
  }, [sent]);

  // Without its own heading the form was opened by a button ("Send me a new link"): the field is where the user goes next.
  useEffect(() => {
    if (!ownHeading) input.current?.focus();
  }, [ownHeading]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!isLikelyEmail(email)) {
      setError(email.trim() ? 'Enter a valid email address, like name@company.com.' : 'Enter your email address.');
      return input.current?.focus();
    }
    setError(null);
    setBusy(true);
    const res = await portalApi.signIn(email.trim(), returnTo);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    saveEmail(email.trim());
    setSent(res.value);
  }

  if (sent)
    return (
      <section className="pt-card pt-narrow pt-signin-sent" aria-labelledby={`${id}-sent`} data-testid="sign-in-sent">
        <div className="sb-receipt-icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="26" height="26">
            <path d="M3 6h18v12H3z M3 6l9 7 9-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          </svg>
        </div>
        <h1 id={`${id}-sent`} className="pt-title" tabIndex={-1} ref={sentHeading}>
          Check your email
        </h1>
        <p className="sb-lead" role="status">
          We sent a sign-in link to <strong>{sent.email}</strong>. It works once, {expiryText(sent.expiresAt, Date.now())}.
        </p>
        <p className="sb-hint">No email after a few minutes? Check your spam folder, or make sure you typed the address you use with support.</p>
        <button type="button" className="sb-button sb-button-secondary" onClick={() => setSent(null)}>
          Use a different address or send again
        </button>
      </section>
    );

  return (
    <section className="pt-card pt-narrow" aria-labelledby={ownHeading ? PAGE_HEADING_ID : undefined} data-testid="sign-in">
      {ownHeading ? (
        <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
          {heading}
        </h1>
      ) : null}
      <p className="sb-lead">Simple one-time sign-up: enter the email address you use with support and we'll send you a link. No password needed.</p>
      {notice ? (
        <p className="sb-form-error" role="alert">
          {notice}
        </p>
      ) : null}
      <form className="sb-form" onSubmit={submit} noValidate>
        <div className="sb-field">
          <label htmlFor={`${id}-email`}>Your email</label>
          <input
            ref={input}
            id={`${id}-email`}
            type="email"
            autoComplete="email"
            inputMode="email"
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            required
          />
          {error ? (
            <p id={`${id}-error`} className="sb-field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="sb-button sb-button-primary" disabled={busy} aria-busy={busy}>
          Email me a sign-in link
        </button>
      </form>
    </section>
  );
}
