// Electron entry (the main process): single instance, the app:// renderer, windows, tray, notifications,
// login item, updates — and the console core started in its own utilityProcess, reached over MessagePorts.
// Nothing here touches SQLite or the network: a large catch-up never stalls window management.
import { app, ipcMain, powerMonitor, type BrowserWindow, type Tray } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { autoUpdater } from 'electron-updater';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { wireAttention } from './attention';
import { loadDesktopConfig } from './config';
import { CORE_PORT_REQUEST_CHANNEL } from '../../src-shared/console-protocol';
import { startConsoleCoreHost } from './console-core-host';
import { loadDataKey } from './data-key';
import { fileLogger } from './log-file';
import { createMainWindow } from './window';
import { windowStateStore } from './window-state';

const APP_ID = 'com.switchboard.console';
const config = loadDesktopConfig();
// Before anything reads it, and before the single-instance lock (which is keyed on this folder).
if (config.userData) app.setPath('userData', config.userData);
const userData = app.getPath('userData');
const logDir = join(userData, 'logs');
const log = fileLogger(logDir, 'main', config.logLevel);
process.on('uncaughtException', (e) => log.fatal({ err: e }, 'uncaught exception in the main process'));

/** The built app: dist/ inside the app package (src-main/app in development, app.asar when packaged). */
const dist = join(app.getAppPath(), 'dist');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows ties notifications and the taskbar button to this id; it must match the installer's appId.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  registerAppScheme();
  let win: BrowserWindow | null = null;
  let tray: Tray | null = null;
  let quitting = false;
  let signedIn = false;
  let closeToTray = true;

  const core = startConsoleCoreHost({
    entry: join(dist, 'core.js'),
    log,
    init: () => ({
      type: 'init',
      dataDir: userData,
      serverUrl: config.serverUrl,
      serverUrlGiven: config.serverUrlGiven,
      version: app.getVersion(),
      platform: process.platform,
      logDir,
      dataKey: loadDataKey(userData, log),
    }),
  });

  const windowState = windowStateStore(userData);
  const showWindow = (): BrowserWindow => {
    if (!win || win.isDestroyed()) {
      const created = createMainWindow({
        preload: join(dist, 'preload.cjs'),
        bounds: windowState.load(),
        onBounds: windowState.save,
        icon: join(dist, 'assets', 'icon.png'),
        // Closing while signed in keeps the specialist online from the tray; macOS keeps apps running anyway.
        hideOnClose: () => !quitting && (process.platform === 'darwin' || (closeToTray && signedIn)),
      });
      created.on('closed', () => {
        if (win === created) win = null;
      });
      created.on('focus', () => core.send({ type: 'window-focus', focused: true }));
      created.on('blur', () => core.send({ type: 'window-focus', focused: false }));
      win = created;
      return created;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    return win;
  };

  app.on('second-instance', () => showWindow());
  app.on('before-quit', () => {
    quitting = true;
  });

  void app.whenReady().then(() => {
    serveRenderer(join(dist, 'renderer'));
    ipcMain.on(CORE_PORT_REQUEST_CHANNEL, (event) => core.connectWindow(event.sender, event.senderFrame?.url));

    const applySettings = (s: { closeToTray: boolean; openAtLogin: boolean }) => {
      closeToTray = s.closeToTray;
      // Linux has no login-item API in Electron; the setting is hidden there.
      if (process.platform !== 'linux' && app.isPackaged && app.getLoginItemSettings().openAtLogin !== s.openAtLogin) {
        app.setLoginItemSettings({ openAtLogin: s.openAtLogin });
      }
    };
    core.api.on('settings', applySettings);
    core.api.on('session', (s) => {
      signedIn = s.me !== null;
    });
    core.start();
    void core.api.getSettings({}).then((r) => r.ok && applySettings(r.value));
    void core.api.getSession({}).then((r) => {
      if (r.ok) signedIn = r.value.me !== null;
    });

    tray = wireAttention({
      api: core.api,
      assetsDir: join(dist, 'assets'),
      window: () => (win && !win.isDestroyed() ? win : null),
      showWindow,
      navigate: (target) => core.send({ type: 'navigate', ...target }),
      quit: () => app.quit(),
    });
    // After sleep the server connection is probably dead without knowing it: reconnect and catch up now.
    powerMonitor.on('resume', () => core.send({ type: 'reconnect' }));
    powerMonitor.on('unlock-screen', () => core.send({ type: 'reconnect' }));
    showWindow();
    // macOS: a click on the dock icon brings the window back.
    app.on('activate', () => showWindow());

    // Only installers built with an update feed carry app-update.yml (see electron-builder.yml).
    if (app.isPackaged && existsSync(join(process.resourcesPath, 'app-update.yml'))) {
      autoUpdater.logger = { info: (m) => log.info(String(m)), warn: (m) => log.warn(String(m)), error: (m) => log.error(String(m)), debug: () => undefined };
      void autoUpdater.checkForUpdatesAndNotify().catch((e: unknown) => log.warn({ err: e }, 'update check failed'));
    }
  });

  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    // The core closes SQLite cleanly first (it is killed if it takes longer than a few seconds).
    event.preventDefault();
    tray?.destroy();
    void core.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => {
    // The window is only really closed when quitting, or when not signed in with close-to-tray off.
    if (process.platform !== 'darwin') app.quit();
  });
}
