// Console settings: theme and notification preferences (kept by the console core), the desktop app's tray and
// login-item choices and where it logs, and the server in use.
import { useApp } from '../store/app-store';
import { useController } from './controller-context';
import { Dialog } from './Dialog';
import type { NotificationPrefs } from '../../src-shared/console-api';

export function SettingsDialog(props: { onClose: () => void }) {
  const controller = useController();
  const settings = useApp((s) => s.settings);
  const serverUrl = useApp((s) => s.session?.serverUrl ?? null);
  const appInfo = useApp((s) => s.appInfo);
  const desktop = appInfo?.shell === 'desktop';
  if (!settings) return null;
  const prefs = settings.notifications;
  const setPref = (patch: Partial<NotificationPrefs>) => void controller.updateSettings({ notifications: { ...prefs, ...patch } });
  return (
    <Dialog title="Settings" onClose={props.onClose}>
      <label className="field">
        <span>Theme</span>
        <select value={settings.theme} onChange={(e) => void controller.updateSettings({ theme: e.target.value as 'system' | 'light' | 'dark' })}>
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <fieldset className="settings-group">
        <legend>Notifications</legend>
        <label className="toggle">
          <input type="checkbox" checked={prefs.enabled} onChange={(e) => setPref({ enabled: e.target.checked })} />
          <span>Notify me about new chats and messages</span>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={prefs.sound} disabled={!prefs.enabled} onChange={(e) => setPref({ sound: e.target.checked })} />
          <span>Play a sound</span>
        </label>
        <label className="toggle">
          <input type="checkbox" checked={prefs.quietWhenAway} disabled={!prefs.enabled} onChange={(e) => setPref({ quietWhenAway: e.target.checked })} />
          <span>While away, only chats assigned to me</span>
        </label>
      </fieldset>
      {desktop && (
        <fieldset className="settings-group">
          <legend>Desktop</legend>
          {/* macOS apps keep running when their window closes; the dock brings it back. */}
          {appInfo.platform !== 'darwin' && (
            <label className="toggle">
              <input type="checkbox" checked={settings.closeToTray} onChange={(e) => void controller.updateSettings({ closeToTray: e.target.checked })} />
              <span>Closing the window keeps Switchboard running in the tray while I am signed in</span>
            </label>
          )}
          {appInfo.platform !== 'linux' && (
            <label className="toggle">
              <input type="checkbox" checked={settings.openAtLogin} onChange={(e) => void controller.updateSettings({ openAtLogin: e.target.checked })} />
              <span>Start Switchboard when I sign in to this computer</span>
            </label>
          )}
        </fieldset>
      )}
      <p className="muted">Server: {serverUrl ?? settings.serverUrl}. Sign out to use another server.</p>
      <p className="muted settings-about">
        Switchboard {appInfo?.version === 'dev' ? '(development build)' : (appInfo?.version ?? '')} · {desktop ? 'desktop app' : 'browser mode'}.{' '}
        {appInfo?.logDir ? (
          <>
            Log files (main.log, core.log): <code className="log-path">{appInfo.logDir}</code>
          </>
        ) : (
          'Logs go to the terminal that started the console.'
        )}
      </p>
    </Dialog>
  );
}
