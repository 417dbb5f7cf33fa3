import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import Ajv from 'ajv';

/** Just the parts the assertions read; the schema check covers the rest. */
interface BuilderConfig {
  directories: Record<string, string>;
  nsis: Record<string, unknown>;
  mac: { target: { target: string; arch: string[] }[] } & Record<string, unknown>;
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[] };
  asarUnpack: string[];
  publish?: unknown;
  npmRebuild: boolean;
  files: string[];
}

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as Record<string, unknown>;
const yamlText = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
const config = parse(yamlText) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('uses the JSON-schema draft that ajv 8 validates by default', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it("is valid against electron-builder's own configuration schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('installs per user on Windows with a choosable folder, signs and notarises on macOS, unpacks SQLite', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'assets/entitlements.mac.plist', notarize: true });
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
  });

  it('packages only the app package (src-main/app), rebuilt for Electron', () => {
    expect(config.directories).toMatchObject({ app: 'src-main/app', output: 'release' });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.npmRebuild).toBe(true);
  });

  it('builds NSIS (x64, arm64), dmg + zip (x64, arm64), AppImage + deb', () => {
    const targets = (list: { target: string; arch: string[] }[]) => list.map((t) => `${t.target}:${[...t.arch].sort().join('+')}`).sort();
    expect(targets(config.win.target)).toEqual(['nsis:arm64+x64']);
    expect(targets(config.mac.target)).toEqual(['dmg:arm64+x64', 'zip:arm64+x64']);
    expect(targets(config.linux.target)).toEqual(['AppImage:x64', 'deb:x64']);
  });

  it('builds with no environment variable set: no ${env.…} macro, the update feed comes from scripts/dist.mjs', () => {
    expect(yamlText.replace(/^\s*#.*$/gm, '')).not.toMatch(/\$\{env\./);
    expect(config.publish).toBeUndefined();
  });

  it('rejects a misspelt option, so the schema check has teeth', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).toBe(false);
  });
});
