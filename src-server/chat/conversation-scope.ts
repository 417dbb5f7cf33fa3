// Who may see a conversation, and the scope its events are published under (which consoles, and whether its visitor gets them).
import type { Conversation } from '../../src-shared/conversation';
import type { AgentActor } from '../context';
import type { EventScope } from '../db/events';

/** What a message's event scope needs of its conversation. */
export type ConversationRef = Pick<Conversation, 'id' | 'departmentId'> & { specialist: { id: string } | null };

export const conversationScope = (c: ConversationRef, visitorVisible = true): EventScope => ({
  conversationId: c.id,
  departmentId: c.departmentId,
  specialistId: c.specialist?.id ?? null,
  visitorVisible,
});

/** Agents see the chats of their departments and the ones assigned to them (a transfer can cross departments); leads and admins see all. */
export const canSeeConversation = (actor: AgentActor, c: Pick<Conversation, 'departmentId' | 'specialist'>): boolean =>
  actor.role !== 'agent' || actor.departmentIds.includes(c.departmentId) || c.specialist?.id === actor.specialistId;
