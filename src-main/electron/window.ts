// The console window: isolated, sandboxed renderer; navigation and pop-ups blocked (http/https links go to
// the system browser after validation in core); bounds remembered; closing it while signed in hides it to the
// tray (when that setting is on, as by default) so the specialist does not silently go offline.
import { BrowserWindow, session, shell } from 'electron';
import { validateExternalUrl } from '../core/external-url';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from './app-protocol';
import type { WindowBounds } from './window-state';

export interface MainWindowOptions {
  preload: string;
  bounds: WindowBounds;
  onBounds(b: WindowBounds): void;
  icon: string;
  /** Asked on every close: true keeps the app running in the tray with the window hidden. */
  hideOnClose(): boolean;
}

let sessionHardened = false;
function hardenSession(): void {
  if (sessionHardened) return;
  sessionHardened = true;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // No camera, microphone, geolocation… for the console.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'notifications'));
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  hardenSession();
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
  win.on('close', (event) => {
    options.onBounds(win.getBounds());
    if (options.hideOnClose()) {
      event.preventDefault();
      win.hide();
    }
  });

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
