// Electron entry: single instance, app:// renderer, core ConsoleService with the cache in userData,
// IPC through the guard, notifications/tray, auto-update when packaged. All logic lives in core.
import { app, BrowserWindow, shell, type Tray } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import electronUpdater from 'electron-updater';
import { pino } from 'pino';
import { openCache } from '../core/cache/open-cache';
import { createConsoleService } from '../core/console-service';
import { err, ok } from '../../src-shared/result';
import { defaultSettings } from '../core/settings';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createElectronSettings } from './settings-store';
import { createMainWindow } from './window';
import { wireIpc } from './ipc';
import { wireAttention } from './attention';
import { safeStorageSecretBox } from './secret-box';

const here = dirname(fileURLToPath(import.meta.url));
const distRoot = join(here, '..', '..');
const log = pino({ name: 'console', level: app.isPackaged ? 'info' : 'debug' });

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let win: BrowserWindow | null = null;
  let tray: Tray | null = null;
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  void app.whenReady().then(() => {
    // Launched by `npm start`, the server URL comes from the launcher; otherwise from settings.
    const store = createElectronSettings(defaultSettings(process.env.SWITCHBOARD_SERVER_URL ?? 'http://127.0.0.1:4080'));
    const cache = openCache(join(app.getPath('userData'), 'cache.db'));
    const service = createConsoleService({
      cache,
      settings: store.settings,
      log,
      secrets: safeStorageSecretBox,
      openExternal: (url) => shell.openExternal(url),
      filesDir: join(app.getPath('userData'), 'attachments'),
      // Thin shell: the core downloaded and checked the file; the OS opens it or shows it in its folder.
      presentFile: async (file, reveal) => {
        if (reveal) {
          shell.showItemInFolder(file.path);
          return ok({ url: null });
        }
        const problem = await shell.openPath(file.path);
        return problem ? err('unavailable', `The file could not be opened: ${problem}`) : ok({ url: null });
      },
    });
    serveRenderer(join(distRoot, 'renderer'));
    const icon = join(app.getAppPath(), 'assets', 'icon.png');
    const open = () => {
      win = createMainWindow({ preload: join(distRoot, 'preload', 'preload.cjs'), bounds: store.windowBounds(), onBounds: store.saveWindowBounds, icon });
      win.on('closed', () => (win = null));
      win.on('focus', () => service.setWindowFocused(true));
      win.on('blur', () => service.setWindowFocused(false));
    };
    wireIpc(service, () => win);
    tray = wireAttention(service, () => win, icon);
    service.resume();
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    app.on('before-quit', () => {
      service.close();
      cache.close();
      tray?.destroy();
    });
    if (app.isPackaged) void electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch((e: unknown) => log.warn({ err: e }, 'update check failed'));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
