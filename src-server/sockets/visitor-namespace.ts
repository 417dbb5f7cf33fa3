// The /visitor namespace: chat requests, resume by token, messages, typing, leave and events:since for one conversation.
import type { Namespace, Socket } from 'socket.io';
import { err, ok } from '../../src-shared/result';
import { visitorInbound, visitorTokenSchema, type VisitorClientToServerEvents, type VisitorServerToClientEvents, type VisitorSocketData } from '../../src-shared/protocol/visitor';
import type { InterServerEvents } from '../../src-shared/protocol/agent';
import type { ServerContext } from '../context';
import type { ChatService } from '../chat/chat-service';
import type { NoticeService } from '../notices/notice-service';
import { eventsForVisitor } from '../db/events';
import { bindEvents } from './handler';
import { rooms } from './broadcaster';
import { clientAddress } from '../http/client-address';

export type VisitorNamespace = Namespace<VisitorClientToServerEvents, VisitorServerToClientEvents, InterServerEvents, VisitorSocketData>;
type VisitorSocket = Socket<VisitorClientToServerEvents, VisitorServerToClientEvents, InterServerEvents, VisitorSocketData>;

export function attachVisitorNamespace(nsp: VisitorNamespace, ctx: ServerContext, chat: ChatService, notices: NoticeService): void {
  nsp.on('connection', (socket: VisitorSocket) => {
    socket.data.conversationId = null;
    const log = ctx.log.child({ ns: 'visitor', socket: socket.id });
    const bind = (conversationId: string) => {
      if (socket.data.conversationId && socket.data.conversationId !== conversationId) void socket.leave(rooms.conversation(socket.data.conversationId));
      socket.data.conversationId = conversationId;
      void socket.join(rooms.conversation(conversationId));
    };
    const needChat = () => err('unauthorized', 'Start or resume a chat first.');
    // As fastify's req.ip: the balancer's X-Forwarded-For only when TRUST_PROXY trusts it.
    const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], ctx.config.trustProxy);

    socket.emit('availability', chat.currentAvailability());
    notices.current().then(
      (n) => socket.emit('notice', n),
      (e: unknown) => log.error({ err: e }, 'notice lookup failed'),
    );

    // A token in the handshake resumes the chat at once (a reconnect after a page reload).
    const handshakeToken = visitorTokenSchema.safeParse((socket.handshake.auth as Record<string, unknown> | undefined)?.token);
    const ready = handshakeToken.success
      ? chat.conversationForToken(handshakeToken.data).then((c) => {
          if (c) bind(c.id);
        })
      : Promise.resolve();
    ready.catch((e) => log.error({ err: e }, 'handshake resume failed'));

    bindEvents(
      socket,
      visitorInbound,
      {
        'chat:request': async (input) => {
          const budget = await ctx.budgets.strangers.take('chat_request', { address, target: input.email });
          if (!budget.ok) return budget;
          const res = await chat.requestChat(input);
          if (!res.ok) return res;
          bind(res.value.state.conversation.id);
          return ok({ ...res.value.state, token: res.value.token });
        },
        'chat:resume': async ({ token }) => {
          const c = await chat.conversationForToken(token);
          if (!c) return err('unauthorized', 'Unknown or expired chat token.');
          bind(c.id);
          const state = await chat.visitorState(c.id);
          return state ? ok(state) : err('not_found', 'Chat not found.');
        },
        'message:send': async (input) => {
          await ready;
          const id = socket.data.conversationId;
          return id ? chat.visitorSend(id, input) : needChat();
        },
        typing: async ({ typing }) => {
          const id = socket.data.conversationId;
          if (!id) return needChat();
          await chat.visitorTyping(id, typing);
          return ok(null);
        },
        'chat:leave': async ({ answerByEmail }) => {
          await ready;
          const id = socket.data.conversationId;
          return id ? chat.visitorLeave(id, { answerByEmail }) : needChat();
        },
        'events:since': async ({ since, limit }) => {
          await ready;
          return ok(await eventsForVisitor(ctx.db, socket.data.conversationId, since, limit));
        },
      },
      { log, optionalAck: ['typing'], now: () => ctx.clock.now() },
    );
  });
}
