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

/**
 * The ConsoleApi, or null in browser mode opened without its launch secret: the host would refuse every socket,
 * so no call could ever answer and the page must say how to open it properly instead of showing a dead form.
 */
export function getConsoleApi(): ConsoleApi | null {
  if (api) return api;
  if (window.switchboard) return (api = window.switchboard);
  const secret = takeLaunchSecret();
  if (!secret) return null;
  api = createWsConsoleApi({ secret });
  return api;
}

/** Electron has a native shell for links; in browser mode an anchor with target=_blank does the job. */
export const isElectron = (): boolean => window.switchboard !== undefined;
