// The chat workspace: a tab per open chat (unread and typing markers) and either the focused chat or a grid of up to four.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/app-store';
import { ChatPane } from './ChatPane';

const GRID_SIZE = 4;

export function ChatWorkspace() {
  const ids = useApp(useShallow((s) => s.openChatIds));
  const active = useApp((s) => s.activeChatId);
  const layout = useApp((s) => s.layout);
  const setLayout = useApp((s) => s.setLayout);
  const shown = layout === 'grid' ? gridWindow(ids, active) : active ? [active] : [];
  return (
    <section className="view chats-view" aria-label="Chats">
      <div className="tabs-bar">
        <div className="chat-tabs" role="tablist" aria-label="Open chats">
          {ids.map((id, i) => (
            <ChatTab key={id} id={id} index={i} selected={id === active} />
          ))}
          {ids.length === 0 && <span className="muted tabs-empty">No open chats. Accept a visitor from a queue (Alt N).</span>}
        </div>
        <div className="layout-switch" role="group" aria-label="Layout">
          <button type="button" className={`button button-small${layout === 'tabs' ? ' pressed' : ''}`} aria-pressed={layout === 'tabs'} onClick={() => setLayout('tabs')}>
            Single
          </button>
          <button type="button" className={`button button-small${layout === 'grid' ? ' pressed' : ''}`} aria-pressed={layout === 'grid'} onClick={() => setLayout('grid')}>
            Grid
          </button>
        </div>
      </div>
      <div className={`chat-panes chat-panes-${layout} count-${shown.length}`}>
        {shown.map((id) => (
          <ChatPane key={id} conversationId={id} focused={id === active} compact={layout === 'grid'} />
        ))}
      </div>
    </section>
  );
}

/** Up to four open chats around the focused one, in tab order. */
function gridWindow(ids: readonly string[], active: string | null): string[] {
  if (ids.length <= GRID_SIZE) return [...ids];
  const at = Math.max(0, active ? ids.indexOf(active) : 0);
  const start = Math.min(Math.max(0, at - 1), ids.length - GRID_SIZE);
  return ids.slice(start, start + GRID_SIZE);
}

const ChatTab = memo(function ChatTab(props: { id: string; index: number; selected: boolean }) {
  const { id } = props;
  const tab = useApp(
    useShallow((s) => {
      const c = s.conversations[id];
      return {
        email: c?.visitorEmail ?? '…',
        ended: c?.state === 'ended',
        waiting: c?.state === 'queued',
        unread: s.unread[id] ?? 0,
        typing: (s.typing[id] ?? false) && c?.state !== 'ended',
        // The visitor spoke last: my turn. Shown quietly so a glance at the tabs says which chats wait on me.
        myTurn: c?.state !== 'ended' && s.messages[id]?.at(-1)?.authorKind === 'visitor',
      };
    }),
  );
  const focusChat = useApp((s) => s.focusChat);
  return (
    <button
      type="button"
      role="tab"
      aria-selected={props.selected}
      className={`chat-tab${props.selected ? ' selected' : ''}${tab.ended ? ' ended' : ''}`}
      onClick={() => focusChat(id)}
      title={props.index < 9 ? `Alt ${props.index + 1}` : undefined}
      data-testid="chat-tab"
    >
      {tab.myTurn && <span className="my-turn" title="Waiting for your reply" aria-label="waiting for your reply" />}
      <span className="chat-tab-name">{tab.email}</span>
      {tab.typing && <span className="tab-typing" aria-label="typing">…</span>}
      {tab.ended && <span className="tag">ended</span>}
      {tab.unread > 0 && (
        <span className="count count-hot" aria-label={`${tab.unread} unread`}>
          {tab.unread}
        </span>
      )}
    </button>
  );
});
