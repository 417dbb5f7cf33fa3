// The steps both fault scenarios are made of, and what both check after them; a scenario lists its own plan.
import { expect } from 'vitest';
import type { FaultProxy } from '../../support/fault-proxy';
import type { ReceivedMail } from '../../support/smtp-sink';
import type { NodeProcess } from './node-process';
import type { StoreReader } from './store-reader';
import type { Report } from './traffic';
import { settleMail } from './mail-tally';

export const MAIL_FROM = 'Switchboard Faults <support@faults.test>';
/**
 * Longer than any pause in a chat's traffic here (a customer's unanswered send is retried after its 15 s ack
 * timeout), shorter than the run: a node that ended a chat it only thought idle (by its own traffic or its own
 * timers) would be caught; chats that do fall idle after the traffic end as they should.
 */
export const IDLE_TIMEOUT_MS = 40_000;
export const PING_INTERVAL_MS = 2_000;
export const PING_TIMEOUT_MS = 2_000;

/** What every node of the suite runs with besides its database: quick loops, short pings, a short grace. */
export function faultNodeEnv(smtpUrl: string): Record<string, string> {
  return {
    SMTP_URL: smtpUrl,
    MAIL_FROM,
    AUTOMATION_INTERVAL_MS: '1000',
    MAIL_POLL_INTERVAL_MS: '500',
    CHAT_SWEEP_INTERVAL_MS: '1000',
    CHAT_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
    SPECIALIST_GRACE_MS: '4000',
    SOCKET_PING_INTERVAL_MS: String(PING_INTERVAL_MS),
    SOCKET_PING_TIMEOUT_MS: String(PING_TIMEOUT_MS),
    DRAIN_DELAY_MS: '0',
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A plan's clock: `at(share)` waits until that share of the traffic's span has passed; `log` stamps a step. */
export function planClock(label: string, trafficMs: number) {
  const t0 = Date.now();
  return {
    at: (share: number) => sleep(Math.max(0, t0 + share * trafficMs - Date.now())),
    log: (what: string) => console.log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`),
  };
}

export async function killAndRestart(node: NodeProcess, downMs: number, log: (what: string) => void): Promise<void> {
  await node.kill9();
  log(`${node.name} killed (SIGKILL)`);
  await sleep(downMs);
  await node.start();
  log(`${node.name} restarted`);
}

/** Holds the link both ways past the server's ping timeout: the server drops that client, which comes back later. */
export async function freezePastPingTimeout(link: FaultProxy, who: string, log: (what: string) => void): Promise<void> {
  link.pause('both');
  log(`${who} frozen`);
  await sleep(PING_INTERVAL_MS + PING_TIMEOUT_MS + 3_000);
  link.resume('both');
  log(`${who} thawed`);
}

export async function delayFor(link: FaultProxy, ms: number, log: (what: string) => void): Promise<void> {
  link.delay('both', 50, 150);
  await sleep(ms);
  link.delay('both', 0);
  log(`client links delayed 50–200 ms for ${ms / 1000} s`);
}

/** Nothing lost, duplicated or reordered anywhere, no live chat ended, and at least `minMessages` stored. */
export function expectClean(report: Report, minMessages: number): void {
  expect(report.messages).toBeGreaterThanOrEqual(minMessages);
  expect(report.total).toEqual({ lost: 0, duplicated: 0, reordered: 0 });
  expect(report.endedWhileLive).toEqual([]);
}

/** Every reminder job done once, and each reminder mail received once. */
export async function expectRemindersOnce(store: StoreReader, received: readonly ReceivedMail[], tickets: number): Promise<void> {
  const until = Date.now() + 60_000;
  while ((await store.reminderJobs()).open > 0 && Date.now() < until) await sleep(500);
  expect(await store.reminderJobs()).toEqual({ done: 2 * tickets, open: 0 });
  const reminders = await settleMail(store, received, MAIL_FROM, ['ticket_update'], 60_000);
  console.table(reminders);
  expect(reminders).toEqual([{ kind: 'ticket_update', rows: 2 * tickets, delivered: 2 * tickets, missing: 0, repeated: 0, failedForGood: 0 }]);
}
