// The console's writes that survive being offline: each goes into the outbox and waits (bounded) for the server's
// answer; a specialist's message also shows at once as pending until the outbox turns it into the server's message.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { ConsoleEventName, ConsoleEvents, ConsoleMessage, ConsoleMethod, ConsoleResults, consoleMethods } from '../../src-shared/console-api';
import { err, ok, type Result } from '../../src-shared/result';
import type { Specialist } from '../../src-shared/specialist';
import { MAX_UPLOAD_BYTES, type Attachment } from '../../src-shared/attachment';
import type { Cache } from './cache/open-cache';
import type { Clock } from './clock';
import type { Outbox } from './outbox';
import { laneOf } from './outbox-lanes';
import type { CommandKind, CommandValue } from './delivered-commands';
import type { SyncEngine } from './sync/sync-engine';
import { uploadToConversation } from './sync/upload-client';
import type { AttachmentTransfer, QueuedAttachment } from './attachment-transfer';

type In<M extends ConsoleMethod> = z.output<(typeof consoleMethods)[M]>;
type Out<M extends ConsoleMethod> = Promise<Result<ConsoleResults[M]>>;

export interface OutboxCommandDeps {
  cache: Cache;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  transfer: AttachmentTransfer;
  engine: () => SyncEngine | null;
  me: () => Specialist | null;
  emit: <E extends ConsoleEventName>(event: E, payload: ConsoleEvents[E]) => void;
  /** The outbox changed: the connection badge counts what is unsent. */
  outboxChanged: () => void;
  /** How long a command waits for the server before answering `offline` (it stays in the outbox). */
  commandWaitMs: number;
}

export function createOutboxCommands(deps: OutboxCommandDeps) {
  const { cache, clock, log, outbox, transfer, emit } = deps;

  /** Stores the action in the outbox and waits (bounded) for the server's answer. */
  async function command<K extends CommandKind>(kind: K, payload: Record<string, unknown>, summary: string): Promise<Result<CommandValue<K>>> {
    const clientId = outbox.enqueue(kind, payload, summary);
    // The engine parsed the answer with the command's shared schema before the outbox delivered it.
    return (await outbox.waitFor(clientId, deps.commandWaitMs)) as Result<CommandValue<K>>;
  }

  /**
   * Shows a specialist's message at once (flagged pending) and queues what sends it; the outbox turns it into the
   * server's message. `send` builds the outbox item from the pending message's client id.
   */
  function queuePending(
    conversationId: string,
    content: Pick<ConsoleMessage, 'body' | 'attachments' | 'internal'>,
    send: (clientId: string) => { kind: CommandKind; payload: Record<string, unknown>; summary: string },
    clientId: string = randomUUID(),
  ): Result<ConsoleMessage> {
    const self = deps.me();
    if (!self) return err('unauthorized', 'not logged in');
    const pending: ConsoleMessage = {
      id: clientId,
      clientId,
      conversationId,
      seq: 0,
      authorKind: 'specialist',
      authorId: self.id,
      authorName: self.displayName,
      ...content,
      createdAt: clock.now(),
      pending: true,
    };
    const item = send(clientId);
    cache.transaction(() => {
      cache.messages.insertPending(pending);
      cache.outbox.add({ clientId, ...item, createdAt: pending.createdAt, lane: laneOf(item.payload, clientId) });
    });
    emit('messages', { conversationId, messages: [pending] });
    emit('outbox', { items: outbox.list() });
    deps.outboxChanged();
    outbox.kick();
    return ok(pending);
  }

  const visitorOf = (conversationId: string) => cache.conversations.get(conversationId)?.visitorEmail ?? 'visitor';

  async function queueMessage(conversationId: string, body: string, internal: boolean, attachments: Attachment[]): Promise<Result<ConsoleMessage>> {
    return queuePending(conversationId, { body, attachments, internal }, (clientId) => ({
      kind: 'message:send',
      payload: { clientId, conversationId, body, internal, attachmentIds: attachments.map((a) => a.id) },
      summary: `Message in chat with ${visitorOf(conversationId)}`,
    }));
  }

  /**
   * Offline: the bytes go to the data folder and an `attachment:send` item to the outbox; the chat shows the
   * file name as a pending message until the upload and the message go through.
   */
  async function queueAttachment(conversationId: string, fileName: string, bytes: Buffer): Promise<Result<ConsoleMessage>> {
    if (!deps.me()) return err('unauthorized', 'not logged in');
    const clientId = randomUUID();
    const kept = await transfer.keepQueuedBytes(clientId, bytes);
    if (!kept.ok) return kept;
    return queuePending(
      conversationId,
      { body: fileName, attachments: [], internal: false },
      () => ({
        kind: 'attachment:send',
        payload: { clientId, conversationId, fileName } satisfies QueuedAttachment,
        summary: `File ${fileName} in chat with ${visitorOf(conversationId)}`,
      }),
      clientId,
    );
  }

  return {
    acceptChat: (input: In<'acceptChat'>): Out<'acceptChat'> => command('chat:accept', input, 'Accept chat'),
    acceptNext: (input: In<'acceptNext'>): Out<'acceptNext'> =>
      command('chat:accept-next', input.departmentId ? { departmentId: input.departmentId } : {}, 'Accept next chat'),
    sendMessage: (input: In<'sendMessage'>): Out<'sendMessage'> => queueMessage(input.conversationId, input.body, input.internal, []),
    transferChat: (input: In<'transferChat'>): Out<'transferChat'> => command('chat:transfer', input, 'Transfer chat'),
    endChat: (input: In<'endChat'>): Out<'endChat'> => command('chat:end', input, 'End chat'),
    insertDropBox: (input: In<'insertDropBox'>): Out<'insertDropBox'> =>
      command('dropbox:insert', input.label ? input : { conversationId: input.conversationId }, 'Insert drop box'),
    async attachFile(input: In<'attachFile'>): Out<'attachFile'> {
      const serverUrl = cache.syncState.get('serverUrl');
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (bytes.length > MAX_UPLOAD_BYTES) return err('too_large', `Files are limited to ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`);
      const engine = deps.engine();
      if (!engine?.isConnected() || !serverUrl) return queueAttachment(input.conversationId, input.fileName, bytes);
      const token = await engine.accessToken();
      if (!token.ok) return token;
      const uploaded = await uploadToConversation(serverUrl, token.value, input.conversationId, input.fileName, bytes, log);
      if (!uploaded.ok) return uploaded;
      return queueMessage(input.conversationId, uploaded.value.fileName, false, [uploaded.value]);
    },
    updateTicket: (input: In<'updateTicket'>): Out<'updateTicket'> => command('ticket:update', input, `Update ticket #${input.ticketId}`),
    addTicketComment: (input: In<'addTicketComment'>): Out<'addTicketComment'> =>
      command('ticket:comment', input, `Comment on ticket #${input.ticketId}`),
    escalateTicket: (input: In<'escalateTicket'>): Out<'escalateTicket'> =>
      command('ticket:escalate', input, `Escalate ticket #${input.ticketId}`),
    createIncident: (input: In<'createIncident'>): Out<'createIncident'> => command('incident:create', input, `Declare incident “${input.title}”`),
    linkIncident: (input: In<'linkIncident'>): Out<'linkIncident'> =>
      command('incident:link', input, `Link ${input.ticketIds.length} ticket(s) to an incident`),
    resolveIncident: (input: In<'resolveIncident'>): Out<'resolveIncident'> => command('incident:resolve', input, 'Resolve an incident'),
    postIncidentUpdate: (input: In<'postIncidentUpdate'>): Out<'postIncidentUpdate'> => command('incident:update', input, 'Post an incident update'),
  };
}
