import { describe, expect, it } from 'vitest';
import { socketBroadcaster } from '../../../../src-server/sockets/broadcaster';
import type { LoggedEvent } from '../../../../src-server/db/events';

/** A namespace that records each emit: through the adapter (`relayed`) or to this node's sockets only (`local`). */
function fakeNamespace(sent: string[]) {
  const operator = (how: string, rooms: string[]): unknown => ({
    to: (room: string) => operator(how, [...rooms, room]),
    emit: (event: string) => sent.push(`${how} ${event}${rooms.length ? ` ${rooms.join('+')}` : ''}`),
  });
  const relayed = operator('relayed', []) as object;
  return { ...relayed, local: operator('local', []) } as never;
}

const event: LoggedEvent = {
  envelope: { seq: 7, at: 7, type: 'notice.updated', payload: { notice: null } },
  scope: { conversationId: 'c1', departmentId: 'd1', specialistId: null, visitorVisible: true },
};

describe('socket broadcaster', () => {
  it('emits through the adapter while the Redis link is up, and to this node’s sockets only while it is down', () => {
    const sent: string[] = [];
    let up = true;
    const b = socketBroadcaster(fakeNamespace(sent), fakeNamespace(sent), () => up);
    b.publish([event]);
    b.notice(null);
    up = false;
    b.publish([event]);
    b.notice(null);
    b.queueStats([]);
    expect(sent).toEqual([
      'relayed event dept:d1+agents:all',
      'relayed event conv:c1',
      'relayed notice',
      'local event dept:d1+agents:all',
      'local event conv:c1',
      'local notice',
      'local queue:stats',
    ]);
  });

  it('always emits through the adapter without Redis (a single node)', () => {
    const sent: string[] = [];
    socketBroadcaster(fakeNamespace(sent), fakeNamespace(sent)).availability([]);
    expect(sent).toEqual(['relayed availability']);
  });
});
