// Gatekeeper for Electron IPC (plain Node, so it is tested here): only the app's own frames may call, by a
// known channel, with input the method's schema accepts.
import { consoleChannel, consoleMethodNames, type ConsoleMethod } from '../../src-shared/console-api';
import { err, type Result } from '../../src-shared/result';
import { dispatchConsoleCall, type ConsoleCommands } from './console-dispatch';

/**
 * True when `senderUrl` is a page of the app itself. Compared by scheme and host, because WHATWG URL gives
 * custom schemes such as app:// an opaque "null" origin, which would make every app:// page look alike.
 */
export function isAppFrame(senderUrl: string | null | undefined, appOrigin: string): boolean {
  if (!senderUrl) return false;
  try {
    const sender = new URL(senderUrl);
    const app = new URL(appOrigin);
    return sender.protocol === app.protocol && sender.host === app.host && sender.username === '' && sender.password === '';
  } catch {
    return false;
  }
}

const methodByChannel = new Map<string, ConsoleMethod>(consoleMethodNames.map((m) => [consoleChannel(m), m]));
export const methodForChannel = (channel: string): ConsoleMethod | null => methodByChannel.get(channel) ?? null;

export function createIpcGuard(options: { appOrigin: string; service: ConsoleCommands }) {
  return {
    async handle(channel: string, senderUrl: string | null | undefined, input: unknown): Promise<Result<unknown>> {
      if (!isAppFrame(senderUrl, options.appOrigin)) return err('forbidden', 'sender is not the app');
      const method = methodForChannel(channel);
      if (!method) return err('not_found', 'unknown channel');
      return dispatchConsoleCall(options.service, method, input);
    },
  };
}
export type IpcGuard = ReturnType<typeof createIpcGuard>;
