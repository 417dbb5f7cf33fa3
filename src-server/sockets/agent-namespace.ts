// The /agent namespace: token auth at connect, presence, chats, drop boxes, tickets and events:since scoped to the caller.
import type { Namespace, Socket } from 'socket.io';
import { ok } from '../../src-shared/result';
import { agentInbound, type AgentClientToServerEvents, type AgentServerToClientEvents, type AgentSocketData, type InterServerEvents } from '../../src-shared/protocol/agent';
import type { AgentActor, ServerContext } from '../context';
import type { ChatService } from '../chat/chat-service';
import type { TicketService } from '../tickets/ticket-service';
import type { NoticeService } from '../notices/notice-service';
import type { IncidentService } from '../incidents/incident-service';
import { dashboardStats } from '../stats/stats-service';
import { actorFromToken } from '../auth/account-service';
import { eventsForAgent } from '../db/events';
import { bindEvents } from './handler';
import { rooms } from './broadcaster';
import { HandshakeError } from './handshake-error';

export type AgentNamespace = Namespace<AgentClientToServerEvents, AgentServerToClientEvents, InterServerEvents, AgentSocketData>;
type AgentSocket = Socket<AgentClientToServerEvents, AgentServerToClientEvents, InterServerEvents, AgentSocketData>;

export function attachAgentNamespace(nsp: AgentNamespace, ctx: ServerContext, chat: ChatService, tickets: TicketService, notices: NoticeService, incidents: IncidentService): void {
  const actors = new WeakMap<AgentSocket, AgentActor>();

  nsp.use((socket, next) => {
    const token = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    actorFromToken(ctx, token).then(
      (res) => {
        if (!res.ok) return next(new HandshakeError(res.error.code, res.error));
        actors.set(socket, res.value);
        socket.data.specialistId = res.value.specialistId;
        socket.data.role = res.value.role;
        next();
      },
      (e: unknown) => {
        ctx.log.error({ err: e }, 'agent auth failed');
        next(new HandshakeError('internal', { code: 'internal', message: 'Authentication failed.' }));
      },
    );
  });

  nsp.on('connection', (socket: AgentSocket) => {
    const actor = actors.get(socket);
    if (!actor) {
      socket.disconnect(true);
      return;
    }
    const log = ctx.log.child({ ns: 'agent', specialistId: actor.specialistId });
    void socket.join(rooms.specialist(actor.specialistId));
    if (actor.role === 'agent') for (const d of actor.departmentIds) void socket.join(rooms.department(d));
    else void socket.join(rooms.allAgents);

    const connected = chat.specialistConnected(actor).catch((e) => log.error({ err: e }, 'connect bookkeeping failed'));
    void chat.queueStats().then(
      (stats) => socket.emit('queue:stats', stats),
      (e: unknown) => log.error({ err: e }, 'queue stats failed'),
    );
    socket.on('disconnect', () => {
      void connected.then(() => chat.specialistDisconnected(actor)).catch((e) => log.error({ err: e }, 'disconnect bookkeeping failed'));
    });

    bindEvents(
      socket,
      agentInbound,
      {
        'status:set': ({ status }) => chat.setStatus(actor, status),
        'snapshot:get': () => chat.snapshot(actor),
        'events:since': async ({ since, limit }) =>
          ok(await eventsForAgent(ctx.db, { all: actor.role !== 'agent', departmentIds: actor.departmentIds, specialistId: actor.specialistId }, since, limit)),
        'chat:accept': (input) => chat.accept(actor, input),
        'chat:accept-next': (input) => chat.acceptNext(actor, input),
        'message:send': (input) => chat.agentSend(actor, input),
        typing: (input) => chat.agentTyping(actor, input),
        'chat:transfer': (input) => chat.transfer(actor, input),
        'chat:end': (input) => chat.end(actor, input),
        'dropbox:insert': (input) => chat.insertDropBox(actor, input),
        'tickets:list': (input) => tickets.list(actor, input),
        'ticket:get': ({ ticketId }) => tickets.get(actor, ticketId),
        'ticket:update': (input) => tickets.update(actor, input),
        'ticket:comment': (input) => tickets.comment(actor, input),
        'ticket:escalate': (input) => tickets.escalate(actor, input),
        'notice:set': (input) => notices.set(actor, input),
        'incident:create': (input) => incidents.create(actor, input),
        'incident:link': (input) => incidents.linkTickets(actor, input),
        'incident:resolve': (input) => incidents.resolve(actor, input),
        'incidents:list': (input) => incidents.list(actor, input),
        'stats:get': () => dashboardStats(ctx, actor),
      },
      { log, optionalAck: ['typing'], now: () => ctx.clock.now() },
    );
  });
}
