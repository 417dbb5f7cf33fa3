// Console settings: defaults, and the JSON-file store both the desktop core and browser mode keep them in.
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
  closeToTray: true,
  openAtLogin: false,
});

/** The settings with the server named at launch as the one to sign in to (the rest kept). */
export function withLaunchServer(current: ConsoleSettings, launchServerUrl: string): ConsoleSettings {
  return current.serverUrl === launchServerUrl ? current : mergeSettings(current, { serverUrl: launchServerUrl });
}

/** Merges a partial update; invalid results are refused by the schema, never stored. */
export function mergeSettings(current: ConsoleSettings, patch: Partial<ConsoleSettings>): ConsoleSettings {
  return consoleSettingsSchema.parse({
    ...current,
    ...patch,
    notifications: { ...current.notifications, ...patch.notifications },
  });
}

/**
 * Settings from a file: fields added since the file was written take their defaults; a damaged file falls
 * back to the defaults rather than blocking the app.
 */
export function readStoredSettings(text: string, defaults: ConsoleSettings): ConsoleSettings {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return defaults;
  }
  if (typeof stored !== 'object' || stored === null) return defaults;
  const partial = stored as Partial<ConsoleSettings>;
  const parsed = consoleSettingsSchema.safeParse({ ...defaults, ...partial, notifications: { ...defaults.notifications, ...partial.notifications } });
  return parsed.success ? parsed.data : defaults;
}

export function createFileSettingsStore(file: string, defaults: ConsoleSettings): SettingsStore {
  let current = defaults;
  if (existsSync(file)) current = readStoredSettings(readFileSync(file, 'utf8'), defaults);
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
