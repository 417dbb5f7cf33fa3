// A specialist at the desktop console: the real console core (sync engine, SQLite cache, outbox) in this process,
// signed in through the balancer (or a fault proxy in front of it), answering each customer message once.
import { join } from 'node:path';
import { pino } from 'pino';
import { openCache, type Cache } from '../../../src-main/core/cache/open-cache';
import { createConsoleService, type ConsoleService } from '../../../src-main/core/console-service';
import { createMemorySettingsStore, defaultSettings } from '../../../src-main/core/settings';
import type { ConsoleMessage } from '../../../src-shared/console-api';
import { PASSWORD, type SeededSpecialist } from './seed';

export interface SpecialistDriver {
  readonly name: string;
  readonly seeded: SeededSpecialist;
  readonly service: ConsoleService;
  /** Replies this specialist wrote, per conversation, in order. */
  readonly written: Map<string, string[]>;
  connection(): string;
  /** Times the console lost its connection after it had been online. */
  drops(): number;
  /** Nothing waiting or being sent in the console's outbox (items refused for good may stay, shown as failed). */
  nothingPending(): Promise<boolean>;
  /** Items in the console's outbox (waiting, sending or failed). */
  outboxSize(): Promise<number>;
  /** Bodies of replies the server refused for good, shown to the specialist as failed (e.g. the chat moved on). */
  refusedBodies(): string[];
  /** The transcript as the console lists it (its cache), oldest first. */
  transcript(conversationId: string): ConsoleMessage[];
  /** Ends every chat assigned to this specialist (the recap mails follow). */
  endChats(): Promise<number>;
  close(): void;
}

const log = pino({ level: 'silent' });

/**
 * `answered`: customer messages someone already answered (shared by all drivers, so a chat that moves to another
 * specialist is not answered twice); `answering`: whether new customer messages still get a reply.
 */
export async function startSpecialist(
  name: string,
  seeded: SeededSpecialist,
  serverUrl: string,
  dir: string,
  shared: { answered: Set<string>; answering: () => boolean },
): Promise<SpecialistDriver> {
  const cache: Cache = openCache(join(dir, `${name}.db`));
  const service = createConsoleService({
    cache,
    settings: createMemorySettingsStore(defaultSettings(serverUrl)),
    log,
    backoff: { baseMs: 200, maxMs: 2_000 },
  });
  let connection = 'offline';
  let drops = 0;
  service.on('connection', (s) => {
    if (connection === 'online' && s.state !== 'online') drops++;
    connection = s.state;
  });
  const written = new Map<string, string[]>();
  const login = await service.login({ serverUrl, email: seeded.email, password: PASSWORD });
  if (!login.ok) throw new Error(`${name}: login failed: ${login.error.message}`);

  // As a person at the console: every chat assigned to me in the cache, any customer message nobody answered yet
  // gets a reply — whether it came live, by a re-read, or before the chat moved to me.
  const scanned = new Map<string, number>();
  const answerNew = () => {
    if (!shared.answering()) return;
    for (const c of cache.conversations.list(null)) {
      if (c.state === 'ended' || c.specialist?.id !== seeded.id) continue;
      const messages = cache.messages.page(c.id, undefined, 100_000);
      const newest = messages.at(-1)?.seq ?? 0;
      if (scanned.get(c.id) === newest) continue;
      scanned.set(c.id, newest);
      for (const m of messages) {
        if (m.authorKind !== 'visitor' || shared.answered.has(m.id) || !m.body.includes('#')) continue;
        shared.answered.add(m.id);
        const body = `re ${m.body}`;
        written.set(c.id, [...(written.get(c.id) ?? []), body]);
        void service.sendMessage({ conversationId: c.id, body, internal: false });
      }
    }
  };
  let pending: ReturnType<typeof setTimeout> | null = null;
  const soon = () => (pending ??= setTimeout(() => ((pending = null), answerNew()), 50));
  service.on('messages', soon);
  service.on('conversations', soon);
  const sweep = setInterval(answerNew, 1_000);

  return {
    name,
    seeded,
    service,
    written,
    connection: () => connection,
    drops: () => drops,
    async nothingPending() {
      const r = await service.getOutbox({});
      return r.ok && r.value.every((item) => item.state === 'failed');
    },
    refusedBodies: () =>
      cache.outbox
        .list()
        .filter((i) => i.state === 'failed')
        .flatMap((i) => {
          const body = (i.payload as { body?: unknown }).body;
          return typeof body === 'string' ? [body] : [];
        }),
    async outboxSize() {
      const r = await service.getOutbox({});
      return r.ok ? r.value.length : 0;
    },
    // Unsent replies (shown as pending) are counted as unsent, not as shown messages.
    transcript: (conversationId) => cache.messages.page(conversationId, undefined, 100_000).filter((m) => !m.pending),
    async endChats() {
      let ended = 0;
      for (const c of cache.conversations.list(null)) {
        if (c.state === 'ended' || c.specialist?.id !== seeded.id) continue;
        const r = await service.endChat({ conversationId: c.id });
        if (r.ok) ended++;
      }
      return ended;
    },
    close() {
      clearInterval(sweep);
      if (pending) clearTimeout(pending);
      service.close();
      cache.close();
    },
  };
}
