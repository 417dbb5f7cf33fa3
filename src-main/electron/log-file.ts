// The desktop app's log: structured lines (pino) in a rotating file in the user data folder, one file per
// process (main.log, core.log), 5 × 5 MB each, so a support request can attach them. Settings shows the path.
import { mkdirSync } from 'node:fs';
import { pino, type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';

export const LOG_FILE_BYTES = '5M';
export const LOG_FILES_KEPT = 5;

export function fileLogger(logDir: string, name: 'main' | 'core', level: string): Logger {
  mkdirSync(logDir, { recursive: true });
  const stream = createStream(`${name}.log`, { path: logDir, size: LOG_FILE_BYTES, maxFiles: LOG_FILES_KEPT });
  return pino({ name, level }, stream);
}
