// Console settings: defaults, and a JSON-file store for browser mode (Electron keeps them in electron-store).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { consoleSettingsSchema, type ConsoleSettings } from '../../src-shared/console-api';

export interface SettingsStore {
  get(): ConsoleSettings;
  set(settings: ConsoleSettings): void;
}

export const defaultSettings = (serverUrl: string): ConsoleSettings => ({
  serverUrl,
  notifications: { enabled: true, sound: true, quietWhenAway: true },
  theme: 'system',
});

/** Merges a partial update; invalid results are refused by the schema, never stored. */
export function mergeSettings(current: ConsoleSettings, patch: Partial<ConsoleSettings>): ConsoleSettings {
  return consoleSettingsSchema.parse({
    ...current,
    ...patch,
    notifications: { ...current.notifications, ...patch.notifications },
  });
}

export function createFileSettingsStore(file: string, defaults: ConsoleSettings): SettingsStore {
  let current = defaults;
  if (existsSync(file)) {
    const parsed = consoleSettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    // A damaged or outdated file falls back to defaults rather than blocking the app.
    if (parsed.success) current = parsed.data;
  }
  return {
    get: () => current,
    set(next) {
      current = next;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(next, null, 2));
      renameSync(`${file}.tmp`, file);
    },
  };
}

export function createMemorySettingsStore(initial: ConsoleSettings): SettingsStore {
  let current = initial;
  return { get: () => current, set: (next) => void (current = next) };
}
