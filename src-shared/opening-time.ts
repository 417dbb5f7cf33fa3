// How customers and specialists read when something next opens: one wording on the support page and in the console.

/** Past this the weekday alone is ambiguous (a holiday week), so the text also names the date. */
const WEEK_MS = 6 * 24 * 3_600_000;

/**
 * "Thu 2:00 PM" (or "Thu, Dec 3, 2:00 PM" a week or more ahead) in `zone`, the reader's own IANA zone. ICU puts a
 * narrow no-break space before AM/PM; made a plain space so the text matches what people type and search for.
 */
export function formatOpening(instant: number, now: number, zone: string): string {
  const far = instant - now >= WEEK_MS;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    ...(far ? { month: 'short', day: 'numeric' } : {}),
    hour: 'numeric',
    minute: '2-digit',
  });
  return format.format(instant).replace(/\s/g, ' ');
}
