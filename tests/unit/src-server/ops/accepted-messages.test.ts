import { describe, expect, it } from 'vitest';
import type { Broadcaster } from '../../../../src-server/sockets/broadcaster';
import type { LoggedEvent } from '../../../../src-server/db/events';
import { countingAcceptedMessages } from '../../../../src-server/ops/accepted-messages';

const event = (seq: number, type: string, payload: object) => ({ envelope: { seq, at: 0, type, payload }, scope: {} }) as unknown as LoggedEvent;

describe('countingAcceptedMessages', () => {
  it('counts visitor and specialist messages, not system lines or other events, and still publishes everything', () => {
    const published: LoggedEvent[][] = [];
    const counted: string[] = [];
    const b = countingAcceptedMessages({ publish: (e: readonly LoggedEvent[]) => published.push([...e]) } as unknown as Broadcaster, (a) => counted.push(a));
    const events = [
      event(1, 'message.created', { authorKind: 'visitor' }),
      event(2, 'message.created', { authorKind: 'system' }),
      event(3, 'message.created', { authorKind: 'specialist' }),
      event(4, 'conversation.updated', { authorKind: 'visitor' }),
    ];
    b.publish(events);
    expect(counted).toEqual(['visitor', 'specialist']);
    expect(published).toEqual([events]);
  });
});
