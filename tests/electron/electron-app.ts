// Helpers for the desktop-app tests: is Electron runnable here (and why not), launching the built app from
// src-main/app with its own userData folder, and recording what the main process asks the OS for
// (notifications, badge, Windows overlay icon) by patching Electron's API from the test — the product has
// no test hooks.
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { expect, _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import type { BrowserWindow as ElectronWindow, NativeImage, Notification as ElectronNotification } from 'electron';
import { DANA, DEMO_PASSWORD } from '../e2e/console/console-stack';

const repo = resolve(import.meta.dirname, '../..');
/** The app package directory written by `npm run build` (package.json with main: dist/main.js). */
export const appDir = join(repo, 'src-main/app');

/**
 * Where Electron's binary is, read the way the electron package itself does (path.txt + dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH) without `require('electron')`: that would try to download the binary when it is
 * missing and then throw "Electron failed to install correctly".
 */
function electronBinary(): { path: string } | { problem: string } {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { problem: 'the electron package is not installed (run npm install)' };
  }
  const pathTxt = join(pkgDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathTxt) && !override) {
    return { problem: "Electron's binary is not installed (no node_modules/electron/path.txt: its download failed or was skipped)" };
  }
  const relative = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : 'electron';
  const binary = join(override ?? join(pkgDir, 'dist'), relative);
  if (!existsSync(binary)) return { problem: `Electron's binary is not installed (${binary} is missing)` };
  return { path: binary };
}

/** Null when the desktop app can be launched here; otherwise one line saying what is missing and what to run. */
export function electronUnavailableReason(): string | null {
  const binary = electronBinary();
  if ('problem' in binary) return `Desktop app tests need Electron: ${binary.problem}.`;
  if (!existsSync(join(appDir, 'package.json')) || !existsSync(join(appDir, 'dist/main.js'))) {
    return 'Desktop app tests need the built app: src-main/app/dist/main.js is missing (run npm run build).';
  }
  if (!existsSync(join(appDir, 'node_modules'))) {
    return 'Desktop app tests need the app dependencies rebuilt for Electron: src-main/app/node_modules is missing (run npm run desktop:prepare).';
  }
  return null;
}

/**
 * Whether a missing Electron must fail instead of skip: on GitHub Actions (GITHUB_ACTIONS=true), where the
 * workflow installs Electron and builds the app, a skip would hide a broken install. SWITCHBOARD_REQUIRE_ELECTRON
 * overrides: 1 = always required, 0 = never.
 */
export function electronRequired(): boolean {
  const forced = process.env.SWITCHBOARD_REQUIRE_ELECTRON;
  if (forced === '1' || forced === '0') return forced === '1';
  return process.env.GITHUB_ACTIONS === 'true';
}

/**
 * The reason to skip the desktop tests here, or null to run them. Where Electron is required (see
 * electronRequired) it is null even when Electron is missing, and launchApp then fails with the reason.
 */
export function electronSkipReason(): string | null {
  return electronRequired() ? null : electronUnavailableReason();
}

/** Absolute path of the Electron executable; throws with the reason when there is none. */
export function electronExecutable(): string {
  const binary = electronBinary();
  if ('problem' in binary) throw new Error(binary.problem);
  return binary.path;
}

export interface LaunchOptions {
  serverUrl: string;
  /** SWITCHBOARD_USER_DATA: cache.db, settings.json and logs/ live here; same folder = same cache on relaunch. */
  userData: string;
  /** Appends the app's stdout/stderr to this file (for CI artifacts). */
  logFile?: string;
}

/** Environment of a launched app: the test's own plus the server and userData of the contract. */
export function appEnv(opts: Pick<LaunchOptions, 'serverUrl' | 'userData'>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  // Electron run as plain Node would not open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  return { ...env, SWITCHBOARD_SERVER_URL: opts.serverUrl, SWITCHBOARD_USER_DATA: opts.userData };
}

/** Launches the built desktop app and waits for its first window with the console loaded. */
export async function launchApp(opts: LaunchOptions): Promise<{ app: ElectronApplication; window: Page }> {
  const unavailable = electronUnavailableReason();
  if (unavailable) throw new Error(unavailable);
  const app = await electron.launch({
    executablePath: electronExecutable(),
    args: [appDir],
    cwd: repo,
    env: appEnv(opts),
  });
  if (opts.logFile) {
    const logFile = opts.logFile;
    const write = (chunk: Buffer) => void appendFile(logFile, chunk).catch(() => undefined);
    app.process().stdout?.on('data', write);
    app.process().stderr?.on('data', write);
  }
  try {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    return { app, window };
  } catch (e) {
    await app.close().catch(() => undefined);
    throw e;
  }
}

/** Signs in on the app's own sign-in form as the demo specialist and waits for the main screen. */
export async function signInAsDana(window: Page, serverUrl: string): Promise<void> {
  await window.getByLabel('Server').fill(serverUrl);
  await window.getByLabel('Email').fill(DANA);
  await window.getByLabel('Password').fill(DEMO_PASSWORD);
  await window.getByRole('button', { name: 'Sign in' }).click();
  await expect(window.getByTestId('my-load')).toBeVisible();
}

/** What the main process asked of the OS since `recordAttention`. */
export interface AttentionCalls {
  notifications: { title: string; body: string }[];
  badgeCounts: (number | null)[];
  overlayIcons: { hasImage: boolean; description: string | null }[];
  /** macOS: the text given to app.dock.setBadge ('' clears it). */
  dockBadges: string[];
  /** Notification.isSupported() before the patch (false on a desktop without a notification service). */
  osSupportsNotifications: boolean;
}

/**
 * Wraps Notification.prototype.show, app.setBadgeCount, app.dock.setBadge (macOS) and (Windows) BrowserWindow.prototype.setOverlayIcon
 * in the main process so that every call is recorded on globalThis and then passed on. Where the OS reports no
 * notification support, Notification.isSupported is made to say yes: the test checks that the app asked for
 * a notification, not that the runner has a notification daemon. Call before the chat arrives.
 */
export async function recordAttention(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ app: electronApp, Notification, BrowserWindow }) => {
    const g = globalThis as typeof globalThis & { __switchboardAttention?: AttentionCalls };
    if (g.__switchboardAttention) return;
    const calls: AttentionCalls = { notifications: [], badgeCounts: [], overlayIcons: [], dockBadges: [], osSupportsNotifications: Notification.isSupported() };
    g.__switchboardAttention = calls;

    if (!calls.osSupportsNotifications) Notification.isSupported = () => true;
    const show = Notification.prototype.show;
    Notification.prototype.show = function (this: ElectronNotification) {
      calls.notifications.push({ title: this.title, body: this.body });
      try {
        show.call(this);
      } catch {
        // no notification service: the request is what the test checks
      }
    };

    const setBadgeCount = electronApp.setBadgeCount.bind(electronApp);
    electronApp.setBadgeCount = (count?: number) => {
      calls.badgeCounts.push(count ?? null);
      return setBadgeCount(count);
    };

    const dock = electronApp.dock;
    if (dock) {
      const setBadge = dock.setBadge.bind(dock);
      dock.setBadge = (text: string) => {
        calls.dockBadges.push(text);
        setBadge(text);
      };
    }

    const proto = BrowserWindow.prototype as ElectronWindow;
    const setOverlayIcon = proto.setOverlayIcon as ElectronWindow['setOverlayIcon'] | undefined;
    if (typeof setOverlayIcon === 'function') {
      proto.setOverlayIcon = function (this: ElectronWindow, overlay: NativeImage | null, description: string) {
        calls.overlayIcons.push({ hasImage: overlay !== null && overlay !== undefined && !overlay.isEmpty(), description: description ?? null });
        return setOverlayIcon.call(this, overlay, description);
      };
    }
  });
}

/** The calls recorded since `recordAttention`. */
export async function attentionCalls(app: ElectronApplication): Promise<AttentionCalls> {
  const calls = await app.evaluate(() => (globalThis as typeof globalThis & { __switchboardAttention?: AttentionCalls }).__switchboardAttention ?? null);
  if (!calls) throw new Error('recordAttention(app) was not called on this app');
  return calls;
}

/** True when the app asked for an unread badge: setBadgeCount(n > 0), a dock badge on macOS, or on Windows an overlay icon with an image. */
export function badgeRequested(calls: AttentionCalls, platform: NodeJS.Platform = process.platform): boolean {
  if (calls.badgeCounts.some((n) => n !== null && n > 0)) return true;
  if (platform === 'darwin' && calls.dockBadges.some((t) => t !== '')) return true;
  return platform === 'win32' && calls.overlayIcons.some((o) => o.hasImage);
}

/** Copies the app's own logs (userData/logs) next to the test's artifacts; best effort. */
export async function keepAppLogs(userData: string, into: string): Promise<void> {
  const logs = join(userData, 'logs');
  if (existsSync(logs)) await cp(logs, into, { recursive: true }).catch(() => undefined);
}
