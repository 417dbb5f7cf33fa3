// Drop boxes: a specialist asks the visitor for files in a chat; the box opens here, uploads fill it (uploads/).
import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import type { DropBox } from '../../src-shared/drop-box';
import type { AgentCommand } from '../../src-shared/protocol/agent';
import type { AgentActor, ServerContext } from '../context';
import { appendEvent } from '../db/events';
import * as conversations from '../db/conversations';
import * as dropBoxes from '../db/drop-boxes';
import { canSeeConversation, conversationScope } from './conversation-scope';
import type { ChatWrites } from './chat-writes';

export class DropBoxService {
  constructor(
    private readonly ctx: ServerContext,
    private readonly writes: ChatWrites,
  ) {}

  async insertDropBox(actor: AgentActor, input: AgentCommand<'dropbox:insert'>): Promise<Result<DropBox>> {
    return this.writes.commit<DropBox>(async (trx) => {
      const prior = await dropBoxes.findDropBoxByClientId(trx, input.clientId);
      if (prior) return { result: prior.requestedBy === actor.specialistId ? ok(prior) : err('conflict', 'Client id reused.'), events: [] };
      const c = await conversations.getConversation(trx, input.conversationId);
      if (!c || !canSeeConversation(actor, c)) return { result: err('not_found', 'Conversation not found.'), events: [] };
      if (c.state === 'ended') return { result: err('conflict', 'This chat has ended.'), events: [] };
      const now = this.ctx.clock.now();
      const box: DropBox = { id: randomUUID(), conversationId: c.id, requestedBy: actor.specialistId, label: input.label, state: 'open', attachments: [], createdAt: now };
      await dropBoxes.insertDropBox(trx, box, input.clientId);
      const event = await appendEvent(trx, 'dropbox.updated', box, now, conversationScope(c));
      return { result: ok(box), events: [event] };
    });
  }
}
