// The ConsoleApi in plain Node: queries read the cache, commands go through the outbox (outbox-commands.ts), and every
// change (sync, outbox, local) is announced to subscribers. Electron IPC and the browser-mode host both wrap it.
import type { Logger } from 'pino';
import type { z } from 'zod';
import type {
  AppInfo,
  ConsoleApi,
  ConsoleHandlers,
  ConsoleEventName,
  ConsoleEvents,
  ConsoleMethod,
  ConsoleResults,
  SessionInfo,
  consoleMethods,
} from '../../src-shared/console-api';
import { err, ok, type Result } from '../../src-shared/result';
import { canSeeAllDepartments, type Specialist } from '../../src-shared/specialist';
import type { AuthTokens } from '../../src-shared/protocol/http';
import type { IncidentAlert } from '../../src-shared/protocol/agent';
import type { AgentAnswer, AgentAnswerEvent } from '../../src-shared/protocol/agent-answers';
import type { Cache } from './cache/open-cache';
import { systemClock, systemTimers, type Clock, type Timers } from './clock';
import { createOutbox, type Outbox } from './outbox';
import { applyDelivered, type AgentCommandKind } from './delivered-commands';
import { createSyncEngine, type SyncEngine } from './sync/sync-engine';
import { createServerFirstQueries } from './server-first-queries';
import { createCannedQueries } from './canned-queries';
import { createAdminCommands } from './admin-commands';
import { createInboundMailQueries } from './inbound-mail-queries';
import { createHelpAuthoringQueries } from './help-authoring-queries';
import { createHelpImages } from './help-images';
import { createOutboxCommands } from './outbox-commands';
import { loginRequest } from './sync/auth-client';
import type { AppliedChanges } from './sync/apply-events';
import { badgeCount, candidateFor, coalesce, decide, initialCoalesceState, type CoalesceState, type NotificationTrigger } from './notification-policy';
import { createThrottle } from './throttle';
import { createAttachmentTransfer, type LocalFile, type QueuedAttachment } from './attachment-transfer';
import { createAttachmentPreview } from './attachment-preview';
import { validateExternalUrl } from './external-url';
import { mergeSettings, type SettingsStore } from './settings';
import type { BackoffOptions } from './backoff';
import { plainSecretBox, type SecretBox } from './secret-box';

export type { LocalFile };

type In<M extends ConsoleMethod> = z.output<(typeof consoleMethods)[M]>;
type Out<M extends ConsoleMethod> = Promise<Result<ConsoleResults[M]>>;

export interface ConsoleServiceDeps {
  cache: Cache;
  settings: SettingsStore;
  log: Logger;
  clock?: Clock;
  timers?: Timers;
  random?: () => number;
  backoff?: BackoffOptions;
  /** Seals the refresh token at rest (Electron: OS keychain); plain in browser mode. */
  secrets?: SecretBox;
  /** Opens a validated http(s) URL in the system browser (Electron shell or host). */
  openExternal?: (url: string) => void | Promise<void>;
  /** Folder for downloaded attachments (inside the console's data folder). */
  filesDir?: string;
  /** Hands a downloaded file to the user: Electron opens/reveals it, browser mode answers a one-time URL. */
  presentFile?: (file: LocalFile, reveal: boolean) => Promise<Result<{ url: string | null }>>;
  /** Where this console runs; browser mode when not given. */
  appInfo?: AppInfo;
  /** How long a command waits for the server before answering `offline` (it stays in the outbox). */
  commandWaitMs?: number;
  requestTimeoutMs?: number;
  pageSize?: number;
}

/** Dashboard numbers are refetched on relevant changes, but never more often than this. */
export const STATS_REFRESH_MS = 2_000;

export function createConsoleService(deps: ConsoleServiceDeps) {
  const { cache, settings, log } = deps;
  const clock = deps.clock ?? systemClock;
  const timers = deps.timers ?? systemTimers;
  const commandWaitMs = deps.commandWaitMs ?? 10_000;
  const secrets = deps.secrets ?? plainSecretBox;
  const appInfo: AppInfo = deps.appInfo ?? { shell: 'browser', platform: process.platform, version: '0.0.0', logDir: null };
  const saveRefreshToken = (token: string | null) => cache.syncState.set('refreshToken', token === null ? null : secrets.seal(token));
  const storedRefreshToken = (): string | null => {
    const sealed = cache.syncState.get('refreshToken');
    return sealed === null ? null : secrets.open(sealed);
  };
  const listeners = new Map<ConsoleEventName, Set<(payload: never) => void>>();
  let engine: SyncEngine | null = null;
  let focus: { conversationId: string | null; windowFocused: boolean } = { conversationId: null, windowFocused: true };
  let coalesceState: CoalesceState = initialCoalesceState;
  const typingOut = new Map<string, boolean>();
  const transfer = createAttachmentTransfer({ cache, log, filesDir: deps.filesDir, engine: () => engine });

  function emit<E extends ConsoleEventName>(event: E, payload: ConsoleEvents[E]): void {
    for (const l of listeners.get(event) ?? []) {
      try {
        (l as (p: ConsoleEvents[E]) => void)(payload);
      } catch (e) {
        log.error({ event, err: e }, 'listener failed');
      }
    }
  }

  const me = (): Specialist | null => {
    const raw = cache.syncState.get('me');
    if (!raw) return null;
    const stored = JSON.parse(raw) as Specialist;
    // The specialists table is refreshed by events; the kv copy only says who I am.
    return cache.specialists.get(stored.id) ?? stored;
  };
  const session = (): SessionInfo => ({
    serverUrl: cache.syncState.get('serverUrl'),
    me: me(),
    connection: engine?.state().state ?? 'offline',
  });

  const emitConnection = () => {
    const s = engine?.state() ?? { state: 'offline' as const, nextRetryAt: null };
    emit('connection', { state: s.state, unsent: outbox.unsent(), nextRetryAt: s.nextRetryAt ?? outbox.nextRetryAt() });
  };

  const emitUnread = () => {
    const self = me();
    if (!self) return;
    const byConversation = cache.conversations.unreadFor(self.id);
    emit('unread', { byConversation, badge: badgeCount(byConversation, cache.conversations.waitingByDepartment(), self.departmentIds) });
  };

  const outbox: Outbox = createOutbox({
    repo: cache.outbox,
    clock,
    timers,
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
    transport: {
      isConnected: () => engine?.isConnected() ?? false,
      send: (kind, payload) =>
        kind === 'attachment:send'
          ? transfer.sendQueued(payload as QueuedAttachment)
          : (engine?.request(kind as AgentCommandKind, payload) ?? Promise.resolve(err('offline', 'not connected'))),
    },
    onDelivered: (item, value) => {
      if (item.kind === 'attachment:send') transfer.dropQueuedBytes(item.clientId);
      applyDelivered(cache, emit, item.kind, value);
    },
    onFailed: (item, error) => log.warn({ kind: item.kind, clientId: item.clientId, code: error.code }, 'outbox item failed'),
    onError: (e, item) => log.error({ err: e, kind: item.kind, clientId: item.clientId }, 'outbox send or delivery failed'),
    onChange: (items) => {
      emit('outbox', { items });
      emitConnection();
    },
  });
  outbox.recover();

  function onChanges(changes: AppliedChanges, origin: 'live' | 'catch-up'): void {
    if (changes.departments.size) {
      emit('departments', { ids: [...changes.departments] });
      emit('specialists', { ids: [] });
    }
    if (changes.canned.size) emit('canned', { ids: [...changes.canned] });
    if (changes.admin && isLead()) emit('admin', {});
    if (changes.specialists.size) emit('specialists', { ids: [...changes.specialists] });
    if (changes.conversations.size) emit('conversations', { ids: [...changes.conversations] });
    // A catch-up page can hold thousands of messages nobody is looking at: windows learn which chats
    // changed and re-read the ones they show, instead of receiving (and parsing) every body.
    if (origin === 'catch-up') {
      if (changes.messages.size) emit('messagesChanged', { conversationIds: [...changes.messages.keys()] });
    } else {
      for (const [conversationId, messages] of changes.messages) emit('messages', { conversationId, messages });
    }
    for (const conversationId of changes.dropBoxes) emit('dropBoxes', { conversationId });
    if (changes.tickets.size) emit('tickets', { ids: [...changes.tickets] });
    if (changes.incidents.size) emit('incidents', { ids: [...changes.incidents] });
    if (changes.conversations.size || changes.messages.size) emitUnread();
    if (changes.conversations.size || changes.tickets.size || changes.specialists.size) {
      if (isLead()) statsRefresh.request();
    }
    notify(changes.triggers);
  }

  const isLead = () => {
    const self = me();
    return self !== null && canSeeAllDepartments(self.role);
  };

  /** Live dashboard: one `stats:get` per burst of changes, at most every STATS_REFRESH_MS. */
  const statsRefresh = createThrottle(
    () => {
      void queries.fetchStats().then((r) => {
        if (r.ok && r.value.live) emit('stats', r.value);
      });
    },
    STATS_REFRESH_MS,
    clock,
    timers,
  );

  function onIncidentAlert(alert: IncidentAlert): void {
    if (!isLead()) return;
    emit('incidentAlert', alert);
    notify([{ kind: 'incident_alert', alert }]);
  }

  function notify(triggers: readonly NotificationTrigger[]): void {
    const self = me();
    if (!self || triggers.length === 0) return;
    const ctx = { me: { id: self.id, departmentIds: self.departmentIds, status: self.status }, focus, prefs: settings.get().notifications };
    for (const trigger of triggers) {
      const decision = decide(candidateFor(trigger, ctx), ctx);
      if (!decision) continue;
      const r = coalesce(coalesceState, decision, clock.now());
      coalesceState = r.state;
      if (r.show) {
        const { title, body, conversationId, ticketId, sound } = r.show;
        emit('notification', { title, body, conversationId, ticketId, sound });
      }
    }
  }

  function startEngine(serverUrl: string, tokens: AuthTokens | null): void {
    engine?.stop();
    engine = createSyncEngine({
      cache,
      serverUrl,
      tokens,
      storedRefreshToken,
      clock,
      timers,
      log: log.child({ part: 'sync' }),
      ...(deps.random ? { random: deps.random } : {}),
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
      ...(deps.requestTimeoutMs ? { requestTimeoutMs: deps.requestTimeoutMs } : {}),
      ...(deps.pageSize ? { pageSize: deps.pageSize } : {}),
      onChanges,
      onState: () => {
        emitConnection();
        emit('session', session());
      },
      onProgress: (p) => emit('syncProgress', p),
      onOnline: () => outbox.reconnected(),
      onTokens: (t) => {
        saveRefreshToken(t.refreshToken);
        cache.syncState.set('me', JSON.stringify(t.specialist));
      },
      onSessionExpired: () => {
        saveRefreshToken(null);
        emit('session', session());
      },
      onTyping: (t) => emit('typing', t),
      onIncidentAlert,
    });
    engine.start();
  }

  /**
   * Online reads ask the server first; null means "answer from the cache" (offline, or the server unavailable).
   * Any other refusal, or an answer that does not match its schema (never stored), is the caller's result.
   */
  async function fromServer<E extends AgentAnswerEvent>(event: E, payload: unknown): Promise<Result<AgentAnswer<E>> | null> {
    if (!engine?.isConnected()) return null;
    const r = await engine.request(event, payload);
    if (!r.ok) return r.error.code === 'unavailable' || r.error.code === 'offline' ? null : r;
    return r;
  }
  const queries = createServerFirstQueries({ cache, clock, fromServer, me });
  const canned = createCannedQueries({ cache, fromServer });
  const admin = createAdminCommands({ cache, emit, engine: () => engine });
  const mail = createInboundMailQueries({ engine: () => engine });
  const help = createHelpAuthoringQueries({ engine: () => engine });
  const helpImages = createHelpImages({
    serverUrl: () => (engine ? cache.syncState.get('serverUrl') : null),
    accessToken: () => engine?.accessToken() ?? Promise.resolve(err('offline', 'not connected')),
    log,
  });
  const commands = createOutboxCommands({
    cache,
    clock,
    log,
    outbox,
    transfer,
    engine: () => engine,
    me,
    emit,
    outboxChanged: emitConnection,
    commandWaitMs,
  });

  const service = {
    ...canned,
    ...admin,
    ...mail,
    ...help,
    ...helpImages,
    ...commands,
    async getSession(_input: In<'getSession'>): Out<'getSession'> {
      return ok(session());
    },
    async login(input: In<'login'>): Out<'login'> {
      const r = await loginRequest(input.serverUrl, input.email, input.password, log);
      if (!r.ok) return r;
      const previous = me();
      const previousUrl = cache.syncState.get('serverUrl');
      if ((previous && previous.id !== r.value.specialist.id) || (previousUrl && previousUrl !== input.serverUrl)) {
        log.info('another specialist or server: starting from an empty cache');
        engine?.stop();
        engine = null;
        cache.wipe();
      }
      cache.syncState.set('serverUrl', input.serverUrl);
      saveRefreshToken(r.value.refreshToken);
      cache.syncState.set('me', JSON.stringify(r.value.specialist));
      cache.specialists.upsert(r.value.specialist);
      settings.set(mergeSettings(settings.get(), { serverUrl: input.serverUrl }));
      startEngine(input.serverUrl, r.value);
      const s = session();
      emit('session', s);
      return ok(s);
    },
    async logout(_input: In<'logout'>): Out<'logout'> {
      engine?.stop();
      engine = null;
      saveRefreshToken(null);
      cache.syncState.set('me', null);
      emit('session', session());
      emitConnection();
      return ok(null);
    },
    async setStatus(input: In<'setStatus'>): Out<'setStatus'> {
      if (!engine) return err('unauthorized', 'not logged in');
      const r = await engine.request('status:set', input);
      if (!r.ok) return r;
      cache.specialists.upsert(r.value);
      emit('specialists', { ids: [r.value.id] });
      emit('session', session());
      return r;
    },
    async getSettings(_input: In<'getSettings'>): Out<'getSettings'> {
      return ok(settings.get());
    },
    async updateSettings(input: In<'updateSettings'>): Out<'updateSettings'> {
      const next = mergeSettings(settings.get(), input);
      settings.set(next);
      emit('settings', next);
      return ok(next);
    },
    async getAppInfo(_input: In<'getAppInfo'>): Out<'getAppInfo'> {
      return ok(appInfo);
    },
    async listDepartments(_input: In<'listDepartments'>): Out<'listDepartments'> {
      return ok(cache.departments.list());
    },
    async listSpecialists(_input: In<'listSpecialists'>): Out<'listSpecialists'> {
      return ok(cache.specialists.list());
    },
    async listConversations(input: In<'listConversations'>): Out<'listConversations'> {
      return ok(cache.conversations.list(input.departmentId ?? null));
    },
    async getMessages(input: In<'getMessages'>): Out<'getMessages'> {
      return ok(cache.messages.page(input.conversationId, input.beforeSeq, input.limit));
    },
    async listDropBoxes(input: In<'listDropBoxes'>): Out<'listDropBoxes'> {
      return ok(cache.dropBoxes.listFor(input.conversationId));
    },
    async setTyping(input: In<'setTyping'>): Out<'setTyping'> {
      // Ephemeral: only state changes go out, never queued.
      if (typingOut.get(input.conversationId) === input.typing) return ok(null);
      typingOut.set(input.conversationId, input.typing);
      engine?.emit('typing', input);
      return ok(null);
    },
    async markRead(input: In<'markRead'>): Out<'markRead'> {
      cache.conversations.markRead(input.conversationId);
      emitUnread();
      return ok(null);
    },
    async setFocus(input: In<'setFocus'>): Out<'setFocus'> {
      focus = input;
      return ok(null);
    },
    listTickets: queries.listTickets,
    getTicket: queries.getTicket,
    async search(input: In<'search'>): Out<'search'> {
      return ok(cache.search.search(input.query, input.limit));
    },
    async getOutbox(_input: In<'getOutbox'>): Out<'getOutbox'> {
      return ok(outbox.list());
    },
    async retryOutboxItem(input: In<'retryOutboxItem'>): Out<'retryOutboxItem'> {
      return outbox.retry(input.clientId) ? ok(null) : err('not_found', 'no such outbox item');
    },
    async discardOutboxItem(input: In<'discardOutboxItem'>): Out<'discardOutboxItem'> {
      const item = outbox.discard(input.clientId);
      if (!item) return err('not_found', 'no such outbox item');
      if (item.kind === 'attachment:send') transfer.dropQueuedBytes(item.clientId);
      if ((item.kind === 'message:send' || item.kind === 'attachment:send') && cache.messages.removePending(item.clientId)) {
        const conversationId = (item.payload as { conversationId: string }).conversationId;
        emit('messages', { conversationId, messages: [] });
      }
      return ok(null);
    },
    listIncidents: queries.listIncidents,
    getStats: (_input: In<'getStats'>): Out<'getStats'> => queries.fetchStats(),
    async openAttachment(input: In<'openAttachment'>): Out<'openAttachment'> {
      if (!deps.presentFile) return err('unavailable', 'Attachments cannot be opened here');
      const file = await transfer.localCopy(input.attachmentId);
      return file.ok ? deps.presentFile(file.value, input.reveal) : file;
    },
    ...createAttachmentPreview({ attachment: (id) => cache.attachments.get(id), localCopy: (id) => transfer.localCopy(id) }),
    async openExternal(input: In<'openExternal'>): Out<'openExternal'> {
      const url = validateExternalUrl(input.url);
      if (!url.ok) return url;
      if (!deps.openExternal) return err('unavailable', 'cannot open links here');
      await deps.openExternal(url.value);
      return ok(null);
    },
    on<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };

  return {
    ...service,
    /** The shell knows window focus before the renderer does; the focused chat stays as the renderer set it. */
    setWindowFocused(windowFocused: boolean): void {
      focus = { ...focus, windowFocused };
    },
    /** The desktop shell: the specialist clicked a notification; windows show that chat or ticket. */
    navigate(target: ConsoleEvents['navigate']): void {
      emit('navigate', target);
    },
    /**
     * The computer woke up (or the network came back): a socket that slept is probably dead without knowing
     * it yet, so connect afresh now and catch up, rather than wait for a ping timeout or the next backoff step.
     */
    reconnectNow(): void {
      engine?.reconnectNow();
    },
    /** Resumes the stored session (refresh token) on app start; false when a login is needed. */
    resume(): boolean {
      const serverUrl = cache.syncState.get('serverUrl');
      if (!serverUrl || !storedRefreshToken()) return false;
      startEngine(serverUrl, null);
      return true;
    },
    close(): void {
      statsRefresh.cancel();
      outbox.stop();
      engine?.stop();
      engine = null;
    },
  } satisfies ConsoleHandlers &
    Pick<ConsoleApi, 'on'> & {
      setWindowFocused(f: boolean): void;
      navigate(target: ConsoleEvents['navigate']): void;
      reconnectNow(): void;
      resume(): boolean;
      close(): void;
    };
}
export type ConsoleService = ReturnType<typeof createConsoleService>;
