// The help center's two static files, with the versioned paths pages link them by: a changed file gets a new URL,
// so browsers may keep the old one for an hour without ever pairing a new page with an old stylesheet or script.
import { createHash } from 'node:crypto';
import { HELP_CSS } from './help-css';
import { HELP_SCRIPT } from './help-script';

const version = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 10);

export interface HelpAsset {
  body: string;
  contentType: string;
}

export const HELP_ASSETS: Readonly<Record<'help.css' | 'help.js', HelpAsset>> = {
  'help.css': { body: HELP_CSS, contentType: 'text/css; charset=utf-8' },
  'help.js': { body: HELP_SCRIPT, contentType: 'text/javascript; charset=utf-8' },
};

export const HELP_ASSET_PATHS = {
  css: `/help/assets/help.css?v=${version(HELP_CSS)}`,
  js: `/help/assets/help.js?v=${version(HELP_SCRIPT)}`,
} as const;

/** An hour: the versioned URLs above change with the content. */
export const HELP_ASSET_CACHE_CONTROL = 'public, max-age=3600';
