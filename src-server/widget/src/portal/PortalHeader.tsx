// The portal's top bar: the product name, My activities · Submit a request · Subscriptions · Contacts · System status,
// and who is signed in.
import { useEffect, useRef, useState } from 'react';
import type { PortalSession } from '../../../../src-shared/protocol/portal';
import { portalApi } from './portal-api';
import { PortalLink } from './portal-nav';
import type { PortalPage } from './portal-route';

interface PortalHeaderProps {
  current: PortalPage['name'];
  session: PortalSession | null;
  onSignedOut: () => void;
}

const links: { to: string; label: string; pages: PortalPage['name'][] }[] = [
  { to: '/portal', label: 'My activities', pages: ['activities', 'ticket'] },
  { to: '/portal/new', label: 'Submit a request', pages: ['new'] },
  { to: '/portal/subscriptions', label: 'Subscriptions', pages: ['subscriptions', 'help-unsubscribe'] },
  { to: '/contacts', label: 'Contacts', pages: ['contacts'] },
  { to: '/status', label: 'System status', pages: ['status', 'status-unsubscribe'] },
];

export function PortalHeader({ current, session, onSignedOut }: PortalHeaderProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nav = useRef<HTMLElement>(null);

  // On a phone the links scroll sideways: the current one is brought into view, so the reader sees where they are.
  useEffect(() => {
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);

  async function signOut() {
    setBusy(true);
    setError(null);
    const res = await portalApi.signOut();
    setBusy(false);
    if (res.ok) onSignedOut();
    else setError(res.error.message);
  }

  return (
    <header className="pt-header">
      <div className="pt-header-inner">
        <a className="pt-brand" href="/support">
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path d="M4 5h16v11H9l-5 4z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          </svg>
          Support
        </a>
        <nav ref={nav} className="pt-nav" aria-label="Support portal">
          {links.map((l) => (
            <PortalLink key={l.to} to={l.to} className="pt-nav-link" aria-current={l.pages.includes(current) ? 'page' : undefined}>
              {l.label}
            </PortalLink>
          ))}
        </nav>
        {session ? (
          <div className="pt-account" data-testid="portal-account">
            <span className="pt-account-email" title={session.email}>
              <span className="sb-visually-hidden">Signed in as </span>
              {session.email}
            </span>
            <button type="button" className="pt-signout" onClick={() => void signOut()} disabled={busy}>
              Sign out
            </button>
          </div>
        ) : null}
      </div>
      {error ? (
        <p className="pt-header-error" role="alert">
          {error}
        </p>
      ) : null}
    </header>
  );
}
