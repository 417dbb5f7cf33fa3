// Pure rules of the dashboard's "today": where the day starts in the reporting zone, and the hourly buckets since then.
import { DateTime } from 'luxon';
import type { ChatSpan } from '../db/stats';

/** Midnight of `now`'s calendar day in `zone`, as epoch ms. */
export function dayStart(now: number, zone: string): number {
  return DateTime.fromMillis(now, { zone }).startOf('day').toMillis();
}

export interface HourBucket {
  hourStart: number;
  queued: number;
  assigned: number;
  waitingAtEnd: number;
}

/**
 * One bucket per started hour since `from` (the last one ends at `now`): chats queued and assigned in it, and the
 * chats still waiting at its end (queued, not yet assigned, not yet ended).
 */
export function hourlyBuckets(spans: readonly ChatSpan[], from: number, now: number): HourBucket[] {
  const buckets: HourBucket[] = [];
  for (let start = from; start < now; start += 3_600_000) {
    const end = Math.min(start + 3_600_000, now);
    const inHour = (t: number | null) => t !== null && t >= start && (t < start + 3_600_000 || (end === now && t === now));
    buckets.push({
      hourStart: start,
      queued: spans.filter((s) => inHour(s.queuedAt)).length,
      assigned: spans.filter((s) => inHour(s.assignedAt)).length,
      waitingAtEnd: spans.filter((s) => s.queuedAt <= end && (s.assignedAt === null || s.assignedAt > end) && (s.endedAt === null || s.endedAt > end)).length,
    });
    if (end === now) break;
  }
  return buckets;
}
