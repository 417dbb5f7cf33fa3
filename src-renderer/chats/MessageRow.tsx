// One transcript row: author, time, text, attachments; internal notes and system lines look distinct.
import { memo } from 'react';
import type { ConsoleMessage as Message } from '../../src-shared/console-api';
import { formatClock } from '../format/time';
import { MessageText } from './MessageText';
import { AttachmentChip } from './AttachmentChip';

export const MessageRow = memo(function MessageRow(props: { message: Message; mine: boolean; groupedWithPrevious: boolean }) {
  const m = props.message;
  if (m.authorKind === 'system') {
    return (
      <div className="message message-system" data-seq={m.seq}>
        <MessageText text={m.body} />
        <span className="message-time">{formatClock(m.createdAt)}</span>
      </div>
    );
  }
  const cls = ['message', `message-${m.authorKind}`, props.mine ? 'message-mine' : '', m.internal ? 'message-internal' : '', props.groupedWithPrevious ? 'message-grouped' : '', m.pending ? 'message-pending' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={cls} data-seq={m.seq} data-testid="message">
      {!props.groupedWithPrevious && (
        <div className="message-meta">
          <span className="message-author">{m.authorName}</span>
          {m.internal && <span className="tag tag-note">Internal note</span>}
          <span className="message-time">{formatClock(m.createdAt)}</span>
        </div>
      )}
      <div className="message-bubble" title={m.pending ? 'Sending…' : undefined}>
        {m.body && <MessageText text={m.body} />}
        {m.attachments.length > 0 && (
          <div className="message-attachments">
            {m.attachments.map((a) => (
              <AttachmentChip key={a.id} attachment={a} thumbnail />
            ))}
          </div>
        )}
      </div>
      {m.pending && <span className="message-status">Sending…</span>}
    </div>
  );
});
