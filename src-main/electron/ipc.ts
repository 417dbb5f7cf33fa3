// IPC wiring derived from the contract: one ipcMain.handle per ConsoleApi method (channel from
// consoleChannel), every call through the core IPC guard; change events forwarded to the window.
import { ipcMain, type BrowserWindow } from 'electron';
import { consoleChannel, consoleEventChannel, consoleEventNames, consoleMethodNames, type ConsoleApi } from '../../src-shared/console-api';
import type { ConsoleCommands } from '../core/console-dispatch';
import { createIpcGuard } from '../core/ipc-guard';
import { APP_ORIGIN } from './app-protocol';

export function wireIpc(service: ConsoleCommands & Pick<ConsoleApi, 'on'>, window: () => BrowserWindow | null): () => void {
  const guard = createIpcGuard({ appOrigin: APP_ORIGIN, service });
  for (const method of consoleMethodNames) {
    const channel = consoleChannel(method);
    ipcMain.handle(channel, (event, input: unknown) => guard.handle(channel, event.senderFrame?.url, input));
  }
  const unsubscribe = consoleEventNames.map((name) =>
    service.on(name, (payload) => {
      const win = window();
      if (win && !win.isDestroyed()) win.webContents.send(consoleEventChannel(name), payload);
    }),
  );
  return () => {
    for (const method of consoleMethodNames) ipcMain.removeHandler(consoleChannel(method));
    unsubscribe.forEach((u) => u());
  };
}
