// Browser-mode entry: opens the cache, resumes the session, serves the console on 127.0.0.1 and prints
// the launch URL (with its secret) as one JSON line on stdout for the launcher.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { openCache } from '../core/cache/open-cache';
import { createConsoleService } from '../core/console-service';
import { createFileSettingsStore, defaultSettings } from '../core/settings';
import { loadHostConfig } from './config';
import { startHost } from './host-server';

const config = loadHostConfig();
const log = pino({ level: config.logLevel, name: 'console-host' }, pino.destination(2));
mkdirSync(config.dataDir, { recursive: true });
const cache = openCache(join(config.dataDir, 'cache.db'));
const settings = createFileSettingsStore(join(config.dataDir, 'settings.json'), defaultSettings(config.serverUrl));
const service = createConsoleService({ cache, settings, log });
service.resume();
const host = await startHost({ service, rendererDir: config.rendererDir, port: config.port, log });
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
