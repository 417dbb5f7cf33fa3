// What the status page says, as pure functions: the banner for each overall state, state labels, and times in the
// reader's own zone. Kept apart from the components so each rule is tested without a browser.
import type { StatusState } from '../../../../src-shared/protocol/status';

export const overallText: Record<StatusState, string> = {
  operational: 'All systems operational',
  degraded: 'Some systems are degraded',
  outage: 'We have a service outage',
};

export const stateLabels: Record<StatusState, string> = {
  operational: 'Operational',
  degraded: 'Degraded',
  outage: 'Outage',
};

/** "Nov 30, 2:05 PM" in the reader's zone (tests pass one). */
export function whenText(at: number, opts: { locale?: string; timeZone?: string } = {}): string {
  return new Intl.DateTimeFormat(opts.locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: opts.timeZone }).format(at);
}

/** "2 h 5 min", "45 min", "3 days": how long an incident lasted. */
export function durationText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  return `${Math.round(minutes / (24 * 60))} days`;
}

/** The reader's zone name for "Times are in …"; UTC where the browser has no zone data. */
export function readerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** How often an open page asks again (and on focus): incidents are declared by people, a minute is live enough. */
export const STATUS_REFRESH_MS = 60_000;
