// The console window: isolated, sandboxed renderer; navigation and pop-ups blocked (http/https links go to
// the system browser after validation in core); bounds remembered.
import { BrowserWindow, session, shell } from 'electron';
import { validateExternalUrl } from '../core/external-url';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from './app-protocol';
import type { WindowBounds } from './settings-store';

export function createMainWindow(options: { preload: string; bounds: WindowBounds; onBounds(b: WindowBounds): void; icon: string }): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // No camera, microphone, geolocation… for the console.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));

  const win = new BrowserWindow({
    ...options.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Switchboard',
    icon: options.icon,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('close', () => options.onBounds(win.getBounds()));

  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    const safe = validateExternalUrl(url);
    if (safe.ok) void shell.openExternal(safe.value);
    return { action: 'deny' };
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
