// A ticket's public history (chat transcript, then comments) as the customer reads it, on the comment page and in the portal.
import type { ComponentProps } from 'react';
import type { HistoryEntry } from '../comment-view';
import { AttachmentList } from './AttachmentList';
import { MessageText } from './MessageText';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type ListProps = ComponentProps<typeof AttachmentList>;

export function TicketTranscript(props: { entries: readonly HistoryEntry[]; hrefFor: ListProps['hrefFor']; loadImage?: ListProps['loadImage']; className?: string }) {
  const { entries, hrefFor, loadImage } = props;
  return (
    <ol className={`sb-messages sb-transcript${props.className ? ` ${props.className}` : ''}`} aria-label="Ticket history" data-testid="transcript">
      {entries.length === 0 ? <li className="sb-hint">No messages yet.</li> : null}
      {entries.map((e) => (
        <li key={e.key} className={`sb-msg ${e.kind === 'system' ? 'sb-msg-system' : e.kind === 'mine' ? 'sb-msg-mine' : 'sb-msg-theirs'}`}>
          {e.kind === 'system' ? null : (
            <div className="sb-msg-meta">
              <span className="sb-msg-author">{e.author}</span>
              <time dateTime={new Date(e.at).toISOString()}>{dateTime.format(e.at)}</time>
            </div>
          )}
          <div className={e.kind === 'system' ? undefined : 'sb-bubble'}>
            <MessageText text={e.body} />
            {e.attachments.length > 0 ? <AttachmentList attachments={e.attachments} hrefFor={hrefFor} loadImage={loadImage} /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
