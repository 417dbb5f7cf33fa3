// The "?" sheet listing every keyboard shortcut.
import { useApp } from '../store/app-store';
import { Dialog } from '../app/Dialog';
import { shortcutHelp } from './shortcuts';

export function ShortcutHelp() {
  const setOverlay = useApp((s) => s.setOverlay);
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => setOverlay('none')}>
      <table className="shortcut-table">
        <tbody>
          {shortcutHelp.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
