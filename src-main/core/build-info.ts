// The console's version, stamped into the bundles at build time (scripts/build.mjs); "dev" when run from source.
declare const __SWITCHBOARD_VERSION__: string | undefined;

export const consoleVersion: string = typeof __SWITCHBOARD_VERSION__ === 'string' ? __SWITCHBOARD_VERSION__ : 'dev';
