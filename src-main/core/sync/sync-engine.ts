// Keeps the cache in step with the server over socket.io (/agent): authenticate (refreshing the access
// token when needed), snapshot + catch up from the cursor in pages, then live events through the event
// sequencer, whose holes are closed by events:since re-reads (live events from several server nodes can
// arrive late and out of order); after any disconnect, reconnect with backoff and catch up again.
// Exposes requests with acks to the outbox. Every answer is parsed with its shared schema (sync/answer-check.ts)
// before anything reaches the cache, and every request is bounded by the ack timeout.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Logger } from 'pino';
import { AGENT_NAMESPACE, type IncidentAlert, type AgentClientToServerEvents, type AgentServerToClientEvents } from '../../../src-shared/protocol/agent';
import { agentAnswerSchemas, type AgentAnswer, type AgentAnswerEvent } from '../../../src-shared/protocol/agent-answers';
import type { AuthTokens } from '../../../src-shared/protocol/http';
import { ROUTING_KEY_PARAM } from '../../../src-shared/protocol/routing-key';
import { eventEnvelopeSchema, type EventEnvelope } from '../../../src-shared/events';
import { EventSequencer } from '../../../src-shared/event-sequencer';
import { createGapReader } from '../../../src-shared/gap-reader';
import { logHeadSchema } from '../../../src-shared/protocol/log-head';
import type { ConnectionState, ConsoleEvents } from '../../../src-shared/console-api';
import { err, type Result } from '../../../src-shared/result';
import type { Cache } from '../cache/open-cache';
import type { Clock, Timers } from '../clock';
import { backoffDelay, defaultBackoff, type BackoffOptions } from '../backoff';
import { applyEnvelopes, applySnapshot, type AppliedChanges } from './apply-events';
import { refreshRequest } from './auth-client';
import { readAnswer } from './answer-check';
import { createTokenKeeper } from './token-keeper';
/** After this many failed attempts in a row the state reads "offline" rather than "reconnecting". */
const OFFLINE_AFTER_ATTEMPTS = 3;
// Large pages keep an initial sync of a big history to a few hundred round trips (the server allows 5,000).
export const EVENTS_PAGE_SIZE = 5000;
/** A catch-up this large leaves many FTS segments behind; merging them makes searches ~1.5–2x faster. */
const OPTIMIZE_SEARCH_AFTER_EVENTS = 20_000;

export interface SyncEngineDeps {
  cache: Cache;
  serverUrl: string;
  /** Fresh tokens after a login, or null to start from the stored refresh token. */
  tokens: AuthTokens | null;
  /** The refresh token saved by an earlier session (already unsealed). */
  storedRefreshToken(): string | null;
  clock: Clock;
  timers: Timers;
  random?: () => number;
  log: Logger;
  backoff?: BackoffOptions;
  requestTimeoutMs?: number;
  pageSize?: number;
  /** Pause between a hole in the live events and its re-read (default GAP_REREAD_DELAY_MS). */
  gapDelayMs?: number;
  /** `catch-up`: pages fetched after (re)connecting, possibly a million messages; `live`: pushed events. */
  onChanges(changes: AppliedChanges, origin: 'live' | 'catch-up'): void;
  onState(state: ConnectionState, nextRetryAt: number | null): void;
  onProgress(progress: ConsoleEvents['syncProgress']): void;
  /** Connected and caught up: the outbox may send. */
  onOnline(): void;
  onTokens(tokens: AuthTokens): void;
  /** The refresh token was refused: the specialist must log in again. */
  onSessionExpired(): void;
  onTyping(t: { conversationId: string; typing: boolean }): void;
  /** Leads: the server spotted many reports of one category (ephemeral, never replayed). */
  onIncidentAlert?(a: IncidentAlert): void;
}

type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;
type LooseEmitter = { emitWithAck(event: string, payload: unknown): Promise<unknown> };

const isUnauthorized = (e: Error & { data?: unknown }) => {
  const data = e.data as { code?: string } | undefined;
  return data?.code === 'unauthorized' || data?.code === 'expired' || /unauthori[sz]ed|expired|token/i.test(e.message);
};

export function createSyncEngine(deps: SyncEngineDeps) {
  const { cache, clock, timers, log } = deps;
  const random = deps.random ?? Math.random;
  const requestTimeoutMs = deps.requestTimeoutMs ?? 15_000;
  const pageSize = deps.pageSize ?? EVENTS_PAGE_SIZE;
  // Drawn once per engine and sent on every connection (deploy/haproxy.cfg hashes on it). A WebSocket needs no
  // stickiness; the key spreads consoles evenly over the nodes and keeps each console's reconnects on one node.
  const routingKey = randomUUID();
  const keeper = createTokenKeeper({
    initial: deps.tokens,
    storedRefreshToken: deps.storedRefreshToken,
    refresh: (token) => refreshRequest(deps.serverUrl, token, log),
    clock,
    onTokens: deps.onTokens,
  });
  let socket: AgentSocket | null = null;
  let caughtUp = false;
  let catchingUp = false;
  let buffered: EventEnvelope[] = [];
  /** The newest log:head that came during a catch-up (0: none), handed to the gap reader after it. */
  let bufferedHead = 0;
  let attempt = 0;
  let retryTimer: unknown = null;
  let stopped = true;
  let state: ConnectionState = 'offline';
  let nextRetryAt: number | null = null;
  /** Bumped by reconnectNow, so a connect still waiting for its token does not open a second socket. */
  let generation = 0;
  // Its verified cursor is the one stored in the cache: both move together, through applyEnvelopes below.
  const sequencer = new EventSequencer(cache.syncState.cursor());
  const gaps = createGapReader({
    sequencer,
    timers,
    random,
    delayMs: deps.gapDelayMs,
    async read(since, limit) {
      const s = socket;
      if (!s || !caughtUp) return err('offline', 'not connected');
      return ask(s, 'events:since', { since, limit });
    },
    apply(events, verified) {
      deps.onChanges(applyEnvelopes(cache, events, { collectTriggers: true, cursor: verified }), 'live');
    },
  });

  const setState = (next: ConnectionState, retryAt: number | null) => {
    state = next;
    nextRetryAt = retryAt;
    deps.onState(next, retryAt);
  };

  /** One request with an ack, answered within requestTimeoutMs, its value parsed with the event's shared schema. */
  const ask = async <E extends AgentAnswerEvent>(s: AgentSocket, event: E, payload: unknown): Promise<Result<AgentAnswer<E>>> => {
    if (!s.connected) return err('offline', 'not connected');
    let raw: unknown;
    try {
      raw = await (s.timeout(requestTimeoutMs) as unknown as LooseEmitter).emitWithAck(event, payload);
    } catch {
      // socket.io rejects when the link drops before the ack (not the action's fault: the outbox does not count it)
      // and when the ack does not come in time (counted: the server may be stuck on it).
      return s.connected ? err('unavailable', 'no acknowledgement in time') : err('offline', 'the connection dropped before the server answered');
    }
    return readAnswer(agentAnswerSchemas[event], raw, event, log) as Result<AgentAnswer<E>>;
  };

  const accessToken = (): Promise<Result<string>> => keeper.accessToken();

  function scheduleReconnect(): void {
    if (stopped || retryTimer !== null) return;
    attempt++;
    const at = clock.now() + backoffDelay(attempt, random, deps.backoff ?? defaultBackoff);
    setState(attempt > OFFLINE_AFTER_ATTEMPTS ? 'offline' : 'reconnecting', at);
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      void connect();
    }, at - clock.now());
  }

  function dropSocket(): void {
    caughtUp = false;
    catchingUp = false;
    buffered = [];
    bufferedHead = 0;
    gaps.cancel();
    sequencer.dropHeld();
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
      socket = null;
    }
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    const started = generation;
    const token = await accessToken();
    if (stopped || started !== generation) return;
    if (!token.ok) {
      if (token.error.code === 'unauthorized' || token.error.code === 'expired' || token.error.code === 'forbidden') {
        log.warn({ code: token.error.code }, 'session refused; login needed');
        stopped = true;
        setState('offline', null);
        deps.onSessionExpired();
        return;
      }
      scheduleReconnect();
      return;
    }
    const s: AgentSocket = io(deps.serverUrl.replace(/\/+$/, '') + AGENT_NAMESPACE, {
      auth: { token: token.value },
      // Reconnection is ours (backoff + token refresh + catch-up), not socket.io's.
      reconnection: false,
      forceNew: true,
      transports: ['websocket'],
      query: { [ROUTING_KEY_PARAM]: routingKey },
      timeout: requestTimeoutMs,
    });
    socket = s;
    s.on('connect', () => {
      void catchUp(s);
    });
    s.on('connect_error', (e) => {
      log.info({ attempt, reason: e.message }, 'connect failed');
      if (isUnauthorized(e)) keeper.expireAccess();
      dropSocket();
      scheduleReconnect();
    });
    s.on('disconnect', (reason) => {
      log.info({ reason }, 'disconnected');
      dropSocket();
      scheduleReconnect();
    });
    s.on('event', (raw) => {
      const parsed = eventEnvelopeSchema.safeParse(raw);
      if (!parsed.success) {
        log.warn({ type: (raw as { type?: unknown }).type }, 'ignored malformed event');
        return;
      }
      if (!caughtUp) {
        // Applied after the catch-up pages, so the cursor never jumps over events still being fetched.
        buffered.push(parsed.data);
        return;
      }
      gaps.live([parsed.data]);
    });
    s.on('log:head', (raw) => {
      const parsed = logHeadSchema.safeParse(raw);
      if (!parsed.success) {
        log.warn('ignored malformed log:head');
        return;
      }
      // During a catch-up its last page may have been read before the head: it is handed on after the pages.
      if (!caughtUp) bufferedHead = Math.max(bufferedHead, parsed.data.seq);
      else gaps.head(parsed.data.seq);
    });
    s.on('typing', (t) => deps.onTyping({ conversationId: t.conversationId, typing: t.typing }));
    s.on('incident:alert', (a) => deps.onIncidentAlert?.(a));
  }

  async function catchUp(s: AgentSocket): Promise<void> {
    if (catchingUp) return;
    catchingUp = true;
    try {
      await catchUpPages(s);
    } catch (e) {
      // A bug in applying must not leave the socket connected but never caught up (the outbox would wait forever).
      log.error({ err: e }, 'catch-up failed');
      failCatchUp(s, 'exception');
    }
  }

  function failCatchUp(s: AgentSocket, why: string): void {
    log.info({ why }, 'catch-up interrupted');
    if (socket === s) {
      dropSocket();
      scheduleReconnect();
    }
  }

  async function catchUpPages(s: AgentSocket): Promise<void> {
    const fail = (why: string) => failCatchUp(s, why);
    deps.onProgress({ phase: 'snapshot', done: 0, total: null });
    const snapshot = await ask(s, 'snapshot:get', {});
    if (!snapshot.ok) return fail(`snapshot: ${snapshot.error.code}`);
    if (socket !== s) return;
    const start = sequencer.verified;
    // Notifications only for what happened while we were away, not for a first full load.
    const collectTriggers = start > 0;
    deps.onChanges(applySnapshot(cache, snapshot.value), 'catch-up');
    const total = Math.max(0, snapshot.value.cursor - start);
    let applied = 0;
    for (;;) {
      const receivedAtRequest = sequencer.received;
      // Parsed in full like live events (~5 µs per envelope with zod 4: a few seconds per million on a first sync).
      const page = await ask(s, 'events:since', { since: sequencer.verified, limit: pageSize });
      if (!page.ok) return fail(`events: ${page.error.code}`);
      if (socket !== s) return;
      const toApply = sequencer.page(page.value, receivedAtRequest);
      const changes = applyEnvelopes(cache, toApply, { collectTriggers, cursor: sequencer.verified });
      applied += changes.applied;
      deps.onChanges(changes, 'catch-up');
      deps.onProgress({ phase: 'events', done: Math.min(total, changes.cursor - start), total });
      if (!page.value.hasMore) break;
    }
    if (socket !== s) return;
    if (applied >= OPTIMIZE_SEARCH_AFTER_EVENTS) cache.search.optimize();
    const live = buffered;
    buffered = [];
    caughtUp = true;
    // Through the sequencer: most are duplicates of the pages by now; a hole left opens a re-read.
    if (live.length) gaps.live(live);
    if (bufferedHead > 0) gaps.head(bufferedHead);
    bufferedHead = 0;
    catchingUp = false;
    attempt = 0;
    deps.onProgress({ phase: 'done', done: total, total });
    setState('online', null);
    deps.onOnline();
  }

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      attempt = 0;
      setState('reconnecting', null);
      void connect();
    },
    stop(): void {
      stopped = true;
      keeper.close();
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
      dropSocket();
      setState('offline', null);
    },
    /** Drops the socket and connects afresh at once (after sleep the old one may be silently dead). */
    reconnectNow(): void {
      if (stopped) return;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
      generation += 1;
      dropSocket();
      attempt = 0;
      setState('reconnecting', null);
      void connect();
    },
    /** Connected and caught up: actions may go out. */
    isConnected: (): boolean => socket !== null && socket.connected && caughtUp,
    state: (): { state: ConnectionState; nextRetryAt: number | null } => ({ state, nextRetryAt }),
    /** One request with an ack (commands from the outbox, queries such as ticket:get), its answer parsed. */
    request<E extends AgentAnswerEvent>(event: E, payload: unknown): Promise<Result<AgentAnswer<E>>> {
      if (!socket || !caughtUp) return Promise.resolve(err('offline', 'not connected'));
      return ask(socket, event, payload);
    },
    /** A valid access token for HTTP calls (uploads), refreshed when close to expiry. */
    accessToken,
    /** Fire-and-forget events (typing), dropped while offline. */
    emit(event: 'typing', payload: { conversationId: string; typing: boolean }): void {
      if (socket?.connected) socket.emit(event, payload);
    },
  };
}
export type SyncEngine = ReturnType<typeof createSyncEngine>;
