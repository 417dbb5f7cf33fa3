// Native notifications, the dock/taskbar badge and the tray icon, driven by the service's events
// (the notification policy in core already decided what deserves attention).
import { app, Menu, Notification, Tray, nativeImage, type BrowserWindow } from 'electron';
import type { ConsoleApi } from '../../src-shared/console-api';

export function wireAttention(service: Pick<ConsoleApi, 'on'>, window: () => BrowserWindow | null, iconPath: string): Tray {
  const show = () => {
    const win = window();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }));
  tray.setToolTip('Switchboard');
  tray.setContextMenu(Menu.buildFromTemplate([{ label: 'Show Switchboard', click: show }, { type: 'separator' }, { role: 'quit' }]));
  tray.on('click', show);

  service.on('notification', (n) => {
    if (!Notification.isSupported()) return;
    const note = new Notification({ title: n.title, body: n.body, silent: !n.sound });
    note.on('click', show);
    note.show();
  });
  service.on('unread', (u) => {
    app.setBadgeCount(u.badge);
    tray.setToolTip(u.badge > 0 ? `Switchboard — ${u.badge} need attention` : 'Switchboard');
    window()?.flashFrame(u.badge > 0 && !window()?.isFocused());
  });
  return tray;
}
