// Chat deadlines that decide something — a chat ending as idle, a departed specialist's chats going back to
// the queue — live in the database, not in one node's timers: with several nodes, a node only sees its own
// traffic and would end chats that are busy on another. Every node sweeps at the next deadline it can compute
// from the database (and at least every CHAT_SWEEP_INTERVAL_MS, for deadlines a vanished node had set); the
// action re-checks its condition in its own transaction, so exactly one node acts, and a chat that moved or a
// specialist who came back in the meantime is left alone.
import type { ServerContext } from '../context';
import type { TimerHandle } from '../clock';
import { earliestActivity, earliestLease, idleConversationIds, lapsedSpecialistIds } from '../db/chat-deadlines';

export interface DeadlineActions {
  /** Renews the presence leases of the specialists connected to this node. */
  renewLocalLeases(): Promise<void>;
  /** The specialists connected to this node (their leases are renewed here, so they never lapse while it runs). */
  localSpecialistIds(): string[];
  /** Ends the chat as idle if it is still quiet since `cutoff` (checked in the ending transaction). */
  endIdle(conversationId: string, cutoff: number): Promise<void>;
  /** Requeues the specialist's chats if their lease still lapsed before `cutoff` (checked in that transaction). */
  requeue(specialistId: string, cutoff: number): Promise<void>;
}

/** Chats ended per sweep; more wait for the next one, scheduled at once. */
const BATCH = 200;

export class ChatDeadlines {
  private timer: TimerHandle | null = null;
  private timerAt = Infinity;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly actions: DeadlineActions,
  ) {}

  /** The first sweep runs now (what fell due while no node ran); it schedules the next. */
  start(): Promise<void> {
    this.stopped = false;
    return this.sweep();
  }

  /** Something now falls due at `at` (a chat's idle deadline, a disconnect's grace): sweep no later than then. */
  dueBy(at: number): void {
    if (this.stopped || at >= this.timerAt) return;
    this.timer?.cancel();
    this.timerAt = at;
    this.timer = this.ctx.clock.setTimer(Math.max(0, at - this.ctx.clock.now()), () => {
      this.timer = null;
      this.timerAt = Infinity;
      void this.sweep();
    });
  }

  /** A chat moved (a message, an assignment): its idle deadline is now + the timeout; sweep by then. */
  chatMoved(): void {
    this.dueBy(this.ctx.clock.now() + this.ctx.config.chatIdleTimeoutMs);
  }

  /** One sweep at a time; a request during one runs another right after it. */
  sweep(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.sweepOnce()
      .catch((e: unknown) => this.ctx.log.error({ err: e }, 'chat deadline sweep failed'))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.sweep();
        }
      });
    return this.running;
  }

  private async sweepOnce(): Promise<void> {
    const { chatIdleTimeoutMs: idleMs, specialistGraceMs: graceMs, chatSweepIntervalMs } = this.ctx.config;
    const now = this.ctx.clock.now();
    const idleCutoff = now - idleMs;
    const graceCutoff = now - graceMs;
    // This node's own leases first: a specialist connected here is never "away", even if the renewal ticker
    // (on the real clock) has not run for a while.
    await this.actions.renewLocalLeases();
    const idle = await idleConversationIds(this.ctx.db, idleCutoff, BATCH);
    for (const id of idle) await this.actions.endIdle(id, idleCutoff);
    for (const id of await lapsedSpecialistIds(this.ctx.db, graceCutoff)) await this.actions.requeue(id, graceCutoff);
    if (this.stopped) return;
    if (idle.length === BATCH) {
      this.dueBy(this.ctx.clock.now());
      return;
    }
    const [activity, lease] = await Promise.all([earliestActivity(this.ctx.db), earliestLease(this.ctx.db, this.actions.localSpecialistIds())]);
    const next = Math.min(
      now + chatSweepIntervalMs,
      activity === null ? Infinity : activity + idleMs,
      // A lease still running (or one that lapsed just now) falls due a grace period after it ends.
      lease === null ? Infinity : Math.max(lease, graceCutoff + 1) + graceMs,
    );
    // Never sooner than a second from now: a chat that cannot be ended (a failing write) must not spin the sweep.
    this.dueBy(Math.max(next, now + 1_000));
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = null;
    this.timerAt = Infinity;
  }
}
