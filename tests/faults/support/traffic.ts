// One round of traffic under faults and its count: customers (real widget clients) and specialists (real console
// cores) spread over the entry points, writing while `faults` runs; then everything sent is waited for, the
// clients are given time to converge, and lost / duplicated / reordered are counted from the database and from
// every client.
import { DEPARTMENTS, type SeededSpecialist } from './seed';
import { startSpecialist, type SpecialistDriver } from './specialist-driver';
import { startVisitor, type VisitorDriver } from './visitor-driver';
import { add, countShown, countStored, byConversation, ZERO, type Counts, type StoredMessage, type Written } from './tally';
import type { StoreReader } from './store-reader';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Crew {
  visitors: VisitorDriver[];
  specialists: SpecialistDriver[];
  /** Customer messages some specialist answered (shared, so each is answered once). */
  answered: Set<string>;
  /** Whether specialists still answer new customer messages. */
  answering: { on: boolean };
}

export async function startSpecialists(seeded: readonly SeededSpecialist[], urlFor: (i: number) => string, dir: string, crew?: Crew): Promise<Crew> {
  const answered = crew?.answered ?? new Set<string>();
  const answering = crew?.answering ?? { on: true };
  const specialists = await Promise.all(
    seeded.map((s, i) => startSpecialist(`specialist${i}`, s, urlFor(i), dir, { answered, answering: () => answering.on })),
  );
  return { visitors: [], specialists, answered, answering };
}

/** `count` customers, alternating departments, entering through `originFor(i)`; `tag` keeps names unique per round. */
export async function addVisitors(crew: Crew, count: number, tag: string, originFor: (i: number) => string): Promise<VisitorDriver[]> {
  const added = await Promise.all(Array.from({ length: count }, (_, i) => startVisitor(`${tag}${i}`, originFor(i), DEPARTMENTS[i % DEPARTMENTS.length]!)));
  crew.visitors.push(...added);
  return added;
}

/** Every customer writes `perVisitor` messages while `faults` runs; resolves when both are over. */
export async function writeUnderFaults(visitors: readonly VisitorDriver[], perVisitor: number, everyMs: number, faults: () => Promise<void>): Promise<void> {
  let faultsDone = false;
  const plan = faults().finally(() => (faultsDone = true));
  // Each customer starts at its own moment, so writes reach the nodes spread out, not in lockstep.
  await Promise.all(visitors.map(async (v, i) => {
    await sleep((everyMs * i) / visitors.length);
    await v.write(perVisitor, everyMs, () => true);
  }));
  await plan;
  if (!faultsDone) throw new Error('fault plan did not finish');
}

export interface Report {
  messages: number;
  conversations: number;
  /** The database against what the customers wrote, and against what the specialists wrote. */
  stored: { customers: Counts; specialists: Counts };
  /** What is still waiting or refused in the clients' outboxes when the count is taken. */
  unsent: { customers: number; refused: number; consoles: number; consolesRefused: number; reasons: Record<string, number> };
  clients: { client: string; reconnects: number; conversations: number; messages: number; lost: number; duplicated: number; reordered: number }[];
  total: Counts;
  /** Chats that ended while they were live: an idle end sooner than the idle timeout after the last message, or any other end the test did not ask for. */
  endedWhileLive: string[];
}

function writtenByCustomers(crew: Crew, conversationIds: ReadonlySet<string>): Written[] {
  return crew.visitors.filter((v) => conversationIds.has(v.conversationId())).map((v) => ({ conversationId: v.conversationId(), bodies: v.written }));
}

function writtenBySpecialists(crew: Crew, conversationIds: ReadonlySet<string>): Written[] {
  const out: Written[] = [];
  for (const s of crew.specialists) for (const [conversationId, bodies] of s.written) if (conversationIds.has(conversationId)) out.push({ conversationId, bodies });
  return out;
}

/** Counts the round of `visitors` (their conversations) from the database and every client. */
export async function count(store: StoreReader, crew: Crew, visitors: readonly VisitorDriver[], idleTimeoutMs: number): Promise<Report> {
  const ids = visitors.map((v) => v.conversationId());
  const idSet = new Set(ids);
  const rows = await store.messages(ids);
  const byConv = byConversation(rows);
  const conversations = await store.conversations(ids);
  const departmentOf = new Map(conversations.map((c) => [c.id, c.departmentId]));
  const refused = new Set([...visitors.flatMap((v) => v.refusedBodies()), ...crew.specialists.flatMap((s) => s.refusedBodies())]);
  const stored = { customers: countStored(rows, writtenByCustomers(crew, idSet), refused), specialists: countStored(rows, writtenBySpecialists(crew, idSet), refused) };
  const clients: Report['clients'] = [];
  for (const v of visitors) {
    const visible = (byConv.get(v.conversationId()) ?? []).filter((m) => !m.internal);
    const shown = v.transcript();
    clients.push({ client: v.name, reconnects: v.drops(), conversations: 1, messages: shown.length, ...countShown(shown, visible) });
  }
  for (const s of crew.specialists) {
    let c = ZERO;
    let n = 0;
    let convs = 0;
    for (const id of ids) {
      if (!s.seeded.departmentIds.includes(departmentOf.get(id) ?? '')) continue;
      const shown = s.transcript(id);
      n += shown.length;
      convs++;
      c = add(c, countShown(shown, byConv.get(id) ?? ([] as StoredMessage[])));
    }
    clients.push({ client: s.name, reconnects: s.drops(), conversations: convs, messages: n, ...c });
  }
  const total = clients.reduce<Counts>((sum, r) => add(sum, r), add(stored.customers, stored.specialists));
  const unsent = {
    customers: visitors.reduce((n, v) => n + v.outboxSize(), 0),
    refused: visitors.reduce((n, v) => n + v.refused(), 0),
    consoles: (await Promise.all(crew.specialists.map((s) => s.outboxSize()))).reduce((a, b) => a + b, 0),
    consolesRefused: crew.specialists.reduce((n, s) => n + s.refusedBodies().length, 0),
    reasons: visitors.flatMap((v) => v.refusedReasons()).reduce<Record<string, number>>((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {}),
  };
  const endedWhileLive = conversations.flatMap((c) => {
    if (c.state !== 'ended') return [];
    const quiet = (c.endedAt ?? 0) - (c.lastMessageAt ?? 0);
    return c.endReason === 'idle_timeout' && quiet >= idleTimeoutMs ? [] : [`${c.id}: ${c.endReason} ${(quiet / 1000).toFixed(1)} s after its last message`];
  });
  return { messages: rows.length, conversations: ids.length, stored, unsent, clients, total, endedWhileLive };
}

/** Waits until every message is sent and answered, then until the count is clean or `settleMs` is over. */
export async function settle(store: StoreReader, crew: Crew, visitors: readonly VisitorDriver[], settleMs: number, idleTimeoutMs: number): Promise<Report> {
  const until = Date.now() + settleMs;
  const sent = async () => visitors.every((v) => v.allSent()) && (await Promise.all(crew.specialists.map((s) => s.nothingPending()))).every(Boolean);
  const written = () => visitors.reduce((n, v) => n + v.written.length, 0);
  const answeredHere = () => {
    const mine = new Set(visitors.map((v) => v.name));
    return [...crew.specialists.flatMap((s) => [...s.written.values()].flat())].filter((b) => mine.has(b.slice(3, b.indexOf('#')))).length;
  };
  while (Date.now() < until && !((await sent()) && answeredHere() >= written())) await sleep(250);
  for (;;) {
    const r = await count(store, crew, visitors, idleTimeoutMs);
    if ((r.total.lost === 0 && r.total.duplicated === 0 && r.total.reordered === 0) || Date.now() >= until) return r;
    await sleep(500);
  }
}

export function printReport(title: string, r: Report): void {
  console.log(`\n${title}: ${r.messages} messages in ${r.conversations} conversations`);
  console.table([
    { client: 'database vs. what customers wrote', reconnects: '', conversations: r.conversations, messages: r.messages, ...r.stored.customers },
    { client: 'database vs. what specialists wrote', reconnects: '', conversations: r.conversations, messages: r.messages, ...r.stored.specialists },
    ...r.clients,
  ]);
  if (r.unsent.customers + r.unsent.refused + r.unsent.consoles > 0)
    console.log(
      `${title}: not in the database when counted: ${r.unsent.customers} waiting in customers' outboxes, ${r.unsent.refused} refused and shown to the customer, ` +
        `${r.unsent.consoles} in consoles' outboxes (${r.unsent.consolesRefused} of them refused and shown to the specialist as failed)` +
        (r.unsent.refused > 0 ? `; customers were told: ${JSON.stringify(r.unsent.reasons)}` : ''),
    );
  console.log(`${title}: lost = ${r.total.lost}, duplicated = ${r.total.duplicated}, reordered = ${r.total.reordered}; live chats ended: ${r.endedWhileLive.length}`);
  for (const e of r.endedWhileLive) console.log(`  ended while live: ${e}`);
}
