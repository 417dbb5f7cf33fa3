// One chat: header with actions, transcript, visitor details and drop boxes, typing dots and composer.
// Files dropped anywhere on the pane are attached to the chat.
import { memo, useState } from 'react';
import type { DropBox } from '../../src-shared/drop-box';
import { useApp } from '../store/app-store';
import { isLive } from '../store/conversation-views';
import { useController } from '../app/controller-context';
import { Transcript } from './Transcript';
import { Composer } from './Composer';
import { AttachmentChip } from './AttachmentChip';
import { HelpSuggestions } from './HelpSuggestions';
import { ContextTags, WaitTime } from '../queues/QueueView';
import { DropBoxDialog, EndChatDialog, TransferDialog } from './ChatDialogs';
import { formatClock } from '../format/time';

const NO_BOXES: DropBox[] = [];

export const ChatPane = memo(function ChatPane(props: { conversationId: string; focused: boolean; compact?: boolean }) {
  const { conversationId } = props;
  const controller = useController();
  const c = useApp((s) => s.conversations[conversationId]);
  const meId = useApp((s) => s.session?.me?.id ?? null);
  const departmentName = useApp((s) => s.departments.find((d) => d.id === c?.departmentId)?.name ?? c?.departmentId ?? '');
  const dialog = useApp((s) => (s.chatDialog?.conversationId === conversationId ? s.chatDialog.kind : null));
  const setChatDialog = useApp((s) => s.setChatDialog);
  const closeChat = useApp((s) => s.closeChat);
  const focusChat = useApp((s) => s.focusChat);
  const [dragging, setDragging] = useState(false);

  if (!c) return <section className="chat-pane empty">This chat is not in the local cache yet.</section>;
  const mine = c.specialist?.id === meId;
  const live = isLive(c);
  const canAct = mine && live;
  const closeDialog = () => setChatDialog(null);

  return (
    <section
      className={`chat-pane${props.focused ? ' focused' : ''}${dragging ? ' dragging' : ''}`}
      aria-label={`Chat with ${c.visitorEmail}`}
      data-testid="chat-pane"
      data-conversation={c.id}
      onFocusCapture={() => !props.focused && focusChat(c.id)}
      onDragOver={(e) => {
        if (!canAct || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        setDragging(false);
        if (!canAct) return;
        e.preventDefault();
        for (const f of Array.from(e.dataTransfer.files)) void controller.attachFile(c.id, f);
      }}
    >
      <header className="chat-header">
        <div className="chat-title">
          <h2>{c.visitorEmail}</h2>
          <div className="chat-sub muted">
            {departmentName}
            {c.ticketId !== null && <> · ticket #{c.ticketId}</>}
            {' · '}
            <StateText state={c.state} assignedAt={c.assignedAt} endedAt={c.endedAt} />
          </div>
        </div>
        <div className="chat-actions">
          {canAct && (
            <>
              <button type="button" className="button button-small" onClick={() => setChatDialog({ kind: 'dropbox', conversationId: c.id })}>
                Drop Box
              </button>
              <button type="button" className="button button-small" onClick={() => setChatDialog({ kind: 'transfer', conversationId: c.id })}>
                Transfer
              </button>
              <button type="button" className="button button-small button-danger" onClick={() => setChatDialog({ kind: 'end', conversationId: c.id })} title="Alt E">
                End chat
              </button>
            </>
          )}
          {c.state === 'queued' && (
            <button type="button" className="button button-small button-primary" onClick={() => void controller.acceptChat(c.id)}>
              Accept
            </button>
          )}
          {c.state === 'ended' && c.ticketId !== null && (
            <button type="button" className="button button-small button-primary" onClick={() => controller.openTicket(c.ticketId!)}>
              Open ticket #{c.ticketId}
            </button>
          )}
          {!(mine && live) && (
            <button type="button" className="icon-button" aria-label="Close chat tab" onClick={() => closeChat(c.id)}>
              ×
            </button>
          )}
        </div>
      </header>
      <div className="chat-body">
        <div className="chat-main">
          <Transcript conversationId={c.id} meId={meId} />
          {props.compact && <DropBoxes conversationId={c.id} compact />}
          {props.compact && canAct && <HelpSuggestions conversationId={c.id} compact />}
          <TypingDots conversationId={c.id} />
          <Composer
            conversationId={c.id}
            disabled={!canAct}
            disabledReason={c.state === 'ended' ? 'This chat has ended — continue on its ticket' : mine ? undefined : 'Accept the chat to reply'}
          />
        </div>
        {!props.compact && (
          <aside className="chat-aside" aria-label="Visitor">
            <h3>Visitor</h3>
            <p className="aside-email">{c.visitorEmail}</p>
            <h3>Question</h3>
            <p className="aside-question">{c.question}</p>
            {canAct && <HelpSuggestions conversationId={c.id} />}
            <h3>Context</h3>
            <ContextTags context={c.context} />
            {!c.context.pid && !c.context.eid && <p className="muted">No event context.</p>}
            <h3>Timeline</h3>
            <dl className="facts">
              <dt>Requested</dt>
              <dd>{formatClock(c.queuedAt)}</dd>
              {c.assignedAt !== null && (
                <>
                  <dt>Assigned</dt>
                  <dd>{formatClock(c.assignedAt)}</dd>
                </>
              )}
              {c.endedAt !== null && (
                <>
                  <dt>Ended</dt>
                  <dd>{formatClock(c.endedAt)}</dd>
                </>
              )}
            </dl>
            <DropBoxes conversationId={c.id} />
          </aside>
        )}
      </div>
      {dragging && <div className="drop-hint">Drop files to send them to {c.visitorEmail}</div>}
      {dialog === 'dropbox' && <DropBoxDialog conversationId={c.id} onClose={closeDialog} />}
      {dialog === 'transfer' && <TransferDialog conversation={c} onClose={closeDialog} />}
      {dialog === 'end' && <EndChatDialog conversation={c} onClose={closeDialog} />}
    </section>
  );
});

function StateText(props: { state: string; assignedAt: number | null; endedAt: number | null }) {
  if (props.state === 'queued') return <span>waiting</span>;
  if (props.state === 'ended') return <span>ended</span>;
  return (
    <span>
      {props.state === 'assigned' ? 'assigned' : 'active'} {props.assignedAt !== null && <WaitTime since={props.assignedAt} calm />}
    </span>
  );
}

function TypingDots(props: { conversationId: string }) {
  const typing = useApp((s) => (s.typing[props.conversationId] ?? false) && s.conversations[props.conversationId]?.state !== 'ended');
  // The row keeps its height when empty, so the transcript does not jump when the dots come and go.
  return (
    <div className="typing-row" aria-live="polite" data-testid="typing">
      {typing && (
        <span className="typing">
          <span className="typing-dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          Visitor is typing…
        </span>
      )}
    </div>
  );
}

/** Drop boxes of the chat: in the side panel, or as a strip above the composer when the pane is compact (grid). */
function DropBoxes(props: { conversationId: string; compact?: boolean }) {
  const boxes = useApp((s) => s.dropBoxes[props.conversationId] ?? NO_BOXES);
  if (boxes.length === 0) return null;
  return (
    <>
      {!props.compact && <h3>Drop boxes</h3>}
      <ul className={props.compact ? 'dropbox-list dropbox-strip' : 'dropbox-list'} data-testid="dropboxes" aria-label="Drop boxes">
        {boxes.map((b) => (
          <li key={b.id} className={`dropbox dropbox-${b.state}`}>
            <div className="dropbox-label">
              {b.label || 'Upload'} <span className="tag">{b.state === 'open' ? 'waiting for upload' : b.state}</span>
            </div>
            {b.attachments.map((a) => (
              <AttachmentChip key={a.id} attachment={a} />
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
