// One chat bubble: the visitor's on the right, the specialist's on the left, system lines centred.
import type { Attachment } from '../../../../src-shared/attachment';
import type { Message } from '../../../../src-shared/message';
import { AttachmentList } from './AttachmentList';
import { MessageText } from './MessageText';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

interface ChatMessageProps {
  message: Message;
  /** Files already shown in a drop box's attachment box are not repeated under the "Uploaded …" line. */
  shownElsewhere: ReadonlySet<string>;
  onOpenAttachment: (attachment: Attachment) => void;
  loadImage?: (attachment: Attachment) => Promise<string | null>;
}

export function ChatMessage({ message, shownElsewhere, onOpenAttachment, loadImage }: ChatMessageProps) {
  const attachments = message.attachments.filter((a) => !shownElsewhere.has(a.id));
  if (message.authorKind === 'system') {
    return (
      <li className="sb-msg sb-msg-system">
        <MessageText text={message.body} />
      </li>
    );
  }
  const mine = message.authorKind === 'visitor';
  return (
    <li className={`sb-msg ${mine ? 'sb-msg-mine' : 'sb-msg-theirs'}`} data-testid="chat-message">
      <div className="sb-msg-meta">
        <span className="sb-msg-author">{mine ? 'You' : message.authorName}</span>
        <time dateTime={new Date(message.createdAt).toISOString()}>{timeFormat.format(message.createdAt)}</time>
      </div>
      <div className="sb-bubble">
        <MessageText text={message.body} />
        {attachments.length > 0 ? <AttachmentList attachments={attachments} onOpen={onOpenAttachment} loadImage={loadImage} /> : null}
      </div>
    </li>
  );
}

export function PendingChatMessage({ body, note, failed }: { body: string; note: string; failed?: boolean }) {
  return (
    <li className={`sb-msg sb-msg-mine sb-msg-pending${failed ? ' sb-msg-failed' : ''}`} data-testid="pending-message">
      <div className="sb-bubble">
        <MessageText text={body} />
      </div>
      <div className="sb-msg-note">{note}</div>
    </li>
  );
}
