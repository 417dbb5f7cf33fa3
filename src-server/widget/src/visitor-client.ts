// The visitor's connection to the support server: socket.io /visitor namespace, resume after reload or reconnect,
// catch-up from the event cursor, live events through the event sequencer (behind several server nodes they can
// arrive late and out of order; holes are re-read with events:since), and the outbox that sends each unsent
// message exactly once (by client id).
import { io, type Socket } from 'socket.io-client';
import type { Availability } from '../../../src-shared/department';
import type { EventEnvelope } from '../../../src-shared/events';
import { EventSequencer } from '../../../src-shared/event-sequencer';
import { createGapReader } from '../../../src-shared/gap-reader';
import type { VisitorClientToServerEvents, VisitorServerToClientEvents } from '../../../src-shared/protocol/visitor';
import { ROUTING_KEY_PARAM } from '../../../src-shared/protocol/routing-key';
import { logHeadSchema } from '../../../src-shared/protocol/log-head';
import { err, ok, type Ack, type ErrorCode, type Result } from '../../../src-shared/result';
import type { SupportContext } from '../../../src-shared/visitor';
import {
  addMessage,
  applyEnvelope,
  chatFromState,
  enqueueMessage,
  failMessage,
  refreshFromState,
  updateConversation,
  type ChatView,
} from './chat-view';
import { newClientId } from './client-id';
import { savedOutbox, savedSession, saveOutbox, saveSession } from './saved-state';
import { createWidgetStore, withDepartment, type WidgetState, type WidgetStore } from './widget-store';

type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
type AckedEvent = Exclude<keyof VisitorClientToServerEvents, 'typing'>;
type AckValue<E extends AckedEvent> = Parameters<VisitorClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

const ACK_TIMEOUT_MS = 15_000;
/** Pause before resending after a refusal that may pass later (rate limit, server hiccup). */
const RETRY_MS = 3_000;
/** Visitor typing is sent at most this often while keys are pressed… */
const TYPING_REFRESH_MS = 2_000;
/** …and cleared after this long without a key. */
const TYPING_IDLE_MS = 3_000;
/** A session the server no longer knows or accepts: drop it and show the form again. */
const deadSession: ReadonlySet<ErrorCode> = new Set(['not_found', 'unauthorized', 'forbidden', 'expired']);

export interface ChatRequestInput {
  email: string;
  departmentId: string;
  question: string;
  context: SupportContext;
}

export interface VisitorClient {
  store: WidgetStore;
  origin: string;
  requestChat: (input: ChatRequestInput) => Promise<Result<null>>;
  sendMessage: (body: string) => void;
  noteTyping: () => void;
  /** `answerByEmail`: "Answer me by email instead" — the server then mails the EMAIL US acknowledgement, not a recap. */
  leaveChat: (opts?: { answerByEmail?: boolean }) => Promise<Result<null>>;
  /** After an ended chat: forget it and show the CONTACT US form again. */
  startOver: () => void;
  dispose: () => void;
}

/** The message of the `unavailable` Result a timeout or lost connection produces (the server's own refusals differ). */
export const OFFLINE_MESSAGE = "We can't reach support right now. Check your connection and try again.";
const offline = (): Result<never> => err('unavailable', OFFLINE_MESSAGE);

export function createVisitorClient(origin: string): VisitorClient {
  const saved = savedSession();
  const store = createWidgetStore({ resuming: saved !== null });
  // A routing key per client instance on every request: behind a balancer, the polling requests of one connection
  // reach one node even when the page's cookies are not sent (embedded on another site).
  const socket: VisitorSocket = io(`${origin}/visitor`, { withCredentials: false, query: { [ROUTING_KEY_PARAM]: newClientId() } });
  let session = saved;
  let flushing = false;
  let typingSentAt = 0;
  let typingIdle: ReturnType<typeof setTimeout> | undefined;
  let specialistTypingTimer: ReturnType<typeof setTimeout> | undefined;

  const set = (patch: Partial<WidgetState>) => store.setState(patch);
  // The chat's cursor is the sequencer's verified one: a reload never resumes past an event still on its way.
  const sequencer = new EventSequencer(saved?.cursor ?? 0);
  const gaps = createGapReader({
    sequencer,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    read: (since, limit) => request('events:since', { since, limit }),
    apply: applyEvents,
  });

  // Persist exactly what a reload needs: the session (with cursor) and the unsent messages.
  store.subscribe((next, prev) => {
    const chat = next.chat;
    if (!chat || chat === prev.chat) return;
    if (chat.outbox !== prev.chat?.outbox) saveOutbox(chat.conversation.id, chat.outbox);
    if (session && session.cursor !== chat.cursor) {
      session = { ...session, cursor: chat.cursor };
      saveSession(session);
    }
  });

  const updateChat = (f: (chat: ChatView) => ChatView) => {
    const chat = store.getState().chat;
    if (chat) set({ chat: f(chat) });
  };

  /** Emits an acknowledged event; a timeout becomes an `unavailable` Result (callers retry with the same client id). */
  async function request<E extends AckedEvent>(event: E, input: Parameters<VisitorClientToServerEvents[E]>[0]): Promise<Result<AckValue<E>>> {
    const timed = socket.timeout(ACK_TIMEOUT_MS);
    // socket.io's typings cannot follow a generic event name; the event map above fixes both sides.
    const emit = timed.emitWithAck as unknown as (event: E, input: unknown) => Promise<Result<AckValue<E>>>;
    try {
      return await emit.call(timed, event, input);
    } catch {
      return offline();
    }
  }

  /** The resumed or new chat's state covers everything up to its cursor: the sequencer starts over there. */
  function restartSequence(chat: ChatView): void {
    gaps.cancel();
    sequencer.reset(chat.cursor);
    const last = chat.messages.at(-1);
    if (last) sequencer.noteMessagesThrough(chat.conversation.id, last.seq);
  }

  async function flushOutbox(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      // One at a time, oldest first, so the server's order is the order they were written.
      for (;;) {
        const next = store.getState().chat?.outbox[0];
        if (!next || !socket.connected || store.getState().connection !== 'online') return;
        const res = await request('message:send', { clientId: next.clientId, body: next.body });
        if (res.ok) updateChat((c) => addMessage(c, res.value));
        else if (res.error.code === 'unavailable' || res.error.code === 'rate_limited' || res.error.code === 'internal') {
          // Worth retrying with the same client id (the server dedups): later, or at the next reconnect.
          if (socket.connected) setTimeout(() => void flushOutbox(), RETRY_MS);
          return;
        }
        else updateChat((c) => failMessage(c, next.clientId, res.error.message));
      }
    } finally {
      flushing = false;
    }
  }

  /**
   * Binds this connection to the saved chat. False when that failed for a reason that may pass (a timeout, the
   * server busy): the socket is then not bound, so nothing may be sent on it yet — the server would refuse every
   * message as unauthorized, and those refusals are final.
   */
  async function resume(): Promise<boolean> {
    if (!session) return true;
    const res = await request('chat:resume', { token: session.token });
    if (!res.ok) {
      if (deadSession.has(res.error.code)) {
        if (session) saveOutbox(session.conversationId, []);
        session = null;
        saveSession(null);
        set({ chat: null, resuming: false });
        return true;
      }
      return false;
    }
    const current = store.getState().chat;
    const token = session.token;
    const chat = current ? refreshFromState(current, res.value) : chatFromState(token, res.value, savedOutbox(res.value.conversation.id));
    set({ chat, resuming: false });
    restartSequence(chat);
    await gaps.readNow();
    return true;
  }

  /** After every (re)connect: bind the chat, then send what waited; a bind that failed for now is tried again. */
  async function onConnected(): Promise<void> {
    if (!(await resume())) {
      if (socket.connected) setTimeout(() => void (socket.connected && onConnected()), RETRY_MS);
      return;
    }
    set({ connection: 'online' });
    await flushOutbox();
  }

  /** Folds envelopes the sequencer let through (in order, each once) and keeps its verified cursor. */
  function applyEvents(envelopes: readonly EventEnvelope[], verified: number): void {
    for (const e of envelopes) {
      if (e.type === 'notice.updated') set({ notice: e.payload.notice });
      else if (e.type === 'department.updated') set({ departments: withDepartment(store.getState().departments, e.payload) });
    }
    updateChat((c) => ({ ...envelopes.reduce(applyEnvelope, c), cursor: verified }));
    if (envelopes.some((e) => e.type === 'message.created' && e.payload.authorKind === 'specialist')) set({ specialistTyping: null });
  }

  function onEvent(envelope: EventEnvelope): void {
    // Without a chat only notices and departments concern this page, and there is no cursor to keep.
    if (!store.getState().chat) applyEvents([envelope], 0);
    else gaps.live([envelope]);
  }

  socket.on('connect', () => void onConnected());
  socket.on('disconnect', (reason) => {
    gaps.cancel();
    sequencer.dropHeld();
    set({ connection: store.getState().connection === 'connecting' ? 'connecting' : 'reconnecting', specialistTyping: null });
    // The server dropping us (restart, deploy) does not trigger socket.io's own reconnection.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1_000);
  });
  // A refusal by the server's middleware is final for socket.io; a support page should keep trying.
  socket.on('connect_error', () => {
    if (!socket.active) setTimeout(() => socket.connect(), 2_000);
  });
  socket.on('availability', (list: Availability[]) => {
    const availability = { ...store.getState().availability };
    for (const a of list) availability[a.departmentId] = a;
    set({ availability });
  });
  socket.on('notice', (notice) => set({ notice }));
  socket.on('event', onEvent);
  // The node's Redis link is back: events of this chat committed on another node meanwhile may never come live.
  socket.on('log:head', (raw) => {
    const head = logHeadSchema.safeParse(raw);
    if (head.success && store.getState().chat) gaps.head(head.data.seq);
  });
  socket.on('queue:position', (p) => {
    updateChat((c) => (c.conversation.id === p.conversationId ? { ...c, queuePosition: p.position } : c));
  });
  socket.on('typing', (t) => {
    const chat = store.getState().chat;
    if (!chat || chat.conversation.id !== t.conversationId) return;
    clearTimeout(specialistTypingTimer);
    if (!t.typing) {
      set({ specialistTyping: null });
      return;
    }
    set({ specialistTyping: { displayName: t.displayName } });
    // Typing is ephemeral: it fades on its own if the "stopped" signal never comes.
    specialistTypingTimer = setTimeout(() => set({ specialistTyping: null }), t.ttlMs);
  });

  function stopTyping(): void {
    clearTimeout(typingIdle);
    if (typingSentAt !== 0 && socket.connected) socket.emit('typing', { typing: false });
    typingSentAt = 0;
  }

  return {
    store,
    origin,
    async requestChat(input) {
      const clientId = newClientId();
      const res = await request('chat:request', { clientId, ...input });
      if (!res.ok) return res;
      const { token, ...state } = res.value;
      session = { token, conversationId: state.conversation.id, cursor: state.cursor };
      saveSession(session);
      const chat = chatFromState(token, state, []);
      set({ chat, specialistTyping: null });
      restartSequence(chat);
      return ok(null);
    },
    sendMessage(body) {
      stopTyping();
      updateChat((c) => enqueueMessage(c, { clientId: newClientId(), body, queuedAt: Date.now() }));
      void flushOutbox();
    },
    noteTyping() {
      const chat = store.getState().chat;
      if (!chat || chat.conversation.state === 'ended' || !socket.connected) return;
      const now = Date.now();
      if (now - typingSentAt > TYPING_REFRESH_MS) {
        socket.emit('typing', { typing: true });
        typingSentAt = now;
      }
      clearTimeout(typingIdle);
      typingIdle = setTimeout(stopTyping, TYPING_IDLE_MS);
    },
    async leaveChat(opts = {}) {
      stopTyping();
      const res = await request('chat:leave', opts.answerByEmail ? { answerByEmail: true } : {});
      if (!res.ok) return res;
      // The ended conversation also arrives as an event; marking it here keeps the window right if that is late.
      updateChat((c) =>
        c.conversation.state === 'ended'
          ? c
          : updateConversation(c, { ...c.conversation, state: 'ended', endReason: 'visitor_left', endedAt: Date.now() }),
      );
      return ok(null);
    },
    startOver() {
      const chat = store.getState().chat;
      if (chat) saveOutbox(chat.conversation.id, []);
      gaps.cancel();
      session = null;
      saveSession(null);
      set({ chat: null, resuming: false, specialistTyping: null });
    },
    dispose() {
      clearTimeout(typingIdle);
      clearTimeout(specialistTypingTimer);
      gaps.cancel();
      socket.close();
    },
  };
}
