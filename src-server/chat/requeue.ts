// A specialist's chats back at the head of the queue, in the caller's transaction: when their grace period ran out
// (nobody holds their presence any more) and when an admin deactivates their account.
import { randomUUID } from 'node:crypto';
import type { Message } from '../../src-shared/message';
import type { Db } from '../db/schema';
import * as conversations from '../db/conversations';
import { insertMessage } from '../db/messages';
import { appendEvent, type LoggedEvent } from '../db/events';
import { SYSTEM_NAME, uuidV7 } from './message-identity';

/** What the visitor reads when their chat goes back to the queue, by why it does. */
export const REQUEUE_NOTES = {
  disconnected: 'Your specialist was disconnected. You are back in the queue; the next available specialist will join shortly.',
  deactivated: 'Your specialist is no longer available. You are back in the queue; the next available specialist will join shortly.',
} as const;

/** Requeues every assigned or active chat of the specialist with a system message; returns the events to publish. */
export async function requeueChatsOf(trx: Db, specialistId: string, now: number, note: string): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  for (const c of await conversations.listAssignedTo(trx, specialistId)) {
    // Keep queued_at: a requeued chat should not lose its place to newer ones.
    await conversations.updateConversation(trx, c.id, { state: 'queued', specialistId: null, assignedAt: null });
    const updated = await conversations.getConversation(trx, c.id);
    if (!updated) throw new Error(`conversation ${c.id} vanished`);
    const scope = { conversationId: c.id, departmentId: updated.departmentId, specialistId: null, visitorVisible: true };
    events.push(await appendEvent(trx, 'conversation.updated', updated, now, scope));
    const message: Message = {
      id: uuidV7(now),
      clientId: randomUUID(),
      conversationId: c.id,
      seq: await conversations.nextMessageSeq(trx, c.id, now),
      authorKind: 'system',
      authorId: null,
      authorName: SYSTEM_NAME,
      body: note,
      attachments: [],
      internal: false,
      createdAt: now,
    };
    await insertMessage(trx, message);
    events.push(await appendEvent(trx, 'message.created', message, now, scope));
  }
  return events;
}
