// Entry of the customer page: picks the screen from location.pathname (the server serves this one HTML for every route).
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { routeFor } from './route';
import { createVisitorClient } from './visitor-client';
import { SupportPage } from './components/SupportPage';
import { CommentPage } from './components/CommentPage';
import { NotFound } from './components/NotFound';
import './widget.css';

// Its own chunk: the support page inside customers' sites never downloads the portal.
const PortalApp = lazy(() => import('./portal/PortalApp').then((m) => ({ default: m.PortalApp })));

const route = routeFor(window.location.pathname, window.location.search);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
document.documentElement.classList.toggle('sb-embedded', route.kind === 'support' && route.embedded);

function screen() {
  switch (route.kind) {
    case 'support':
      return <SupportPage client={createVisitorClient(window.location.origin)} context={route.context} embedded={route.embedded} />;
    case 'comment':
      return <CommentPage origin={window.location.origin} ticketId={route.ticketId} sig={route.sig} />;
    case 'portal':
      return (
        <Suspense fallback={null}>
          <PortalApp />
        </Suspense>
      );
    default:
      return <NotFound />;
  }
}

createRoot(container).render(<StrictMode>{screen()}</StrictMode>);
