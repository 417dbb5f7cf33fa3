// Picks the ConsoleApi: the Electron preload's `window.switchboard` when present, else the browser-mode WebSocket client.
import type { ConsoleApi } from '../../src-shared/console-api';
import { createWsConsoleApi, takeLaunchSecret } from './ws-console-api';

declare global {
  interface Window {
    /** Exposed by the Electron preload (src-preload) through contextBridge. */
    switchboard?: ConsoleApi;
  }
}

let api: ConsoleApi | null = null;

export function getConsoleApi(): ConsoleApi {
  if (api) return api;
  // Without a secret the host refuses the socket, and calls answer with an error the sign-in screen shows.
  api = window.switchboard ?? createWsConsoleApi({ secret: takeLaunchSecret() ?? '' });
  return api;
}

/** Electron has a native shell for links; in browser mode an anchor with target=_blank does the job. */
export const isElectron = (): boolean => window.switchboard !== undefined;
