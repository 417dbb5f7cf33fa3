// The console's keyboard shortcuts as data, and the pure mapping from a key press to a command.
export type Command =
  | 'search'
  | 'help'
  | 'nextChat'
  | 'previousChat'
  | 'acceptNext'
  | 'endChat'
  | 'focusComposer'
  | 'goQueue'
  | 'goChats'
  | 'goTickets'
  | 'goDashboard'
  | 'goAdmin'
  | 'closeOverlay'
  | { chatIndex: number };

export type KeyPress = {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Focus is in a text input, where plain keys type text. */
  inTextField: boolean;
};

/** Shown in the help sheet; the keys are written as a user reads them. */
export const shortcutHelp: { keys: string; what: string }[] = [
  { keys: 'Ctrl/⌘ K', what: 'Search chats and tickets' },
  { keys: 'Alt ↓ / Ctrl Tab', what: 'Next open chat' },
  { keys: 'Alt ↑ / Ctrl Shift Tab', what: 'Previous open chat' },
  { keys: 'Alt 1 … 9', what: 'Go to open chat 1 … 9' },
  { keys: 'Alt N', what: 'Accept the next waiting visitor' },
  { keys: 'Alt E', what: 'End the focused chat' },
  { keys: 'Alt C', what: 'Focus the composer' },
  { keys: 'Alt Q / Alt H / Alt T / Alt D', what: 'Queues / Chats / Tickets / Dashboard' },
  { keys: 'Alt A', what: 'Administration (leads and admins)' },
  { keys: 'Enter / Shift Enter', what: 'Send / new line (composer)' },
  { keys: '/', what: 'Canned responses (at the start of the composer)' },
  { keys: 'Ctrl/⌘ I', what: 'Toggle internal note (composer)' },
  { keys: '?', what: 'This help' },
  { keys: 'Esc', what: 'Close a dialog' },
];

/** Alt+letter is matched on `code` because on macOS Option+letter types a symbol into `key`. */
export function commandFor(k: KeyPress): Command | null {
  const mod = k.ctrlKey || k.metaKey;
  if (k.key === 'Escape') return 'closeOverlay';
  if (mod && !k.altKey && k.code === 'KeyK') return 'search';
  if (k.ctrlKey && k.key === 'Tab') return k.shiftKey ? 'previousChat' : 'nextChat';
  if (k.altKey && !mod) {
    if (k.key === 'ArrowDown') return 'nextChat';
    if (k.key === 'ArrowUp') return 'previousChat';
    const digit = /^Digit([1-9])$/.exec(k.code);
    if (digit) return { chatIndex: Number(digit[1]) - 1 };
    switch (k.code) {
      case 'KeyN':
        return 'acceptNext';
      case 'KeyE':
        return 'endChat';
      case 'KeyC':
        return 'focusComposer';
      case 'KeyQ':
        return 'goQueue';
      case 'KeyH':
        return 'goChats';
      case 'KeyT':
        return 'goTickets';
      case 'KeyD':
        return 'goDashboard';
      case 'KeyA':
        return 'goAdmin';
    }
  }
  if (!k.inTextField && !mod && !k.altKey && k.key === '?') return 'help';
  return null;
}
