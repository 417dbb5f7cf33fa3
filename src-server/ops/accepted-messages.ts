// Counts chat messages as their events are published: only committed, new messages (a retried send publishes nothing).
import type { Broadcaster } from '../sockets/broadcaster';
import type { MessageAuthor } from './metrics';

/** The same broadcaster, reporting each visitor or specialist message.created it publishes (system lines are not counted). */
export function countingAcceptedMessages(inner: Broadcaster, accepted: (author: MessageAuthor) => void): Broadcaster {
  return {
    ...inner,
    publish(events) {
      for (const { envelope } of events) {
        if (envelope.type !== 'message.created') continue;
        const kind = envelope.payload.authorKind;
        if (kind === 'visitor' || kind === 'specialist') accepted(kind);
      }
      inner.publish(events);
    },
  };
}
