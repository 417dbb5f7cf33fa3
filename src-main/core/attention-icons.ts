// Which tray icon, taskbar overlay badge and dock text show the unread count (files from assets/make-attention-icons.mjs).

/** Counts that are not a positive number (0, negative, NaN, ±Infinity) mean "nothing needs attention"; fractions round down. */
function attentionCount(count: number): number {
  return Number.isFinite(count) && count >= 1 ? Math.floor(count) : 0;
}

/**
 * The Windows taskbar overlay for `count` chats, relative to `assets/overlay/`, or null for no overlay.
 * Pass the base name to nativeImage.createFromPath: Electron picks the `@2x` twin on HiDPI displays itself.
 */
export function overlayBadgeFile(count: number): string | null {
  const n = attentionCount(count);
  if (n === 0) return null;
  return n > 9 ? 'badge-9plus.png' : `badge-${n}.png`;
}

/** The accessible description Windows reads for the overlay ('' when there is none). */
export function overlayDescription(count: number): string {
  const n = attentionCount(count);
  if (n === 0) return '';
  return n === 1 ? '1 chat needs attention' : `${n} chats need attention`;
}

/** The tray icon, relative to `assets/tray/`: a macOS template image (recoloured for the menu bar) on darwin. */
export function trayIconFile(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'trayTemplate.png' : 'tray.png';
}

const DOCK_MAX = 99;

/** The macOS dock badge text: the count itself up to 99, '99+' beyond, '' for none. */
export function dockBadgeText(count: number): string {
  const n = attentionCount(count);
  if (n === 0) return '';
  return n > DOCK_MAX ? `${DOCK_MAX}+` : String(n);
}
