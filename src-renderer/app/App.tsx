// The console shell: sign-in until there is a session, then sidebar + the current view, overlays and toasts.
import { useEffect } from 'react';
import { useApp } from '../store/app-store';
import { useController } from './controller-context';
import { Sidebar } from './Sidebar';
import { Toast } from './Toast';
import { LoginScreen } from '../login/LoginScreen';
import { QueueView } from '../queues/QueueView';
import { ChatWorkspace } from '../chats/ChatWorkspace';
import { TicketsView } from '../tickets/TicketsView';
import { DashboardView } from '../dashboard/DashboardView';
import { IncidentsView } from '../incidents/IncidentsView';
import { IncidentAlertBar } from '../incidents/IncidentAlertBar';
import { SearchPalette } from '../search/SearchPalette';
import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import { useShortcuts } from '../keyboard/use-shortcuts';

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
      return lead ? <DashboardView /> : <QueueView />;
    case 'incidents':
      return lead ? <IncidentsView /> : <QueueView />;
  }
}

function Overlays() {
  const overlay = useApp((s) => s.overlay);
  if (overlay === 'search') return <SearchPalette />;
  if (overlay === 'help') return <ShortcutHelp />;
  return null;
}
