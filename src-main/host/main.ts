// Browser-mode entry: starts the console core (cache, session) in this process, serves the console on
// 127.0.0.1 and prints the launch URL (with its secret) as one JSON line on stdout for the launcher.
import { pino } from 'pino';
import { err, ok } from '../../src-shared/result';
import { startConsoleCore } from '../core/console-core';
import type { LocalFile } from '../core/console-service';
import { consoleVersion } from '../core/build-info';
import { loadHostConfig } from './config';
import { startHost } from './host-server';

const config = loadHostConfig();
const log = pino({ level: config.logLevel, name: 'console-host' }, pino.destination(2));
// The host starts after the core; until then there is no page that could ask for a file.
let offerFile: ((file: LocalFile) => string) | null = null;
const core = startConsoleCore({
  dataDir: config.dataDir,
  serverUrl: config.serverUrl,
  serverUrlGiven: config.serverUrlGiven,
  log,
  appInfo: { shell: 'browser', platform: process.platform, version: consoleVersion, logDir: null },
  presentFile: async (file) => (offerFile ? ok({ url: offerFile(file) }) : err('unavailable', 'The console host is starting')),
});
const host = await startHost({ service: core.service, rendererDir: config.rendererDir, port: config.port, log });
offerFile = host.offerFile;
process.stdout.write(`${JSON.stringify({ consoleUrl: host.url })}\n`);
log.info({ origin: host.origin }, 'console host listening');

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await host.close();
  core.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
