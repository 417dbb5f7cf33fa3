import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import Ajv from 'ajv';

/** Just the parts the assertions read; the schema check covers the rest. */
interface BuilderConfig {
  nsis: Record<string, unknown>;
  mac: Record<string, unknown>;
  asarUnpack: string[];
  publish: Record<string, unknown>;
  files: string[];
}

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as Record<string, unknown>;
const config = parse(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as BuilderConfig;

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
    expect(config.publish).toMatchObject({ provider: 'generic' });
    expect(config.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'package.json']));
  });

  it('rejects a misspelt option, so the schema check has teeth', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).toBe(false);
  });
});
