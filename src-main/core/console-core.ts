// Starts the console core in the process that hosts it (the desktop app's utility process, or browser
// mode's host): the cache and settings in one data folder, the ConsoleService, the stored session resumed.
// Connections (renderers, the desktop main process) are served with `attach`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AppInfo } from '../../src-shared/console-api';
import type { FrameTransport } from '../../src-shared/console-protocol';
import type { Result } from '../../src-shared/result';
import { openCache } from './cache/open-cache';
import { createConsoleService, type ConsoleService, type LocalFile } from './console-service';
import { serveConsole } from './console-endpoint';
import { createFileSettingsStore, defaultSettings, withLaunchServer } from './settings';
import type { SecretBox } from './secret-box';

export interface ConsoleCoreOptions {
  dataDir: string;
  /** The server a first start signs in to (later the settings hold it). */
  serverUrl: string;
  /**
   * The server was named at launch (`SWITCHBOARD_SERVER_URL`, as `npm start` does): the sign-in form offers it even
   * when the settings remember another one. A signed-in session keeps the server it signed in to.
   */
  serverUrlGiven?: boolean;
  log: Logger;
  appInfo: AppInfo;
  secrets?: SecretBox;
  openExternal?: (url: string) => void | Promise<void>;
  presentFile?: (file: LocalFile, reveal: boolean) => Promise<Result<{ url: string | null }>>;
}

export interface ConsoleCore {
  service: ConsoleService;
  /** Serves one connection until it closes; returns a function that ends it. */
  attach(transport: FrameTransport): () => void;
  close(): void;
}

const CACHE_FILE = 'cache.db';
const SETTINGS_FILE = 'settings.json';

export function startConsoleCore(options: ConsoleCoreOptions): ConsoleCore {
  mkdirSync(options.dataDir, { recursive: true });
  const cache = openCache(join(options.dataDir, CACHE_FILE));
  const settings = createFileSettingsStore(join(options.dataDir, SETTINGS_FILE), defaultSettings(options.serverUrl));
  if (options.serverUrlGiven) settings.set(withLaunchServer(settings.get(), options.serverUrl));
  const service = createConsoleService({
    cache,
    settings,
    log: options.log,
    appInfo: options.appInfo,
    filesDir: join(options.dataDir, 'attachments'),
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
    ...(options.presentFile ? { presentFile: options.presentFile } : {}),
  });
  service.resume();
  const connections = new Set<() => void>();
  return {
    service,
    attach(transport) {
      const stop = serveConsole(service, transport);
      connections.add(stop);
      transport.onClose(() => connections.delete(stop));
      return () => {
        connections.delete(stop);
        stop();
      };
    },
    close() {
      for (const stop of [...connections]) stop();
      service.close();
      cache.close();
    },
  };
}
