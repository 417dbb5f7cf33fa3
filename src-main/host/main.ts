// Browser-mode entry: opens the cache, resumes the session, serves the console on 127.0.0.1 and prints
// the launch URL (with its secret) as one JSON line on stdout for the launcher.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { openCache } from '../core/cache/open-cache';
import { createConsoleService, type LocalFile } from '../core/console-service';
import { err, ok } from '../../src-shared/result';
import { createFileSettingsStore, defaultSettings } from '../core/settings';
import { loadHostConfig } from './config';
import { startHost } from './host-server';

const config = loadHostConfig();
const log = pino({ level: config.logLevel, name: 'console-host' }, pino.destination(2));
mkdirSync(config.dataDir, { recursive: true });
const cache = openCache(join(config.dataDir, 'cache.db'));
const settings = createFileSettingsStore(join(config.dataDir, 'settings.json'), defaultSettings(config.serverUrl));
// The host starts after the service; until then there is no page that could ask for a file.
let offerFile: ((file: LocalFile) => string) | null = null;
const service = createConsoleService({
  cache,
  settings,
  log,
  filesDir: join(config.dataDir, 'attachments'),
  presentFile: async (file) => (offerFile ? ok({ url: offerFile(file) }) : err('unavailable', 'The console host is starting')),
});
service.resume();
const host = await startHost({ service, rendererDir: config.rendererDir, port: config.port, log });
offerFile = host.offerFile;
process.stdout.write(`${JSON.stringify({ consoleUrl: host.url })}\n`);
log.info({ origin: host.origin }, 'console host listening');

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await host.close();
  service.close();
  cache.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
