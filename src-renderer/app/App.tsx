// The console shell: sign-in until there is a session, then sidebar + the current view, overlays and toasts.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useApp } from '../store/app-store';
import { useController } from './controller-context';
import { Sidebar } from './Sidebar';
import { Toast } from './Toast';
import { LoginScreen } from '../login/LoginScreen';
import { QueueView } from '../queues/QueueView';
import { ChatWorkspace } from '../chats/ChatWorkspace';
import { TicketsView } from '../tickets/TicketsView';
import { IncidentAlertBar } from '../incidents/IncidentAlertBar';
import { SearchPalette } from '../search/SearchPalette';
import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import { useShortcuts } from '../keyboard/use-shortcuts';

// Lead-only screens (the dashboard pulls in uPlot) load on first use, keeping them out of every specialist's startup chunk.
const DashboardView = lazy(() => import('../dashboard/DashboardView').then((m) => ({ default: m.DashboardView })));
const IncidentsView = lazy(() => import('../incidents/IncidentsView').then((m) => ({ default: m.IncidentsView })));
const AdminView = lazy(() => import('../admin/AdminView').then((m) => ({ default: m.AdminView })));
const HelpCenterView = lazy(() => import('../help/HelpCenterView').then((m) => ({ default: m.HelpCenterView })));

export function App() {
  const controller = useController();
  const session = useApp((s) => s.session);
  const theme = useApp((s) => s.settings?.theme ?? 'system');
  useEffect(() => controller.start(), [controller]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useShortcuts(controller);

  if (session === null) return <div className="splash" aria-busy="true">Starting…</div>;
  if (session.me === null)
    return (
      <>
        <LoginScreen />
        <Toast />
      </>
    );
  return (
    <div className="shell">
      <Sidebar />
      <main className="main" id="main">
        <IncidentAlertBar />
        <CurrentView />
      </main>
      <Overlays />
      <Toast />
    </div>
  );
}

function CurrentView() {
  const view = useApp((s) => s.view);
  const lead = useApp((s) => s.session?.me?.role === 'lead' || s.session?.me?.role === 'admin');
  switch (view) {
    case 'queue':
      return <QueueView />;
    case 'chats':
      return <ChatWorkspace />;
    case 'tickets':
      return <TicketsView />;
    case 'dashboard':
      return lead ? <LeadScreen screen={<DashboardView />} /> : <QueueView />;
    case 'incidents':
      return lead ? <LeadScreen screen={<IncidentsView />} /> : <QueueView />;
    case 'admin':
      return lead ? <LeadScreen screen={<AdminView />} /> : <QueueView />;
    case 'help':
      return lead ? <LeadScreen screen={<HelpCenterView />} /> : <QueueView />;
  }
}

function LeadScreen(props: { screen: ReactNode }) {
  return (
    <Suspense
      fallback={
        <section className="view" aria-busy="true">
          <p className="muted">Loading…</p>
        </section>
      }
    >
      {props.screen}
    </Suspense>
  );
}

function Overlays() {
  const overlay = useApp((s) => s.overlay);
  if (overlay === 'search') return <SearchPalette />;
  if (overlay === 'help') return <ShortcutHelp />;
  return null;
}
