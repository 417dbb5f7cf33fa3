// Console settings: theme and notification preferences (kept by the main process), and the server in use.
import { useApp } from '../store/app-store';
import { useController } from './controller-context';
import { Dialog } from './Dialog';
import type { NotificationPrefs } from '../../src-shared/console-api';

export function SettingsDialog(props: { onClose: () => void }) {
  const controller = useController();
  const settings = useApp((s) => s.settings);
  const serverUrl = useApp((s) => s.session?.serverUrl ?? null);
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
      <p className="muted">Server: {serverUrl ?? settings.serverUrl}. Sign out to use another server.</p>
    </Dialog>
  );
}
