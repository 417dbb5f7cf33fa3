// The customer portal (/portal…, /contacts): one shell with a header, the signed-in session, and client-side moves
// between screens, so the session check and the header survive a navigation; focus goes to the new screen's heading.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PortalSession } from '../../../../src-shared/protocol/portal';
import { ContactsPage } from '../contacts/ContactsPage';
import { ActivitiesPage } from './ActivitiesPage';
import { NewRequestPage } from './NewRequestPage';
import { portalApi } from './portal-api';
import { NavigateContext, PAGE_HEADING_ID, type Navigate } from './portal-nav';
import { portalPageFor, returnPathFor, safeReturnPath } from './portal-route';
import { PortalHeader } from './PortalHeader';
import { SignInForm } from './SignInForm';
import { SignInLinkPage } from './SignInLinkPage';
import { TicketPage } from './TicketPage';
// In the portal's chunk (itself loaded lazily by main.tsx), not one of their own: a screen that arrived after a move
// would miss the focus that moves to its heading.
import { StatusPage } from '../status/StatusPage';
import { UnsubscribePage } from '../status/UnsubscribePage';
import { HelpUnsubscribePage } from '../help-unsubscribe/HelpUnsubscribePage';
import { SubscriptionsScreen } from './SubscriptionsScreen';
import './portal.css';

/** undefined: still asking the server. */
type SessionState = PortalSession | null | undefined;

const here = () => ({ pathname: window.location.pathname, search: window.location.search });

export function PortalApp() {
  const [location, setLocation] = useState(here);
  const page = portalPageFor(location.pathname, location.search) ?? { name: 'activities' as const };
  // The sign-in link page creates the session itself; asking at the same time could race it.
  const [session, setSession] = useState<SessionState>(() => (page.name === 'sign-in' ? null : undefined));
  const [sessionError, setSessionError] = useState<string | null>(null);
  const moved = useRef(false);

  const navigate: Navigate = useCallback((to, opts = {}) => {
    if (opts.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    moved.current = true;
    setLocation(here());
  }, []);

  useEffect(() => {
    const onPop = () => {
      moved.current = true;
      setLocation(here());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (session !== undefined) return;
    let live = true;
    void portalApi.session().then((res) => {
      if (!live) return;
      if (res.ok) return setSession(res.value);
      // 401 is the ordinary "signed out"; anything else is worth saying, but signing in still works.
      if (res.error.code !== 'unauthorized') setSessionError(res.error.message);
      setSession(null);
    });
    return () => {
      live = false;
    };
  }, [session]);

  // After a move (not on first load), the new screen's heading takes focus and the page starts at the top.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    window.scrollTo(0, 0);
    document.getElementById(PAGE_HEADING_ID)?.focus();
  }, [location]);

  const signedOut = useCallback(() => setSession(null), []);
  const returnTo = returnPathFor(location.pathname, location.search);

  let content;
  if (page.name === 'contacts') content = <ContactsPage />;
  else if (page.name === 'status' || page.name === 'status-unsubscribe')
    content = page.name === 'status' ? <StatusPage session={session} onSignedOut={signedOut} /> : <UnsubscribePage token={page.token} />;
  else if (page.name === 'help-unsubscribe') content = <HelpUnsubscribePage token={page.token} />;
  else if (page.name === 'sign-in')
    content = (
      <SignInLinkPage
        token={page.token}
        onSignedIn={(s) => {
          setSession(s);
          // Replaced, so Back never returns to the used-up link.
          navigate(safeReturnPath(s.returnTo), { replace: true });
        }}
      />
    );
  else if (session === undefined)
    content = (
      <p className="sb-hint pt-loading" role="status">
        Loading…
      </p>
    );
  else if (session === null)
    content = (
      <SignInForm
        returnTo={returnTo}
        heading={page.name === 'new' ? 'Sign in to submit a request' : page.name === 'subscriptions' ? 'Sign in to manage your subscriptions' : 'Sign in to My activities'}
        notice={sessionError}
      />
    );
  else if (page.name === 'activities') content = <ActivitiesPage onSignedOut={signedOut} />;
  else if (page.name === 'subscriptions') content = <SubscriptionsScreen follow={page.follow} onSignedOut={signedOut} />;
  else if (page.name === 'ticket') content = <TicketPage key={page.ticketId} ticketId={page.ticketId} onSignedOut={signedOut} />;
  else content = <NewRequestPage context={page.context} email={session.email} onSignedOut={signedOut} />;

  return (
    <NavigateContext.Provider value={navigate}>
      <div className="pt-app">
        <a className="pt-skip" href="#pt-main">
          Skip to content
        </a>
        <PortalHeader
          current={page.name}
          session={session ?? null}
          onSignedOut={() => {
            setSession(null);
            if (!['contacts', 'status', 'status-unsubscribe', 'help-unsubscribe'].includes(page.name)) navigate('/portal', { replace: true });
          }}
        />
        <main id="pt-main" className="pt-main" tabIndex={-1}>
          {content}
        </main>
      </div>
    </NavigateContext.Provider>
  );
}
