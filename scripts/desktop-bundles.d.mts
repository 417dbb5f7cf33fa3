// Types of scripts/desktop-bundles.mjs for the TypeScript that imports it (the closure test).
import type { BuildOptions } from 'esbuild';

export const APP_DIR: string;
export const APP_DIST: string;
export function desktopBundles(define: Record<string, string>): { name: string; options: BuildOptions & { outfile: string } }[];
