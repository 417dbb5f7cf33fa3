import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockBadgeText, overlayBadgeFile, overlayDescription, trayIconFile } from '../../../../src-main/core/attention-icons';

const assets = new URL('../../../../assets/', import.meta.url);
const twin = (file: string) => file.replace(/\.png$/, '@2x.png');
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (file: string) => {
  const head = readFileSync(new URL(file, assets)).subarray(0, 24);
  return [head.readUInt32BE(16), head.readUInt32BE(20)];
};

describe('overlayBadgeFile', () => {
  it('shows no overlay when nothing needs attention', () => {
    expect(overlayBadgeFile(0)).toBeNull();
  });

  it('shows no overlay for a negative or non-finite count', () => {
    for (const count of [-1, -20, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(overlayBadgeFile(count)).toBeNull();
  });

  it('shows the exact number from 1 to 9', () => {
    expect(overlayBadgeFile(1)).toBe('badge-1.png');
    expect(overlayBadgeFile(5)).toBe('badge-5.png');
    expect(overlayBadgeFile(9)).toBe('badge-9.png');
  });

  it('shows 9+ for ten or more', () => {
    expect(overlayBadgeFile(10)).toBe('badge-9plus.png');
    expect(overlayBadgeFile(250)).toBe('badge-9plus.png');
  });

  it('rounds a fractional count down', () => {
    expect(overlayBadgeFile(2.7)).toBe('badge-2.png');
    expect(overlayBadgeFile(0.5)).toBeNull();
  });
});

describe('overlayDescription', () => {
  it('is empty when there is no overlay', () => {
    expect(overlayDescription(0)).toBe('');
    expect(overlayDescription(-3)).toBe('');
    expect(overlayDescription(Number.NaN)).toBe('');
  });

  it('uses the singular for one chat and the plural with the real count otherwise', () => {
    expect(overlayDescription(1)).toBe('1 chat needs attention');
    expect(overlayDescription(3)).toBe('3 chats need attention');
    expect(overlayDescription(12)).toBe('12 chats need attention');
  });
});

describe('trayIconFile', () => {
  it('uses the template image on macOS so the menu bar can recolour it', () => {
    expect(trayIconFile('darwin')).toBe('trayTemplate.png');
  });

  it('uses the brand-coloured icon on Windows and Linux', () => {
    expect(trayIconFile('win32')).toBe('tray.png');
    expect(trayIconFile('linux')).toBe('tray.png');
  });
});

describe('dockBadgeText', () => {
  it('is empty when nothing needs attention', () => {
    expect(dockBadgeText(0)).toBe('');
    expect(dockBadgeText(-1)).toBe('');
    expect(dockBadgeText(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('shows the count as text up to 99 and 99+ beyond', () => {
    expect(dockBadgeText(1)).toBe('1');
    expect(dockBadgeText(42)).toBe('42');
    expect(dockBadgeText(99)).toBe('99');
    expect(dockBadgeText(100)).toBe('99+');
  });
});

describe('attention icon files', () => {
  it('exist under assets/ at 16×16 with their 32×32 @2x twin for every name the module returns', () => {
    const overlays = new Set<string>();
    for (let count = 1; count <= 12; count++) overlays.add(overlayBadgeFile(count) as string);
    const trays = new Set((['darwin', 'win32', 'linux'] as const).map(trayIconFile));
    const files = [...[...overlays].map((f) => `overlay/${f}`), ...[...trays].map((f) => `tray/${f}`)];
    expect(files).toHaveLength(10 + 2);
    for (const file of files) {
      expect(existsSync(new URL(file, assets)), file).toBe(true);
      expect(existsSync(new URL(twin(file), assets)), twin(file)).toBe(true);
      expect(pngSize(file), file).toEqual([16, 16]);
      expect(pngSize(twin(file)), twin(file)).toEqual([32, 32]);
    }
  });
});
