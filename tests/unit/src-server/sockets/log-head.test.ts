import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';
import { appendEvent } from '../../../../src-server/db/events';
import { announceLogHead, onRedisRecovered, type HeadNamespace } from '../../../../src-server/sockets/log-head';
import type { LogHead } from '../../../../src-shared/protocol/log-head';

const log = pino({ level: 'silent' });

describe('onRedisRecovered', () => {
  it('fires once each time the client is ready again after losing its connection, never for the first connect', () => {
    const client = new EventEmitter();
    let recovered = 0;
    onRedisRecovered(client, () => recovered++);
    client.emit('ready');
    expect(recovered).toBe(0);
    // A stop: the link ends, reconnect attempts fail with errors, then one succeeds.
    client.emit('end');
    client.emit('reconnecting');
    client.emit('error', new Error('ECONNREFUSED'));
    client.emit('reconnecting');
    client.emit('error', new Error('ECONNREFUSED'));
    client.emit('ready');
    expect(recovered).toBe(1);
    client.emit('ready');
    expect(recovered).toBe(1);
    client.emit('error', new Error('ECONNRESET'));
    client.emit('ready');
    expect(recovered).toBe(2);
  });
});

describe('announceLogHead', () => {
  let dir: string;
  let handle: DbHandle;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-log-head-'));
    handle = openSqlite(join(dir, 'db.sqlite'));
    await migrate(handle.db, 'sqlite', 0);
  });
  afterEach(async () => {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  const recorder = () => {
    const sent: LogHead[] = [];
    const nsp: HeadNamespace = { emit: (_event, head) => sent.push(head) };
    return { sent, nsp };
  };
  const scope = { conversationId: null, departmentId: null, specialistId: null, visitorVisible: true };

  it('sends the newest committed seq to the sockets of every node, in every namespace', async () => {
    const before = await handle.db.selectFrom('events').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    const last = await appendEvent(handle.db, 'notice.updated', { notice: null }, 1, scope);
    expect(last.envelope.seq).toBeGreaterThan(Number(before?.m ?? 0));
    const visitors = recorder();
    const agents = recorder();
    await announceLogHead({ db: handle.db, namespaces: [visitors.nsp, agents.nsp], log });
    expect(visitors.sent).toEqual([{ seq: last.envelope.seq }]);
    expect(agents.sent).toEqual([{ seq: last.envelope.seq }]);
  });

  it('sends nothing and does not throw when the database cannot answer', async () => {
    const visitors = recorder();
    await handle.close();
    await expect(announceLogHead({ db: handle.db, namespaces: [visitors.nsp], log })).resolves.toBeNull();
    expect(visitors.sent).toEqual([]);
    handle = openSqlite(join(dir, 'db.sqlite'));
  });
});
