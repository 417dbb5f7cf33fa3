// Lint rules, including the layer rules of STYLE.md: an import that climbs a layer fails CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (files, patterns, paths = []) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { paths, patterns }],
  },
});

const nodeBuiltins = { group: ['node:*'], message: 'browser code cannot use Node built-ins' };
const nodeBuiltinPaths = ['fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'stream'].map((name) => ({
  name,
  message: 'browser code cannot use Node built-ins',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'release/**', 'data/**', 'src-main/app/dist/**', 'src-main/app/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src-renderer/**', 'src-server/widget/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Messages are rendered as text, never as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'render text, never HTML' },
        { selector: "MemberExpression[property.name='innerHTML']", message: 'render text, never HTML' },
      ],
    },
  },
  // src-shared: imported by everyone, imports nobody but libraries that run everywhere.
  layer(['src-shared/**'], [
    nodeBuiltins,
    { group: ['**/src-server/**', '**/src-main/**', '**/src-preload/**', '**/src-renderer/**', 'electron', 'react', 'socket.io', 'socket.io-client', 'better-sqlite3'], message: 'src-shared is the bottom layer' },
  ], nodeBuiltinPaths),
  layer(['src-server/**'], [
    { group: ['**/src-main/**', '**/src-preload/**', '**/src-renderer/**', 'electron'], message: 'the server does not depend on the console' },
  ]),
  layer(['src-server/widget/**'], [
    nodeBuiltins,
    { group: ['**/src-main/**', '**/src-renderer/**', 'electron', '../*.ts', '../db/**', '../routes/**', 'better-sqlite3', 'socket.io', 'fastify'], message: 'the widget runs in the customer browser: it may use src-shared and browser libraries only' },
  ], nodeBuiltinPaths),
  layer(['src-main/core/**'], [
    { group: ['electron', '**/src-main/electron/**', '**/src-main/host/**', '../electron/**', '../host/**', '**/src-renderer/**', '**/src-server/**', '**/src-preload/**'], message: 'src-main/core is plain Node: no electron, no shell, no host' },
  ]),
  layer(['src-main/host/**'], [
    { group: ['electron', '**/src-main/electron/**', '../electron/**', '**/src-renderer/**', '**/src-preload/**'], message: 'browser mode must not depend on Electron' },
  ]),
  layer(['src-main/electron/**'], [
    { group: ['**/src-main/host/**', '../host/**', '**/src-renderer/**'], message: 'the Electron shell wires core; it does not use the host or the renderer' },
  ]),
  layer(['src-preload/**'], [
    { group: ['**/src-main/**', '**/src-server/**', '**/src-renderer/**', 'better-sqlite3', 'socket.io-client'], message: 'preload exposes the ConsoleApi only' },
  ]),
  layer(['src-renderer/**'], [
    nodeBuiltins,
    { group: ['**/src-main/**', '**/src-server/**', '**/src-preload/**', 'electron', 'better-sqlite3', 'socket.io-client'], message: 'the renderer talks only to window.switchboard (the ConsoleApi)' },
  ], nodeBuiltinPaths),
  {
    files: ['tests/**', 'scripts/**', '*.config.ts', '*.config.js'],
    rules: { 'no-console': 'off' },
  },
);
