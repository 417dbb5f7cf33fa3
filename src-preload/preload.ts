// Exposes the ConsoleApi as window.switchboard and nothing else: each method invokes its derived IPC
// channel; `on` subscribes to a derived event channel. Bundled to CommonJS (sandboxed preloads require it).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { consoleChannel, consoleEventChannel, consoleMethodNames, isConsoleEventName } from '../src-shared/console-api';

const api: Record<string, unknown> = {};
for (const method of consoleMethodNames) {
  api[method] = (input: unknown) => ipcRenderer.invoke(consoleChannel(method), input ?? {});
}
api.on = (event: unknown, listener: unknown) => {
  if (!isConsoleEventName(event) || typeof listener !== 'function') throw new TypeError('unknown console event');
  const channel = consoleEventChannel(event);
  // The IPC event object is not passed on: it would hand the page a handle to ipcRenderer.
  const handler = (_e: IpcRendererEvent, payload: unknown) => (listener as (p: unknown) => void)(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
};

contextBridge.exposeInMainWorld('switchboard', api);
