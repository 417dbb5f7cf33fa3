// The desktop app ships its own package (src-main/app) and three bundles. This computes what would ship —
// the app package's full dependency closure from its lockfile, and every input and run-time require of the
// bundles (built here with the real build options) — and fails if anything of the server appears in it.
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build, type Metafile } from 'esbuild';
import { APP_DIR, desktopBundles } from '../../../scripts/desktop-bundles.mjs';

interface Lock {
  packages: Record<string, { version?: string; dependencies?: Record<string, string>; dev?: boolean }>;
}
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const appManifest = readJson<{ version: string; main: string; dependencies: Record<string, string> }>(`${APP_DIR}/package.json`);
const appLock = readJson<Lock>(`${APP_DIR}/package-lock.json`);
const rootManifest = readJson<{ version: string }>('package.json');
const rootLock = readJson<Lock>('package-lock.json');

/** Packages that belong to the support server (or to building and testing) and must never ship in the app. */
const SERVER_ONLY = [
  'fastify',
  '@fastify/',
  'pg',
  'pg-',
  'kysely',
  'redis',
  '@redis/',
  '@socket.io/redis-streams-adapter',
  'socket.io',
  'engine.io',
  'nodemailer',
  'file-type',
  'smtp-server',
  'mailparser',
  'electron-builder',
  'app-builder-lib',
  'vite',
  'vitest',
  'typescript',
  '@playwright/',
  'react',
  'react-dom',
];
const serverOnly = (pkg: string) => SERVER_ONLY.some((s) => (s.endsWith('/') || s.endsWith('-') ? pkg.startsWith(s) : pkg === s));

/** `node_modules/a/node_modules/@b/c` → `@b/c`. */
const packageOf = (path: string): string => {
  const rest = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const parts = rest.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
};

/** What npm installs for the app: every package its lockfile lists, walked from its declared dependencies. */
function lockClosure(lock: Lock, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = roots.map((name) => `node_modules/${name}`);
  while (queue.length) {
    const key = queue.shift()!;
    const name = packageOf(key);
    if (seen.has(key)) continue;
    const entry = lock.packages[key];
    if (!entry) throw new Error(`${name} is required but missing from the app lockfile`);
    seen.add(key);
    for (const dep of Object.keys(entry.dependencies ?? {})) {
      // npm's resolution: the nearest node_modules up the tree.
      let dir = key;
      for (;;) {
        const candidate = `${dir}/node_modules/${dep}`;
        if (lock.packages[candidate]) {
          queue.push(candidate);
          break;
        }
        const up = dir.lastIndexOf('/node_modules/');
        if (up < 0) {
          queue.push(`node_modules/${dep}`);
          break;
        }
        dir = dir.slice(0, up);
      }
    }
  }
  return new Set([...seen].map(packageOf));
}

let metafiles: { name: string; meta: Metafile }[] = [];
beforeAll(async () => {
  metafiles = await Promise.all(
    desktopBundles({ __SWITCHBOARD_VERSION__: '"test"' }).map(async (b) => ({ name: b.name, meta: (await build({ ...b.options, write: false, sourcemap: false, metafile: true })).metafile! })),
  );
}, 60_000);

describe('the desktop app package', () => {
  const closure = lockClosure(appLock, Object.keys(appManifest.dependencies));

  it('installs a closure without a single server or build-tool package', () => {
    expect(closure.has('better-sqlite3')).toBe(true);
    expect([...closure].filter(serverOnly)).toEqual([]);
    expect(closure.has('electron')).toBe(false);
  });

  it('has a lockfile that matches its manifest exactly', () => {
    expect(appLock.packages['']?.dependencies).toEqual(appManifest.dependencies);
    expect(new Set(Object.keys(appLock.packages).filter(Boolean).map(packageOf))).toEqual(closure);
  });

  it('ships the same native SQLite module and version the rest of the project is tested with', () => {
    expect(appManifest.dependencies['better-sqlite3']).toBe(rootLock.packages['node_modules/better-sqlite3']?.version);
    expect(appManifest.version).toBe(rootManifest.version);
    expect(appManifest.main).toBe('dist/main.js');
  });

  it('bundles nothing of the server: no src-server code and no server package in any bundle', () => {
    for (const { name, meta } of metafiles) {
      const inputs = Object.keys(meta.inputs);
      expect(inputs.length, name).toBeGreaterThan(10);
      expect(inputs.filter((i) => i.startsWith('src-server/')), name).toEqual([]);
      expect([...new Set(inputs.filter((i) => i.includes('node_modules/')).map(packageOf))].filter(serverOnly), name).toEqual([]);
    }
  });

  it('requires at run time only Node built-ins, Electron and what the app package installs', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const installed = new Set(Object.keys(appManifest.dependencies));
    const optionalInWs = new Set(['bufferutil', 'utf-8-validate']);
    for (const { name, meta } of metafiles) {
      const external = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
      const unexpected = [...new Set(external)].filter((p) => !builtins.has(p) && p !== 'electron' && !installed.has(p) && !optionalInWs.has(p));
      expect(unexpected, name).toEqual([]);
    }
    const core = metafiles.find((m) => m.name === 'desktop-core')!;
    expect(Object.values(core.meta.outputs).flatMap((o) => o.imports.map((i) => i.path))).toContain('better-sqlite3');
  });

  it('catches a server package, so the check has teeth', () => {
    expect(serverOnly('fastify')).toBe(true);
    expect(serverOnly('@fastify/multipart')).toBe(true);
    expect(serverOnly('pg-protocol')).toBe(true);
    expect(serverOnly('zod')).toBe(false);
    const poisoned: Lock = { packages: { ...appLock.packages, 'node_modules/electron-updater': { ...appLock.packages['node_modules/electron-updater'], dependencies: { kysely: '*' } }, 'node_modules/kysely': { version: '0.28.0' } } };
    expect([...lockClosure(poisoned, Object.keys(appManifest.dependencies))].filter(serverOnly)).toEqual(['kysely']);
  });
});
