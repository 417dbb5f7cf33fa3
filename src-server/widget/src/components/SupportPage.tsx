// The support page (/support): CONTACT US form, EMAIL US receipt or LET'S CHAT window, plus the notice banner.
// Embedded in the widget's iframe it also tells the host page what its tab should read.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { EmailRequestReceipt } from '../../../../src-shared/protocol/http';
import type { SupportContext } from '../../../../src-shared/visitor';
import { EMBED_SOURCE, isHostMessage, type EmbedMessage } from '../embed-messages';
import { savedDepartment } from '../saved-state';
import { fetchDepartments } from '../server-api';
import type { VisitorClient } from '../visitor-client';
import { preselectDepartment } from '../department-choice';
import { tabMode } from '../tab-mode';
import { hoursLineFor } from '../widget-store';
import { ChatWindow } from './ChatWindow';
import { ContactForm } from './ContactForm';
import { EmailReceipt } from './EmailReceipt';
import { NoticeBanner } from './NoticeBanner';
import { Panel } from './Panel';

interface SupportPageProps {
  client: VisitorClient;
  context: SupportContext;
  embedded: boolean;
}

const toParent = (message: EmbedMessage) => window.parent.postMessage(message, '*');

export function SupportPage({ client, context, embedded }: SupportPageProps) {
  const { store } = client;
  const inChat = useStore(store, (s) => s.chat !== null || s.resuming);
  const notice = useStore(store, (s) => s.notice);
  const [receipt, setReceipt] = useState<{ receipt: EmailRequestReceipt; email: string } | null>(null);

  useEffect(() => {
    let live = true;
    void fetchDepartments(client.origin).then((res) => {
      if (!live) return;
      if (!res.ok) {
        store.setState({ departmentsError: res.error.message });
        return;
      }
      const departments = [...res.value.departments].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
      // The socket's push is newer than this HTTP snapshot whenever both arrived; keep it.
      const snapshot = Object.fromEntries(res.value.availability.map((a) => [a.departmentId, a]));
      store.setState((s) => {
        const availability = { ...snapshot, ...s.availability };
        const departmentId = preselectDepartment(departments, availability, savedDepartment());
        return { departments, departmentsError: null, departmentId, availability };
      });
    });
    return () => {
      live = false;
    };
  }, [client, store]);

  // The iframe never sends anything private to the host page: only the tab label and the hours line.
  useEffect(() => {
    if (!embedded) return;
    let last = '';
    const report = () => {
      const s = store.getState();
      if (!s.departments) return;
      const hoursText = hoursLineFor(s.departments, s.availability, s.departmentId);
      const message: EmbedMessage = { source: EMBED_SOURCE, type: 'status', tab: tabMode(s), hoursText };
      const key = JSON.stringify(message);
      if (key !== last) toParent(message);
      last = key;
    };
    report();
    return store.subscribe(report);
  }, [embedded, store]);

  useEffect(() => {
    if (!embedded) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') toParent({ source: EMBED_SOURCE, type: 'close' });
    };
    // Opened from the host page's tab: keyboard users land on the first field, not on the frame itself.
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window.parent || !isHostMessage(e.data)) return;
      document.querySelector<HTMLElement>('.sb-body :is(input, select, textarea, button):not(:disabled)')?.focus();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('message', onMessage);
    };
  }, [embedded]);

  const onClose = embedded ? () => toParent({ source: EMBED_SOURCE, type: 'close' }) : undefined;
  const banner = <NoticeBanner notice={notice} />;

  let content;
  if (inChat) content = <ChatWindow client={client} onClose={onClose} banner={banner} />;
  else if (receipt)
    content = (
      <Panel title="CONTACT US" onClose={onClose} banner={banner}>
        <EmailReceipt receipt={receipt.receipt} email={receipt.email} onDone={() => setReceipt(null)} />
      </Panel>
    );
  else
    content = (
      <Panel title="CONTACT US" subtitle="Questions? Our support team is here to help." onClose={onClose} banner={banner}>
        <ContactForm client={client} context={context} onEmailSent={(r, email) => setReceipt({ receipt: r, email })} />
      </Panel>
    );

  // Below the panel, away from the CHAT/HELP tabs; inside the host page's iframe there is no room, and the widget's own tab leads here.
  const links = embedded ? null : (
    <nav className="sb-page-links" aria-label="More support">
      <a href="/portal">My activities</a>
      <a href="/contacts">Contacts</a>
    </nav>
  );

  return (
    <main className="sb-page">
      {content}
      {links}
    </main>
  );
}
