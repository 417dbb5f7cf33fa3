// What the embed's tab reads: CHAT while the customer can chat (with any department) or is in a chat, HELP otherwise.
import type { Availability } from '../../../src-shared/department';
import type { ChatView } from './chat-view';
import { canChat } from './department-status';

/**
 * The tab is the way in for every department, so it follows whether any one of them can chat now, not the one
 * preselected in the form (the customer picks after opening). Until availability arrives it reads HELP.
 */
export function tabMode(state: { chat: ChatView | null; availability: Readonly<Record<string, Availability>> }): 'chat' | 'help' {
  if (state.chat && state.chat.conversation.state !== 'ended') return 'chat';
  return Object.values(state.availability).some(canChat) ? 'chat' : 'help';
}
