// Types of scripts/start-banner.mjs for the TypeScript that imports it (tests/unit/scripts/start-banner.test.ts).

export interface LogRecord {
  level: number;
  msg?: string;
  err?: { message?: string } | string;
  [key: string]: unknown;
}

export type ServerLine =
  | { kind: 'demo-account'; role: string; email: string; password: string }
  | { kind: 'listening'; url: string; supportUrl: string }
  | { kind: 'passwords-note' }
  | { kind: 'log'; record: LogRecord }
  | { kind: 'blank' }
  | { kind: 'text'; text: string };

export type DesktopFailure = { kind: 'download'; output?: string } | { kind: 'skipped' } | { kind: 'no-package' } | { kind: 'native'; detail?: string | null };

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

export interface BannerInput {
  supportUrl: string;
  console: { kind: 'browser'; url: string } | { kind: 'desktop' };
  accounts: DemoAccount[];
  logFiles: string[];
  notes: string[];
}

export const WARN: number;
export const DEMO_ACCOUNTS: { role: string; email: string }[];
export function parseLogRecord(line: string): LogRecord | null;
export function classifyServerLine(line: string): ServerLine;
export function shortLogLine(source: string, record: LogRecord | null): string | null;
export function desktopUnavailableReason(failure: DesktopFailure): string;
export function desktopUnavailableLine(reason: string, consoleUrl: string): string;
export function startBanner(input: BannerInput): string[];
