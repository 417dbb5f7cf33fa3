import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../../src-shared/conversation';
import type { DropBox } from '../../../../../src-shared/drop-box';
import type { Message } from '../../../../../src-shared/message';
import {
  addMessage,
  applyEnvelope,
  chatFromState,
  enqueueMessage,
  failMessage,
  refreshFromState,
  timeline,
  type ChatView,
} from '../../../../../src-server/widget/src/chat-view';
import { CONVERSATION_ID, makeConversation, makeMessage } from '../../../../support/entity-factories';

const convId = CONVERSATION_ID;
const conversation: Conversation = makeConversation();

let n = 0;
const message = (over: Partial<Message> = {}): Message => {
  n += 1;
  return makeMessage(n, { createdAt: 1000 + n, ...over });
};

const box = (over: Partial<DropBox> = {}): DropBox => ({
  id: '22222222-2222-4222-8222-222222222222',
  conversationId: convId,
  requestedBy: '33333333-3333-4333-8333-333333333333',
  label: 'Screenshot please',
  state: 'open',
  attachments: [],
  createdAt: 5000,
  ...over,
});

const fresh = (): ChatView => chatFromState('t'.repeat(40), { conversation, messages: [], dropBoxes: [], queuePosition: 2, cursor: 10 }, []);

describe('chat view', () => {
  it('shows a message once however often it arrives (ack, event, catch-up)', () => {
    const m = message();
    let chat = addMessage(fresh(), m);
    chat = applyEnvelope(chat, { seq: 11, at: 0, type: 'message.created', payload: m });
    chat = addMessage(chat, m);
    expect(chat.messages).toHaveLength(1);
    expect(chat.cursor).toBe(11);
  });

  it('never shows internal notes or other conversations', () => {
    const chat = addMessage(addMessage(fresh(), message({ internal: true })), message({ conversationId: '99999999-9999-4999-8999-999999999999' }));
    expect(chat.messages).toEqual([]);
  });

  it('orders messages by server seq, not arrival', () => {
    const a = message();
    const b = message();
    const chat = addMessage(addMessage(fresh(), b), a);
    expect(chat.messages.map((m) => m.id)).toEqual([a.id, b.id]);
  });

  it('removes an outbox entry when the message with its client id arrives', () => {
    const pending = { clientId: '44444444-4444-4444-8444-444444444444', body: 'hi', queuedAt: 1 };
    let chat = enqueueMessage(fresh(), pending);
    expect(chat.outbox).toHaveLength(1);
    chat = addMessage(chat, message({ clientId: pending.clientId, authorKind: 'visitor', body: 'hi' }));
    expect(chat.outbox).toEqual([]);
  });

  it('keeps unacknowledged messages across a resume snapshot and drops those the server already has', () => {
    const sent = message({ authorKind: 'visitor' });
    let chat = enqueueMessage(fresh(), { clientId: sent.clientId, body: sent.body, queuedAt: 1 });
    chat = enqueueMessage(chat, { clientId: '55555555-5555-4555-8555-555555555555', body: 'later', queuedAt: 2 });
    chat = refreshFromState(chat, { conversation: { ...conversation, state: 'active' }, messages: [sent], dropBoxes: [], queuePosition: null, cursor: 20 });
    expect(chat.outbox.map((p) => p.body)).toEqual(['later']);
    expect(chat.conversation.state).toBe('active');
    expect(chat.cursor).toBe(20);
  });

  it('moves a refused message from the outbox to the failed list', () => {
    const clientId = '66666666-6666-4666-8666-666666666666';
    const chat = failMessage(enqueueMessage(fresh(), { clientId, body: 'x', queuedAt: 1 }), clientId, 'too long');
    expect(chat.outbox).toEqual([]);
    expect(chat.failed).toEqual([{ clientId, body: 'x', reason: 'too long' }]);
  });

  it('clears the queue position once the chat is assigned', () => {
    const chat = applyEnvelope(fresh(), {
      seq: 12,
      at: 0,
      type: 'conversation.updated',
      payload: { ...conversation, state: 'assigned', specialist: { id: '33333333-3333-4333-8333-333333333333', displayName: 'Dana' } },
    });
    expect(chat.queuePosition).toBeNull();
    expect(chat.conversation.specialist?.displayName).toBe('Dana');
  });

  it('updates a drop box in place and lists it between messages by time', () => {
    const before = message({ createdAt: 4000 });
    const after = message({ createdAt: 6000 });
    let chat = applyEnvelope(addMessage(addMessage(fresh(), before), after), { seq: 13, at: 0, type: 'dropbox.updated', payload: box() });
    chat = applyEnvelope(chat, { seq: 14, at: 0, type: 'dropbox.updated', payload: box({ state: 'fulfilled' }) });
    expect(chat.dropBoxes).toHaveLength(1);
    expect(timeline(chat).map((i) => (i.kind === 'message' ? i.message.body : i.box.state))).toEqual([before.body, 'fulfilled', after.body]);
  });

  it('never moves the cursor backwards', () => {
    const chat = applyEnvelope(fresh(), { seq: 3, at: 0, type: 'notice.updated', payload: { notice: null } });
    expect(chat.cursor).toBe(10);
  });
});
