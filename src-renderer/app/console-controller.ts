// Connects the store to the ConsoleApi: initial loads, change-event subscriptions (re-querying what changed),
// and every user command. Components call commands; they never talk to the ConsoleApi themselves.
import type { ConsoleApi, ConsoleEvents, ConsoleResults, ConsoleSettings, SearchHit } from '../../src-shared/console-api';
import type { AppError, Result } from '../../src-shared/result';
import type { TicketPatch } from '../../src-shared/ticket';
import type { IssueCategory } from '../../src-shared/issue-category';
import { canSeeAllDepartments, type Presence } from '../../src-shared/specialist';
import { createAppStore, type AppState, type AppStore } from '../store/app-store';
import { myLiveChats } from '../store/conversation-views';
import { ticketQuery } from '../store/tickets-slice';
import { chatAlertNeeded, type ChatAlert } from '../store/chat-alerts-slice';
import { createAdminController } from '../admin/admin-controller';
import { createIncidentCommands } from '../incidents/incident-commands';
import { createHelpController } from '../help/help-controller';
import { coalesced } from './coalesced';

const PAGE = 200;
const TYPING_TTL_MS = 8000;

export type ConsoleController = ReturnType<typeof createConsoleController>;

/** What belongs to the signed-in specialist and must not survive a sign-out (the next person sees none of it). */
const perUserKeys = [
  'conversations', 'departments', 'queueFilter', 'openChatIds', 'activeChatId', 'messages', 'hasOlder', 'typing', 'unread', 'dropBoxes',
  'drafts', 'internalMode', 'chatDialog', 'tickets', 'ticketFilters', 'selectedTicketId', 'ticketDetail', 'specialists', 'statsTickets',
  'outbox', 'view', 'overlay', 'incidentAlerts', 'incidents', 'incidentDraft', 'serverStats',
  'canned', 'adminOverview', 'adminProblem', 'adminSection', 'adminDepartmentId', 'chatAlerts',
  'inboundMails', 'inboundFilter', 'inboundFailedCount', 'inboundProblem', 'inboundOpen', 'helpTree', 'helpProblem', 'helpEditor',
] as const;

export function createConsoleController(api: ConsoleApi, store: AppStore) {
  const s = () => store.getState();
  const clearUserData = () => {
    const blank = createAppStore().getState();
    store.setState(Object.fromEntries(perUserKeys.map((k) => [k, blank[k]])) as Partial<AppState>);
  };
  const me = () => s().session?.me ?? null;
  const isLead = () => {
    const m = me();
    return m !== null && canSeeAllDepartments(m.role);
  };

  /** Surfaces a failed Result as a toast; `offline` means the outbox holds it, which is not an error. */
  function report<T>(result: Result<T>, okText?: string): result is { ok: true; value: T } {
    if (result.ok) {
      if (okText) s().showToast(okText);
      return true;
    }
    if (result.error.code === 'offline') s().showToast('Saved offline — it will be sent when the connection is back.');
    else s().showToast(result.error.message, 'error');
    return false;
  }

  const refreshConversations = coalesced(async () => {
    const r = await api.listConversations({});
    if (!r.ok) return;
    s().replaceConversations(r.value);
    const live = myLiveChats(s().conversations, me()?.id ?? null).map((c) => c.id);
    s().openLiveChats(live);
    for (const id of s().openChatIds) if (!s().messages[id]) void loadChat(id);
  });

  const refreshDepartments = coalesced(async () => {
    const r = await api.listDepartments({});
    if (r.ok) s().setDepartments(r.value);
  });

  /** The team's canned responses for the composer (the core answers its cached copy offline). */
  const refreshCanned = coalesced(async () => {
    const r = await api.listCanned({});
    if (r.ok) s().setCanned(r.value);
  });

  const admin = createAdminController(api, store);
  const help = createHelpController(api, store, fileToBase64);

  const refreshSpecialists = coalesced(async () => {
    const r = await api.listSpecialists({});
    if (!r.ok) return;
    s().setSpecialists(r.value);
    const mine = me();
    const updated = mine && r.value.find((x) => x.id === mine.id);
    const session = s().session;
    if (updated && session) s().setSession({ ...session, me: updated });
  });

  const refreshTickets = coalesced(async () => {
    s().setTicketsLoading(true);
    const r = await api.listTickets(ticketQuery(s().ticketFilters));
    s().setTicketsLoading(false);
    if (r.ok) s().setTickets(r.value);
    if (isLead()) {
      const all = await api.listTickets({ limit: 500 });
      if (all.ok) s().setStatsTickets(all.value);
    }
  });

  const refreshIncidents = coalesced(async () => {
    if (!isLead()) return;
    const r = await api.listIncidents({});
    if (r.ok) s().setIncidents(r.value);
  });

  const refreshStats = coalesced(async () => {
    if (!isLead()) return;
    const r = await api.getStats({});
    if (r.ok) s().setServerStats(r.value);
  });

  async function loadTicket(id: number) {
    const r = await api.getTicket({ ticketId: id });
    if (r.ok && s().selectedTicketId === id) s().setTicketDetail(r.value);
    else if (!r.ok) report(r);
  }

  async function loadAll() {
    const [departments, settings, outbox] = await Promise.all([api.listDepartments({}), api.getSettings({}), api.getOutbox({})]);
    if (departments.ok) s().setDepartments(departments.value);
    if (settings.ok) s().setSettings(settings.value);
    if (outbox.ok) s().setOutbox(outbox.value);
    refreshConversations();
    refreshSpecialists();
    refreshTickets();
    refreshIncidents();
    refreshStats();
    refreshCanned();
  }

  async function loadChat(id: string) {
    const [messages, boxes] = await Promise.all([api.getMessages({ conversationId: id, limit: PAGE }), api.listDropBoxes({ conversationId: id })]);
    if (messages.ok) s().setMessages(id, messages.value, messages.value.length >= PAGE && (messages.value[0]?.seq ?? 1) > 1);
    if (boxes.ok) s().setDropBoxes(id, boxes.value);
  }

  let focusSent = '';
  function syncFocus() {
    const state = s();
    const conversationId = state.view === 'chats' ? state.activeChatId : null;
    const windowFocused = typeof document !== 'undefined' && document.hasFocus();
    const key = `${conversationId}|${windowFocused}`;
    if (key === focusSent || !state.session?.me) return;
    focusSent = key;
    void api.setFocus({ conversationId, windowFocused });
    if (conversationId && windowFocused && (state.unread[conversationId] ?? 0) > 0) void api.markRead({ conversationId });
  }

  // Typing expires on its own: a visitor who closes the tab mid-word never sends "stopped".
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  function noteTyping(conversationId: string, typing: boolean) {
    const timer = typingTimers.get(conversationId);
    if (timer) clearTimeout(timer);
    typingTimers.delete(conversationId);
    s().setTyping(conversationId, typing);
    if (typing) typingTimers.set(conversationId, setTimeout(() => noteTyping(conversationId, false), TYPING_TTL_MS));
  }

  /** A chat notification still matters: a queued chat while I'm not on the queue, or my live chat I'm not looking at. */
  function worthToast(conversationId: string): boolean {
    const c = s().conversations[conversationId];
    if (!c) return true;
    if (c.state === 'queued') return s().view !== 'queue';
    return c.state !== 'ended' && c.specialist?.id === me()?.id && !isLookingAt(conversationId);
  }

  /**
   * Shows a chat the specialist asked about (a notification or a chat alert): a waiting chat in the queue with its
   * Accept button focused, so Enter takes it; a live chat in its pane.
   */
  function showConversation(conversationId: string): void {
    const conversation = s().conversations[conversationId];
    if (conversation?.state !== 'queued') {
      s().openChat(conversationId);
      return;
    }
    s().setQueueFilter(null);
    if (typeof document === 'undefined') return;
    const label = `Accept chat with ${conversation.visitorEmail}`;
    requestAnimationFrame(() => [...document.querySelectorAll<HTMLButtonElement>('button[aria-label]')].find((b) => b.getAttribute('aria-label') === label)?.focus());
  }

  function isLookingAt(conversationId: string): boolean {
    const state = s();
    return state.view === 'chats' && state.activeChatId === conversationId && typeof document !== 'undefined' && document.hasFocus();
  }

  function start(): () => void {
    const offs = [
      api.on('session', (session) => {
        const hadMe = me() !== null;
        if (hadMe && session.me?.id !== me()?.id) clearUserData();
        s().setSession(session);
        if (session.me && !hadMe) void loadAll();
      }),
      api.on('connection', (c) => {
        s().setConnection(c);
        // Figures fetched while online are now only the last known ones; the dashboard shows their age.
        const stats = s().serverStats;
        if (c.state !== 'online' && stats?.live) s().setServerStats({ ...stats, live: false });
      }),
      api.on('syncProgress', (p) => {
        s().setSync(p);
        if (p.phase === 'done') {
          refreshDepartments();
          refreshConversations();
          refreshTickets();
          refreshSpecialists();
          refreshIncidents();
          refreshStats();
          refreshCanned();
        }
      }),
      // Names, order and hours changed (an admin's edit): the sidebar and queues re-read them.
      api.on('departments', () => refreshDepartments()),
      api.on('canned', () => refreshCanned()),
      ...admin.subscribe(),
      api.on('conversations', () => {
        // Departments have no change event of their own; the first sync fills them in after sign-in.
        if (s().departments.length === 0) refreshDepartments();
        refreshConversations();
      }),
      api.on('messages', ({ conversationId, messages }) => {
        if (s().messages[conversationId]) s().addMessages(conversationId, messages);
        // A visitor's message ends their typing, whether or not a "stopped typing" ever arrives.
        if (s().typing[conversationId] && messages.some((m) => m.authorKind === 'visitor')) noteTyping(conversationId, false);
        if (isLookingAt(conversationId)) void api.markRead({ conversationId });
      }),
      api.on('messagesChanged', ({ conversationIds }) => {
        for (const conversationId of conversationIds) {
          if (!s().messages[conversationId]) continue;
          void loadChat(conversationId);
          if (isLookingAt(conversationId)) void api.markRead({ conversationId });
        }
      }),
      api.on('typing', ({ conversationId, typing }) => noteTyping(conversationId, typing)),
      api.on('dropBoxes', async ({ conversationId }) => {
        const r = await api.listDropBoxes({ conversationId });
        if (r.ok) s().setDropBoxes(conversationId, r.value);
      }),
      api.on('tickets', ({ ids }) => {
        refreshTickets();
        const open = s().selectedTicketId;
        if (open !== null && ids.includes(open)) void loadTicket(open);
      }),
      api.on('specialists', () => refreshSpecialists()),
      api.on('incidents', () => refreshIncidents()),
      api.on('stats', (snapshot) => s().setServerStats(snapshot)),
      // The alert bar shows it; the toast (browser mode's native notification) comes through 'notification'.
      api.on('incidentAlert', (alert) => s().noteIncidentAlert(alert)),
      api.on('outbox', ({ items }) => s().setOutbox(items)),
      api.on('unread', ({ byConversation }) => s().setUnread(byConversation)),
      // The specialist clicked a desktop notification: show what it was about.
      api.on('navigate', ({ conversationId, ticketId }) => {
        if (conversationId) showConversation(conversationId);
        else if (ticketId !== null) {
          s().selectTicket(ticketId);
          void loadTicket(ticketId);
        }
      }),
      // The core process restarted (or browser mode's host came back): what is shown may be behind.
      api.on('reconnected', () => {
        void api.getSession({}).then((session) => {
          if (!session.ok) return;
          s().setSession(session.value);
          if (session.value.me) {
            void loadAll();
            for (const id of s().openChatIds) void loadChat(id);
          }
        });
      }),
      api.on('settings', (settings) => s().setSettings(settings)),
      api.on('notification', function onNotification(n: ConsoleEvents['notification'], retried = false) {
        const { title, body, conversationId } = n;
        // What the specialist is looking at needs no toast; the same news twice in a row neither. A chat not
        // listed yet is decided after the conversations refresh the same change triggers.
        if (conversationId !== null && !s().conversations[conversationId] && !retried) {
          setTimeout(() => onNotification(n, true), 500);
          return;
        }
        const text = `${title}: ${body}`;
        if (conversationId !== null) {
          // About a chat: an alert that opens it and stays until the chat no longer needs me (chat-alerts-slice.ts).
          if (worthToast(conversationId)) s().showChatAlert({ conversationId, title, body });
          return;
        }
        if (s().toast?.text === text) return;
        s().showToast(text);
      }),
    ];
    const unsubscribeStore = store.subscribe((state, prev) => {
      if (state.view !== prev.view || state.activeChatId !== prev.activeChatId) syncFocus();
      if (state.chatAlerts.length > 0 && (state.conversations !== prev.conversations || state.view !== prev.view || state.activeChatId !== prev.activeChatId)) {
        const at = { conversations: state.conversations, meId: me()?.id ?? null, view: state.view, activeChatId: state.activeChatId };
        state.pruneChatAlerts((a) => chatAlertNeeded(a, at));
      }
      if (state.activeChatId && state.activeChatId !== prev.activeChatId && !state.messages[state.activeChatId]) void loadChat(state.activeChatId);
    });
    const onWindowFocus = () => syncFocus();
    const win = typeof window === 'undefined' ? null : window;
    win?.addEventListener('focus', onWindowFocus);
    win?.addEventListener('blur', onWindowFocus);
    void api.getAppInfo({}).then((info) => info.ok && s().setAppInfo(info.value));
    void (async () => {
      const session = await api.getSession({});
      if (session.ok) {
        s().setSession(session.value);
        if (session.value.me) await loadAll();
      } else {
        s().setSession({ serverUrl: null, me: null, connection: 'offline' });
      }
      const settings = await api.getSettings({});
      if (settings.ok) s().setSettings(settings.value);
    })();
    return () => {
      for (const off of offs) off();
      unsubscribeStore();
      win?.removeEventListener('focus', onWindowFocus);
      win?.removeEventListener('blur', onWindowFocus);
    };
  }

  return {
    start,
    admin,
    help,
    loadChat,
    refreshTickets,
    /** The refusal as given (the sign-in form words it), or null once signed in. */
    async login(input: { serverUrl: string; email: string; password: string }): Promise<AppError | null> {
      const r = await api.login(input);
      if (!r.ok) return r.error;
      s().setSession(r.value);
      if (r.value.me) await loadAll();
      return null;
    },
    async logout() {
      const r = await api.logout({});
      if (report(r)) {
        clearUserData();
        const session = s().session;
        s().setSession({ serverUrl: session?.serverUrl ?? null, me: null, connection: session?.connection ?? 'offline' });
      }
    },
    async setStatus(status: Presence) {
      const r = await api.setStatus({ status });
      const session = s().session;
      if (report(r) && session) s().setSession({ ...session, me: r.value });
    },
    async updateSettings(patch: Partial<ConsoleSettings>) {
      const r = await api.updateSettings(patch);
      if (report(r)) s().setSettings(r.value);
    },
    async acceptChat(conversationId: string) {
      const r = await api.acceptChat({ conversationId });
      if (!report(r)) return;
      s().upsertConversation(r.value);
      s().openChat(r.value.id);
      void loadChat(r.value.id);
    },
    async acceptNext(departmentId?: string) {
      const r = await api.acceptNext(departmentId ? { departmentId } : {});
      if (!report(r)) return;
      if (r.value === null) {
        s().showToast('Nobody is waiting.');
        return;
      }
      s().upsertConversation(r.value);
      s().openChat(r.value.id);
      void loadChat(r.value.id);
    },
    async sendMessage(conversationId: string, body: string, internal: boolean): Promise<boolean> {
      const r = await api.sendMessage({ conversationId, body, internal });
      if (r.ok) s().addMessages(conversationId, [r.value]);
      return report(r) || (!r.ok && r.error.code === 'offline');
    },
    setTyping(conversationId: string, typing: boolean) {
      void api.setTyping({ conversationId, typing });
    },
    async transferChat(conversationId: string, to: { specialistId: string } | { departmentId: string }, note: string) {
      const r = await api.transferChat({ conversationId, to, ...(note.trim() ? { note: note.trim() } : {}) });
      if (report(r, 'Chat transferred.')) s().upsertConversation(r.value);
    },
    async endChat(conversationId: string) {
      const r = await api.endChat({ conversationId });
      if (!report(r)) return;
      s().upsertConversation(r.value);
      if (r.value.ticketId !== null) {
        s().selectTicket(r.value.ticketId);
        void loadTicket(r.value.ticketId);
      }
    },
    async insertDropBox(conversationId: string, label: string) {
      const r = await api.insertDropBox({ conversationId, ...(label.trim() ? { label: label.trim() } : {}) });
      if (report(r)) s().setDropBoxes(conversationId, [...(s().dropBoxes[conversationId] ?? []).filter((b) => b.id !== r.value.id), r.value]);
    },
    async attachFile(conversationId: string, file: File) {
      const dataBase64 = await fileToBase64(file);
      const r = await api.attachFile({ conversationId, fileName: file.name, dataBase64 });
      if (report(r, r.ok && r.value.pending && s().connection.state !== 'online' ? `${file.name} will be sent when the connection is back.` : `${file.name} sent.`))
        s().addMessages(conversationId, [r.value]);
    },
    async loadOlder(conversationId: string) {
      const first = s().messages[conversationId]?.[0];
      if (!first || first.seq <= 1) return;
      const r = await api.getMessages({ conversationId, beforeSeq: first.seq, limit: PAGE });
      if (r.ok) s().prependMessages(conversationId, r.value, r.value.length >= PAGE && (r.value[0]?.seq ?? 1) > 1);
    },
    /** The specialist chose a chat alert: it goes, and its chat shows. */
    openChatAlert(alert: ChatAlert) {
      s().dismissChatAlert(alert.id);
      showConversation(alert.conversationId);
    },
    markRead(conversationId: string) {
      void api.markRead({ conversationId });
    },
    syncFocus,
    openTicket(id: number) {
      s().selectTicket(id);
      void loadTicket(id);
    },
    loadTicket,
    /** An email ticket's received mails with their headers, asked only when the specialist opens them (online only). */
    ticketMail: (ticketId: number) => api.listTicketMail({ ticketId }),
    async updateTicket(ticketId: number, patch: TicketPatch): Promise<string | null> {
      const r = await api.updateTicket({ ticketId, patch });
      if (!r.ok) return r.error.message;
      const detail = s().ticketDetail;
      if (detail && detail.ticket.id === ticketId) s().setTicketDetail({ ...detail, ticket: r.value });
      refreshTickets();
      return null;
    },
    async escalateTicket(ticketId: number, category: IssueCategory, note: string): Promise<string | null> {
      const r = await api.escalateTicket({ ticketId, category, note });
      if (!r.ok) return r.error.code === 'offline' ? null : r.error.message;
      const detail = s().ticketDetail;
      if (detail && detail.ticket.id === ticketId) s().setTicketDetail({ ...detail, ticket: r.value });
      s().showToast(`Ticket #${ticketId} escalated to engineering.`);
      return null;
    },
    async addTicketComment(ticketId: number, body: string, internal: boolean): Promise<boolean> {
      const r = await api.addTicketComment({ ticketId, body, internal });
      if (!report(r)) return false;
      const detail = s().ticketDetail;
      if (detail && detail.ticket.id === ticketId) s().setTicketDetail({ ...detail, comments: [...detail.comments, r.value] });
      return true;
    },
    async search(query: string): Promise<SearchHit[]> {
      if (!query.trim()) return [];
      const r: Result<ConsoleResults['search']> = await api.search({ query, limit: 30 });
      return r.ok ? r.value : [];
    },
    async retryOutboxItem(clientId: string) {
      report(await api.retryOutboxItem({ clientId }));
    },
    async discardOutboxItem(clientId: string) {
      report(await api.discardOutboxItem({ clientId }));
    },
    refreshIncidents,
    ...createIncidentCommands(api, store),
    async openAttachment(attachmentId: string, reveal: boolean) {
      const r = await api.openAttachment({ attachmentId, reveal });
      if (!report(r) || r.value.url === null || typeof document === 'undefined') return;
      // Browser mode: the host answers with a one-time link that downloads (Content-Disposition: attachment).
      const link = document.createElement('a');
      link.href = r.value.url;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
    },
    openExternal(url: string) {
      void api.openExternal({ url });
    },
  };
}

/** Base64 of a dropped or picked file, read in the renderer (IPC and the WebSocket both carry strings). */
async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
