// The IANA zones offered for a department's hours: what the runtime knows, plus the current value (so a zone the
// runtime lists under another name, such as "UTC", stays selectable).
export function timeZoneOptions(current: string): string[] {
  const known: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set([...known, 'UTC', current].filter((z) => z !== ''));
  return [...all].sort((a, b) => a.localeCompare(b));
}
