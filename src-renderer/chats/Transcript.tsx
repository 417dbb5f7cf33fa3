// A chat's transcript as a virtualized list (only visible rows are in the DOM, so 10k messages stay smooth).
// It follows new messages only while the reader is at the bottom, keeps its place when older ones load,
// and announces messages from others in a polite live region.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ConsoleMessage as Message } from '../../src-shared/console-api';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { MessageRow } from './MessageRow';

const EMPTY: Message[] = [];
const GROUP_WINDOW_MS = 2 * 60_000;

export function Transcript(props: { conversationId: string; meId: string | null }) {
  const { conversationId, meId } = props;
  const messages = useApp((s) => s.messages[conversationId] ?? EMPTY);
  const loaded = useApp((s) => s.messages[conversationId] !== undefined);
  const hasOlder = useApp((s) => s.hasOlder[conversationId] ?? false);
  const controller = useController();
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const loadingOlder = useRef(false);
  const previous = useRef<{ firstSeq: number; count: number; total: number }>({ firstSeq: 0, count: 0, total: 0 });
  const [announcement, setAnnouncement] = useState('');

  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 56,
    overscan: 10,
    getItemKey: (i) => messages[i]?.id ?? i,
  });

  // Prepends keep the reader's place; appends follow only when already at the bottom.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const prev = previous.current;
    const first = messages[0]?.seq ?? 0;
    const total = virtualizer.getTotalSize();
    if (el && prev.count > 0 && first < prev.firstSeq) {
      el.scrollTop += total - prev.total;
    } else if (messages.length > 0 && (prev.count === 0 || (messages.length > prev.count && atBottom.current))) {
      virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
    }
    previous.current = { firstSeq: first, count: messages.length, total };
  }, [messages, virtualizer]);

  useEffect(() => {
    const last = messages[messages.length - 1];
    if (last && previous.current.count > 0 && last.authorId !== meId && last.authorKind !== 'system') {
      setAnnouncement(`${last.authorName}: ${last.body || 'sent a file'}`);
    }
  }, [messages, meId]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 300 && hasOlder && !loadingOlder.current) {
      loadingOlder.current = true;
      void controller.loadOlder(conversationId).finally(() => {
        loadingOlder.current = false;
      });
    }
  }, [controller, conversationId, hasOlder]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="transcript" ref={scrollRef} onScroll={onScroll} tabIndex={0} aria-label="Transcript" data-testid="transcript">
      {!loaded && <p className="empty">Loading…</p>}
      {loaded && messages.length === 0 && <p className="empty">No messages yet.</p>}
      <div className="transcript-inner" style={{ height: virtualizer.getTotalSize() }}>
        <div className="transcript-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => {
            const m = messages[item.index]!;
            const prev = messages[item.index - 1];
            const grouped =
              prev !== undefined && prev.authorKind !== 'system' && prev.authorId === m.authorId && prev.authorKind === m.authorKind && prev.internal === m.internal && m.createdAt - prev.createdAt < GROUP_WINDOW_MS;
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement}>
                <MessageRow message={m} mine={m.authorId !== null && m.authorId === meId} groupedWithPrevious={grouped} />
              </div>
            );
          })}
        </div>
      </div>
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
