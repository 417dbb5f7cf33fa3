// What the OS shows when something needs the specialist: native notifications (a click opens that chat),
// the unread count (macOS dock text, Windows taskbar overlay, Linux launcher count), a flashing taskbar
// button on Windows, and the tray icon with its menu. The core's notification policy already decided
// what deserves attention; this only renders it the way each OS expects.
import { app, Menu, Notification, Tray, nativeImage, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { ConsoleApi } from '../../src-shared/console-api';
import { dockBadgeText, overlayBadgeFile, overlayDescription, trayIconFile } from '../core/attention-icons';

export interface AttentionOptions {
  api: Pick<ConsoleApi, 'on'>;
  assetsDir: string;
  /** The window, if one exists now (it may have been closed to the tray). */
  window(): BrowserWindow | null;
  /** Brings the window back, creating it when it was closed. */
  showWindow(): BrowserWindow;
  /** The specialist clicked a notification: show that chat or ticket. */
  navigate(target: { conversationId: string | null; ticketId: number | null }): void;
  quit(): void;
}

export function wireAttention(options: AttentionOptions): Tray {
  const { api, assetsDir } = options;
  const trayImage = nativeImage.createFromPath(join(assetsDir, 'tray', trayIconFile(process.platform)));
  if (process.platform === 'darwin') trayImage.setTemplateImage(true);
  const tray = new Tray(trayImage);
  tray.setToolTip('Switchboard');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Switchboard', click: () => options.showWindow() },
      { type: 'separator' },
      { label: 'Quit Switchboard', click: () => options.quit() },
    ]),
  );
  // On macOS a click opens the menu (the platform convention); elsewhere it shows the window.
  if (process.platform !== 'darwin') tray.on('click', () => options.showWindow());

  // Kept so a notification is not garbage-collected before the user clicks it (then its click is lost).
  const shown = new Set<Notification>();
  api.on('notification', (n) => {
    if (!Notification.isSupported()) return;
    const note = new Notification({ title: n.title, body: n.body, silent: !n.sound });
    shown.add(note);
    note.on('click', () => {
      options.showWindow();
      options.navigate({ conversationId: n.conversationId, ticketId: n.ticketId });
    });
    note.on('close', () => shown.delete(note));
    note.show();
    const win = options.window();
    // Windows users look for an orange taskbar button; it stops by itself once the window is focused.
    if (process.platform === 'win32' && win && !win.isFocused() && n.conversationId !== null) win.flashFrame(true);
  });

  api.on('unread', ({ badge }) => {
    tray.setToolTip(badge > 0 ? `Switchboard — ${overlayDescription(badge)}` : 'Switchboard');
    if (process.platform === 'darwin') {
      app.dock?.setBadge(dockBadgeText(badge));
    } else if (process.platform === 'win32') {
      // setBadgeCount shows nothing on Windows; the taskbar overlay is how Windows apps show a count.
      const file = overlayBadgeFile(badge);
      options.window()?.setOverlayIcon(file ? nativeImage.createFromPath(join(assetsDir, 'overlay', file)) : null, overlayDescription(badge));
    } else {
      app.setBadgeCount(badge);
    }
    if (badge === 0) options.window()?.flashFrame(false);
  });
  return tray;
}
