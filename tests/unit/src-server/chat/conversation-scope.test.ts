import { describe, expect, it } from 'vitest';
import { canSeeConversation, conversationScope } from '../../../../src-server/chat/conversation-scope';
import type { AgentActor } from '../../../../src-server/context';
import { makeConversation } from '../../../support/entity-factories';

const agent = (over: Partial<AgentActor> = {}): AgentActor => ({ specialistId: 'dana', role: 'agent', displayName: 'Dana', departmentIds: ['finance'], ...over });

describe('conversationScope', () => {
  it('scopes events to the chat, its department and its specialist, visible to the visitor unless told otherwise', () => {
    const c = makeConversation({ departmentId: 'finance', specialist: { id: 'dana', displayName: 'Dana' } });
    expect(conversationScope(c)).toEqual({ conversationId: c.id, departmentId: 'finance', specialistId: 'dana', visitorVisible: true });
    expect(conversationScope(c, false).visitorVisible).toBe(false);
  });

  it('names no specialist for a chat nobody holds', () => {
    expect(conversationScope(makeConversation({ specialist: null })).specialistId).toBeNull();
  });
});

describe('canSeeConversation', () => {
  it('lets an agent see the chats of their departments only', () => {
    expect(canSeeConversation(agent(), makeConversation({ departmentId: 'finance' }))).toBe(true);
    expect(canSeeConversation(agent(), makeConversation({ departmentId: 'technical' }))).toBe(false);
  });

  it('lets an agent see a chat of another department that is assigned to them', () => {
    expect(canSeeConversation(agent(), makeConversation({ departmentId: 'technical', specialist: { id: 'dana', displayName: 'Dana' } }))).toBe(true);
  });

  it('lets leads and admins see every chat', () => {
    const elsewhere = makeConversation({ departmentId: 'technical' });
    expect(canSeeConversation(agent({ role: 'lead', departmentIds: [] }), elsewhere)).toBe(true);
    expect(canSeeConversation(agent({ role: 'admin', departmentIds: [] }), elsewhere)).toBe(true);
  });
});
