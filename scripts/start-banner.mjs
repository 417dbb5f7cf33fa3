// What `npm start` (scripts/start.mjs) prints, as pure functions: which line of a child's output is a log record
// (to the log file) and which is for the person at the terminal, the one-line form of warnings and errors, why
// the desktop app is not used, and the banner with the addresses and the demo accounts.

const LEVEL_NAMES = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
/** pino's number for "warn": records at or above it are also shown on the terminal. */
export const WARN = 40;

/** A pino JSON record (an object with a numeric `level`), or null for any other line. */
export function parseLogRecord(line) {
  const text = line.trim();
  if (!text.startsWith('{')) return null;
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && typeof value.level === 'number' ? value : null;
  } catch {
    return null;
  }
}

/**
 * One line of the server's stdout, sorted: a demo account it just created (`src-server/main.ts` prints those once),
 * its "listening" line, the reminder to store the passwords (the banner says it), a log record, or other text.
 */
export function classifyServerLine(line) {
  const text = line.trim();
  const demo = /^Demo (\w+) account created: (\S+) \/ (\S+)$/.exec(text);
  if (demo) return { kind: 'demo-account', role: demo[1], email: demo[2], password: demo[3] };
  const listening = /^Switchboard server on (\S+)(?: \(support page: (\S+?)\))?$/.exec(text);
  if (listening) return { kind: 'listening', url: listening[1], supportUrl: listening[2] ?? `${listening[1]}/support` };
  if (/^Store these passwords now/.test(text)) return { kind: 'passwords-note' };
  const record = parseLogRecord(text);
  if (record) return { kind: 'log', record };
  return text === '' ? { kind: 'blank' } : { kind: 'text', text };
}

/** "server: warn  message (err: why)" for warnings and worse; null for info and below, which only the log file gets. */
export function shortLogLine(source, record) {
  if (!record || record.level < WARN) return null;
  const level = LEVEL_NAMES[record.level] ?? String(record.level);
  const why = record.err?.message ?? record.error?.message ?? (typeof record.err === 'string' ? record.err : null);
  return `${source}: ${level.padEnd(5)} ${record.msg ?? '(no message)'}${why ? ` (${why})` : ''}`;
}

/**
 * Why Electron cannot be used, as the few words the one-line notice carries. `failure` is what went wrong:
 * { kind: 'download', output } (the installer failed: network, proxy, checksum: the details go to a log file),
 * { kind: 'skipped' } (ELECTRON_SKIP_BINARY_DOWNLOAD), { kind: 'no-package' }, or { kind: 'native', detail }.
 */
export function desktopUnavailableReason(failure) {
  switch (failure.kind) {
    case 'download':
      return 'Electron could not be downloaded';
    case 'skipped':
      return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so Electron was not downloaded';
    case 'no-package':
      return 'the electron package is not installed';
    case 'native':
      return `its native modules could not be built for Electron${failure.detail ? `: ${failure.detail}` : ''}`;
    default:
      return 'Electron cannot start here';
  }
}

/** The one line that says the console runs in the browser instead of the desktop app, and where. */
export function desktopUnavailableLine(reason, consoleUrl) {
  return `Desktop app not available on this machine (${reason}); using browser mode at ${consoleUrl}`;
}

/** The demo accounts seeded by the server (src-server/seed.ts), for the banner when their passwords are not known. */
export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@switchboard.local' },
  { role: 'agent', email: 'dana@switchboard.local' },
];

/**
 * The banner `npm start` prints once everything runs: addresses, demo accounts (with their passwords on the first
 * start, when the server has just created them), where the logs go, and a note (e.g. why browser mode).
 * `input`: { supportUrl, console: { kind: 'browser', url } | { kind: 'desktop' }, accounts: [{ role, email, password }],
 * logFiles: string[], notes: string[] }. Returns the lines, without colours (they are copied into tickets and chats).
 */
export function startBanner(input) {
  const rule = '─'.repeat(72);
  const lines = ['', rule, '  Switchboard is running', ''];
  lines.push(`  Support page (customers)    ${input.supportUrl}`);
  if (input.console.kind === 'browser') lines.push(`  Console (specialists)       ${input.console.url}`, '                              (browser mode; the link carries a secret for this launch only)');
  else lines.push('  Console (specialists)       the desktop app window');
  lines.push('');
  if (input.accounts.length > 0) {
    lines.push('  Demo accounts, created just now. Store the passwords: they are not shown again.');
    const width = Math.max(...input.accounts.map((a) => a.email.length));
    for (const a of input.accounts) lines.push(`    ${a.role.padEnd(6)} ${a.email.padEnd(width)}   password: ${a.password}`);
  } else {
    lines.push(`  Demo accounts: ${DEMO_ACCOUNTS.map((a) => `${a.email} (${a.role})`).join(', ')}`);
    lines.push('    Their passwords were shown on the first start only (DEMO_PASSWORD chooses one on a new data folder).');
  }
  if (input.logFiles.length > 0) {
    lines.push('');
    lines.push(`  Logs: ${input.logFiles.join(', ')}`);
    lines.push('    (only warnings and errors are shown here)');
  }
  for (const note of input.notes) lines.push('', `  ${note}`);
  lines.push('', '  Press Ctrl+C to stop.', rule, '');
  return lines;
}
