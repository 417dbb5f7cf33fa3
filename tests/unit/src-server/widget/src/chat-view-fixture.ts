// A customer's chat as the widget holds it, queued first in line, with no messages yet: widget store tests start here.
import type { Conversation } from '../../../../../src-shared/conversation';
import type { ChatView } from '../../../../../src-server/widget/src/chat-view';
import { makeConversation } from '../../../../support/entity-factories';

export const queuedChatView = (over: Partial<Conversation> = {}): ChatView => ({
  token: 't'.repeat(40),
  conversation: { ...makeConversation({ departmentId: 'media' }), ...over },
  messages: [],
  dropBoxes: [],
  queuePosition: 1,
  cursor: 1,
  outbox: [],
  failed: [],
});
