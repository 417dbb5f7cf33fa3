// The chat service the sockets and routes call: it builds the chat domains, wires them together, starts and stops them.
// Where the work is: visitor-chats.ts, chat-assignment.ts (routing, accept, transfer), chat-ending.ts, agent-messages.ts,
// drop-box-service.ts, specialist-presence.ts, queue-status.ts, availability-publisher.ts; the idle and grace deadlines
// are decided in the database by chat-deadlines.ts, never by one node's timers.
import type { Result } from '../../src-shared/result';
import type { Conversation } from '../../src-shared/conversation';
import type { Message } from '../../src-shared/message';
import type { DropBox } from '../../src-shared/drop-box';
import type { Availability } from '../../src-shared/department';
import type { Specialist, Presence } from '../../src-shared/specialist';
import type { ChatRequest, VisitorChatState } from '../../src-shared/protocol/visitor';
import type { AgentCommand, AgentSnapshot } from '../../src-shared/protocol/agent';
import type { AgentActor, ServerContext } from '../context';
import type { QueueStat } from '../sockets/broadcaster';
import { PresenceRegistry } from './presence';
import { PresenceLeases } from './presence-leases';
import { ChatDeadlines } from './chat-deadlines';
import { AvailabilityPublisher } from './availability-publisher';
import { ChatWrites } from './chat-writes';
import { TypingThrottle } from './typing-signals';
import { QueueStatus } from './queue-status';
import { ChatAssignment } from './chat-assignment';
import { ChatEnding } from './chat-ending';
import { SpecialistPresence } from './specialist-presence';
import { VisitorChats } from './visitor-chats';
import { AgentMessages } from './agent-messages';
import { DropBoxService } from './drop-box-service';
import { agentSnapshot } from './agent-snapshot';

export { uuidV7 } from './message-identity';
export { TYPING_TTL_MS, TYPING_THROTTLE_MS } from './typing-signals';
export { canSeeConversation } from './conversation-scope';

export class ChatService {
  readonly presence: PresenceRegistry;
  readonly deadlines: ChatDeadlines;
  private readonly availability: AvailabilityPublisher;
  private readonly leases: PresenceLeases;
  private readonly queue: QueueStatus;
  private readonly assignment: ChatAssignment;
  private readonly ending: ChatEnding;
  private readonly specialists: SpecialistPresence;
  private readonly visitors: VisitorChats;
  private readonly agentMessages: AgentMessages;
  private readonly dropBoxes: DropBoxService;

  constructor(private readonly ctx: ServerContext) {
    const presence = (this.presence = new PresenceRegistry());
    const availability = (this.availability = new AvailabilityPublisher(ctx, (s, leased) => presence.isRoutable(s, leased)));
    const leases = (this.leases = new PresenceLeases(ctx, presence));
    const deadlines = (this.deadlines = new ChatDeadlines(ctx, {
      renewLocalLeases: () => leases.renew(),
      localSpecialistIds: () => presence.connectedIds(),
      endIdle: async (conversationId, cutoff) => {
        const res = await this.ending.endConversation(conversationId, 'idle_timeout', null, cutoff);
        if (!res.ok && res.error.code !== 'conflict') ctx.log.error({ conversationId, code: res.error.code }, 'idle end failed');
      },
      requeue: (specialistId, cutoff) =>
        this.specialists.graceExpired(specialistId, cutoff).catch((e: unknown) => ctx.log.error({ err: e, specialistId }, 'requeue failed')),
    }));
    // Only an ending commits ended chats, and the ending domain (built below) does their bookkeeping.
    const writes = new ChatWrites(ctx, (c) => this.ending.afterEnded(c));
    const queue = (this.queue = new QueueStatus(ctx));
    const routing = (this.assignment = new ChatAssignment(ctx, writes, { presence, deadlines, queue, availability }));
    const ending = (this.ending = new ChatEnding(ctx, writes, { queue, routing }));
    this.specialists = new SpecialistPresence(ctx, writes, { presence, leases, deadlines, availability, routing });
    const typing = new TypingThrottle();
    this.visitors = new VisitorChats(ctx, writes, { presence, deadlines, routing, ending, typing });
    this.agentMessages = new AgentMessages(ctx, writes, { deadlines, typing });
    this.dropBoxes = new DropBoxService(ctx, writes);
  }

  // ---------- visitor side (visitor-chats.ts) ----------

  requestChat(input: ChatRequest): Promise<Result<{ state: VisitorChatState; token: string }>> {
    return this.visitors.requestChat(input);
  }

  conversationForToken(token: string): Promise<Conversation | null> {
    return this.visitors.conversationForToken(token);
  }

  visitorState(conversationId: string): Promise<VisitorChatState | null> {
    return this.visitors.visitorState(conversationId);
  }

  visitorSend(conversationId: string, input: { clientId: string; body: string }): Promise<Result<Message>> {
    return this.visitors.visitorSend(conversationId, input);
  }

  visitorTyping(conversationId: string, typing: boolean): Promise<void> {
    return this.visitors.visitorTyping(conversationId, typing);
  }

  /** `answerByEmail`: "Answer me by email instead" — honoured before any specialist wrote (queued or just assigned). */
  visitorLeave(conversationId: string, opts: { answerByEmail?: boolean } = {}): Promise<Result<null>> {
    return this.visitors.visitorLeave(conversationId, opts);
  }

  // ---------- specialists (specialist-presence.ts, agent-messages.ts, drop-box-service.ts, agent-snapshot.ts) ----------

  specialistConnected(actor: AgentActor): Promise<void> {
    return this.specialists.specialistConnected(actor);
  }

  specialistDisconnected(actor: AgentActor): Promise<void> {
    return this.specialists.specialistDisconnected(actor);
  }

  setStatus(actor: AgentActor, status: Presence): Promise<Result<Specialist>> {
    return this.specialists.setStatus(actor, status);
  }

  agentSend(actor: AgentActor, input: AgentCommand<'message:send'>): Promise<Result<Message>> {
    return this.agentMessages.agentSend(actor, input);
  }

  agentTyping(actor: AgentActor, input: AgentCommand<'typing'>): Promise<Result<null>> {
    return this.agentMessages.agentTyping(actor, input);
  }

  insertDropBox(actor: AgentActor, input: AgentCommand<'dropbox:insert'>): Promise<Result<DropBox>> {
    return this.dropBoxes.insertDropBox(actor, input);
  }

  snapshot(actor: AgentActor): Promise<Result<AgentSnapshot>> {
    return agentSnapshot(this.ctx.db, actor);
  }

  // ---------- assignment and ending (chat-assignment.ts, chat-ending.ts) ----------

  accept(actor: AgentActor, input: AgentCommand<'chat:accept'>): Promise<Result<Conversation>> {
    return this.assignment.accept(actor, input);
  }

  acceptNext(actor: AgentActor, input: AgentCommand<'chat:accept-next'>): Promise<Result<Conversation | null>> {
    return this.assignment.acceptNext(actor, input);
  }

  transfer(actor: AgentActor, input: AgentCommand<'chat:transfer'>): Promise<Result<Conversation>> {
    return this.assignment.transfer(actor, input);
  }

  end(actor: AgentActor, input: AgentCommand<'chat:end'>): Promise<Result<Conversation>> {
    return this.ending.end(actor, input);
  }

  /** Assigns what can be assigned in `auto` departments, then pushes queue positions and availability. */
  route(): Promise<void> {
    return this.assignment.route();
  }

  // ---------- queue and availability (queue-status.ts, availability-publisher.ts) ----------

  /** Waiting chats per department right now (sent to a console when it connects). */
  queueStats(): Promise<QueueStat[]> {
    return this.queue.stats();
  }

  currentAvailability(): Availability[] {
    return this.availability.current();
  }

  /** Recomputes availability, pushes it to every visitor when it changed, and re-arms the hours-boundary timer. */
  refreshAvailability(): Promise<Availability[]> {
    return this.availability.refresh();
  }

  // ---------- lifecycle ----------

  /**
   * After a restart: the first sweep ends chats that went idle while no node ran, and requeues the chats of
   * specialists nobody has held for the grace period (statuses a crash left "online" included).
   */
  async start(): Promise<void> {
    await this.deadlines.start();
    await this.availability.refresh();
    // Renew the leases of locally connected specialists, and pick up availability changes caused on other nodes.
    this.leases.start(() => this.heartbeat());
  }

  /** The presence heartbeat (every third of a lease on the real clock; tests on a fake clock call it themselves). */
  heartbeat(): Promise<void> {
    return this.specialists.heartbeat();
  }

  /** Graceful shutdown: give up the presence leases this node holds, so other nodes stop routing to it at once. */
  releaseLeases(): Promise<void> {
    return this.leases.release();
  }

  stop(): void {
    this.assignment.stop();
    this.specialists.stop();
    this.leases.stop();
    this.deadlines.stop();
    this.availability.stop();
    this.presence.clear();
  }
}
