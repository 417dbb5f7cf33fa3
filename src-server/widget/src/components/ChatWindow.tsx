// LET'S CHAT window: "Just a moment" with queue position, the specialist's greeting, messages, drop boxes (files by
// Browse… or dropped anywhere on the window), image thumbnails, typing dots, the message box, "Reconnecting…" while
// offline and the ended state with the recap note.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Attachment } from '../../../../src-shared/attachment';
import { useStore } from 'zustand';
import { createChatImageLoader, type ImageLoader } from '../chat-images';
import { timeline } from '../chat-view';
import { useDropBoxUploads } from '../drop-box-uploads';
import { chatDropTarget } from '../drop-files';
import { useFileDragArea, useFileDropGuard, type FileDrop } from '../file-drag';
import { downloadAttachment } from '../server-api';
import type { VisitorClient } from '../visitor-client';
import { emailInsteadOffered } from '../widget-store';
import { ChatMessage, PendingChatMessage } from './ChatMessage';
import { Composer } from './Composer';
import { DropBoxCard } from './DropBoxCard';
import { Panel } from './Panel';
import { TypingDots } from './TypingDots';

interface ChatWindowProps {
  client: VisitorClient;
  onClose?: () => void;
  banner: ReactNode;
}

/** The Drop Box card an event happened in, if any (a drop on a card fills that box when it is open). */
const dropBoxIdAt = (target: EventTarget | null): string | null =>
  target instanceof Element ? (target.closest('[data-dropbox-id]')?.getAttribute('data-dropbox-id') ?? null) : null;

const ordinal = (n: number) => {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
};

export function ChatWindow({ client, onClose, banner }: ChatWindowProps) {
  const { store, origin } = client;
  const chat = useStore(store, (s) => s.chat);
  const connection = useStore(store, (s) => s.connection);
  const typing = useStore(store, (s) => s.specialistTyping);
  const offerEmail = useStore(store, emailInsteadOffered);
  const departmentName = useStore(store, (s) => s.departments?.find((d) => d.id === s.chat?.conversation.departmentId)?.name ?? null);
  // Local on purpose: after a reload the ordinary ended view (which also promises the email) is right too.
  const [leftForEmail, setLeftForEmail] = useState(false);
  const items = useMemo(() => (chat ? timeline(chat) : []), [chat]);
  const scroller = useRef<HTMLDivElement>(null);
  const endedHeading = useRef<HTMLHeadingElement>(null);
  const state = chat?.conversation.state;
  const specialist = chat?.conversation.specialist ?? null;
  const ended = state === 'ended';

  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [items.length, chat?.outbox.length, typing, state, chat?.queuePosition]);

  useEffect(() => {
    if (ended) endedHeading.current?.focus();
  }, [ended]);

  const inDropBoxes = useMemo(() => new Set(chat?.dropBoxes.flatMap((b) => b.attachments.map((a) => a.id)) ?? []), [chat?.dropBoxes]);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const openAttachment = (a: Attachment) => {
    if (!chat) return;
    setDownloadError(null);
    void downloadAttachment(origin, a.id, chat.token, a.fileName).then((res) => setDownloadError(res.ok ? null : res.error.message));
  };

  const token = chat?.token ?? '';
  const [images, setImages] = useState<ImageLoader | null>(null);
  useEffect(() => {
    if (!token) return;
    const loader = createChatImageLoader(origin, token);
    setImages(loader);
    return () => loader.dispose();
  }, [origin, token]);

  const uploadUrl = useCallback((boxId: string) => `${origin}/api/uploads/dropbox/${boxId}`, [origin]);
  const uploads = useDropBoxUploads(uploadUrl, token);
  const [dropError, setDropError] = useState<string | null>(null);
  const boxes = chat?.dropBoxes;
  // A new Drop Box answers "ask the specialist to open one".
  useEffect(() => setDropError(null), [boxes?.length]);
  useFileDropGuard();
  const drag = useFileDragArea(({ files, folders, target }: FileDrop) => {
    if (!boxes) return;
    const to = chatDropTarget(boxes, { ended, pointedBoxId: dropBoxIdAt(target) });
    setDropError(to.ok ? null : to.message);
    if (to.ok) uploads.send(to.box.id, files, folders);
  });
  const dragTarget = drag.dragging && boxes ? chatDropTarget(boxes, { ended, pointedBoxId: dropBoxIdAt(drag.over) }) : null;
  // The refusal is written at the end of the conversation: show it.
  useEffect(() => {
    const el = scroller.current;
    if (dropError && el) el.scrollTop = el.scrollHeight;
  }, [dropError]);

  const subtitle = specialist ? (
    <span className="sb-agent">
      <span className="sb-avatar" aria-hidden="true">
        {specialist.displayName.slice(0, 1).toUpperCase()}
      </span>
      <span>
        {ended ? 'Your chat with ' : 'Chatting with '}
        <strong data-testid="specialist-name">{specialist.displayName}</strong>
        {ended ? ' has ended' : null}
      </span>
    </span>
  ) : ended ? (
    'Chat ended'
  ) : (
    'Connecting you with our support team'
  );

  const offlineBanner =
    connection === 'reconnecting' ? (
      <div className="sb-connection" role="status" data-testid="reconnecting">
        Reconnecting… Your messages will be sent when the connection is back.
      </div>
    ) : null;

  return (
    <Panel
      title="LET'S CHAT"
      subtitle={subtitle}
      onClose={onClose}
      banner={
        <>
          {banner}
          {offlineBanner}
        </>
      }
    >
      <div className={drag.dragging ? 'sb-chat sb-chat-dragging' : 'sb-chat'} data-testid="chat-window" {...drag.handlers}>
        {dragTarget ? (
          <div className={dragTarget.ok ? 'sb-drop-banner' : 'sb-drop-banner sb-drop-banner-refused'} role="status" data-testid="drop-banner">
            {dragTarget.ok ? (
              <>
                <strong>Drop to upload</strong> <span className="sb-drop-banner-to">to “{dragTarget.box.label}”</span>
              </>
            ) : (
              dragTarget.message
            )}
          </div>
        ) : null}
        <div className="sb-scroller" ref={scroller}>
          {!chat ? (
            <p className="sb-waiting" role="status">
              Reconnecting to your chat…
            </p>
          ) : (
            <>
              {state === 'queued' ? (
                <div className="sb-waiting" role="status" data-testid="waiting">
                  <span className="sb-dots sb-dots-accent" aria-hidden="true">
                    <i />
                    <i />
                    <i />
                  </span>
                  <p className="sb-waiting-title">Just a moment</p>
                  <p className="sb-hint">
                    A member of our support team is preparing to chat.
                    {chat.queuePosition ? (
                      <>
                        {' '}
                        You are <strong data-testid="queue-position">{ordinal(chat.queuePosition)}</strong> in line.
                      </>
                    ) : null}
                  </p>
                  {offerEmail ? (
                    <div className="sb-email-instead" data-testid="email-instead">
                      <p>
                        No one {departmentName ? `in ${departmentName} ` : ''}is free to chat right now. You can keep waiting, or we can
                        answer by email at <strong>{chat.conversation.visitorEmail}</strong> instead: your question is already saved as
                        ticket #{chat.conversation.ticketId}.
                      </p>
                      <button
                        type="button"
                        className="sb-button sb-button-secondary"
                        onClick={() => {
                          setLeftForEmail(true);
                          void client.leaveChat({ answerByEmail: true }).then((res) => {
                            if (!res.ok) setLeftForEmail(false);
                          });
                        }}
                      >
                        Answer me by email instead
                      </button>
                    </div>
                  ) : null}
                </div>
              ) : null}
              <ol className="sb-messages" aria-live="polite" aria-relevant="additions" aria-label="Conversation">
                {items.map((item) =>
                  item.kind === 'message' ? (
                    <ChatMessage
                      key={item.message.id}
                      message={item.message}
                      shownElsewhere={inDropBoxes}
                      onOpenAttachment={openAttachment}
                      loadImage={images?.load}
                    />
                  ) : (
                    <DropBoxCard
                      key={item.box.id}
                      box={item.box}
                      state={uploads.stateOf(item.box.id)}
                      onFiles={(files) => uploads.send(item.box.id, files)}
                      onOpenAttachment={openAttachment}
                      loadImage={images?.load}
                      chatEnded={ended}
                      dropTarget={dragTarget?.ok === true && dragTarget.box.id === item.box.id}
                    />
                  ),
                )}
                {chat.outbox.map((p) => (
                  <PendingChatMessage key={p.clientId} body={p.body} note={connection === 'online' ? 'Sending…' : 'Waiting for connection…'} />
                ))}
                {chat.failed.map((f) => (
                  <PendingChatMessage key={f.clientId} body={f.body} note={`Not sent: ${f.reason}`} failed />
                ))}
              </ol>
              {downloadError ? (
                <p className="sb-field-error" role="alert">
                  {downloadError}
                </p>
              ) : null}
              {dropError ? (
                <p className="sb-drop-error" role="alert" data-testid="drop-error">
                  {dropError}
                </p>
              ) : null}
              {typing && !ended ? <TypingDots name={typing.displayName} /> : null}
              {ended ? (
                <div className="sb-ended" role="status" data-testid="chat-ended">
                  <h2 className="sb-ended-title" tabIndex={-1} ref={endedHeading}>
                    {leftForEmail ? "We'll answer you by email" : 'This chat session has ended'}
                  </h2>
                  {leftForEmail ? (
                    <p className="sb-hint">
                      Your question is saved as ticket #{chat.conversation.ticketId}. Our support team will reply to{' '}
                      <strong>{chat.conversation.visitorEmail}</strong>; the email we send now has a link to add details or files.
                    </p>
                  ) : (
                    <p className="sb-hint">
                      You will receive an email recapping the conversation at <strong>{chat.conversation.visitorEmail}</strong>, with a
                      link to add any comments.
                    </p>
                  )}
                  <button type="button" className="sb-button sb-button-secondary" onClick={client.startOver}>
                    Start a new chat
                  </button>
                </div>
              ) : null}
            </>
          )}
        </div>
        {chat && !ended ? (
          <div className="sb-chat-footer">
            <Composer disabled={ended} onSend={client.sendMessage} onTyping={client.noteTyping} />
            <button type="button" className="sb-text-button" onClick={() => void client.leaveChat()}>
              End chat
            </button>
          </div>
        ) : null}
      </div>
    </Panel>
  );
}
