// Settings and window bounds in electron-store (a JSON file in userData), behind core's SettingsStore.
import Store from 'electron-store';
import type { ConsoleSettings } from '../../src-shared/console-api';
import { consoleSettingsSchema } from '../../src-shared/console-api';
import type { SettingsStore } from '../core/settings';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

interface Stored {
  settings: ConsoleSettings;
  windowBounds: WindowBounds;
}

export function createElectronSettings(defaults: ConsoleSettings) {
  const store = new Store<Stored>({ name: 'settings', defaults: { settings: defaults, windowBounds: { width: 1280, height: 820 } } });
  const parsed = consoleSettingsSchema.safeParse(store.get('settings'));
  // A hand-edited or outdated file falls back to defaults instead of breaking start-up.
  if (!parsed.success) store.set('settings', defaults);
  const settings: SettingsStore = {
    get: () => store.get('settings'),
    set: (next) => store.set('settings', next),
  };
  return {
    settings,
    windowBounds: (): WindowBounds => store.get('windowBounds'),
    saveWindowBounds: (b: WindowBounds) => store.set('windowBounds', b),
  };
}
